import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Starts the production build on 127.0.0.1 with demo data in a database of its own. */
export async function startBenchServer(port: number) {
	const dir = path.resolve("tests/.tmp");
	fs.mkdirSync(dir, { recursive: true });
	const database = path.join(dir, "bench.db");
	for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(database + suffix, { force: true });
	const env = {
		...process.env,
		NODE_ENV: "production" as const,
		HOST: "127.0.0.1",
		PORT: String(port),
		DATABASE_URL: `file:${database}`,
		SESSION_SECRET: "bench-secret-long-enough-for-signing",
	};
	execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "ignore" });
	execFileSync("npx", ["tsx", "prisma/seed.ts", "--demo"], { env, stdio: "ignore" });
	const child = spawn("node", ["server.js"], { env, stdio: ["ignore", "inherit", "inherit"] });
	await waitFor(`http://127.0.0.1:${port}/healthz`);
	return { origin: `http://127.0.0.1:${port}`, database, memory: () => memoryOf(child.pid!), stop: () => stop(child) };
}

/**
 * fetch, tried once more when the server closed the kept-alive connection
 * it would have reused (idle connections close after the server's timeout).
 */
export async function request(url: string | URL, init?: RequestInit) {
	try {
		return await fetch(url, init);
	} catch (error) {
		if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
		return fetch(url, init);
	}
}

async function waitFor(url: string, timeoutMs = 30_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

/** The server's resident memory now and at its peak, in MiB (Linux). */
function memoryOf(pid: number) {
	const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
	const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
	return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
}

function stop(child: ChildProcess) {
	return new Promise<void>((resolve) => {
		child.once("exit", () => resolve());
		child.kill("SIGTERM");
	});
}

/** Logs a demo user in through the form and returns the session cookie. */
export async function loginCookie(origin: string, email: string, password: string) {
	const response = await request(`${origin}/login`, {
		method: "POST",
		body: new URLSearchParams({ email, password }),
		headers: { Origin: origin },
		redirect: "manual",
	});
	const cookie = response.headers.getSetCookie().find((c) => c.includes("dsm_session="));
	if (!cookie) throw new Error(`login of ${email} failed with ${response.status}`);
	return cookie.split(";")[0]!;
}
