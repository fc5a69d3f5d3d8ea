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
	const child = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", "inherit"] });
	await waitFor(`http://127.0.0.1:${port}/healthz`);
	return { origin: `http://127.0.0.1:${port}`, database, stop: () => stop(child) };
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

function stop(child: ChildProcess) {
	return new Promise<void>((resolve) => {
		child.once("exit", () => resolve());
		child.kill("SIGTERM");
	});
}

/** Logs a demo user in through the form and returns the session cookie. */
export async function loginCookie(origin: string, email: string, password: string) {
	const response = await fetch(`${origin}/login`, {
		method: "POST",
		body: new URLSearchParams({ email, password }),
		headers: { Origin: origin },
		redirect: "manual",
	});
	const cookie = response.headers.getSetCookie().find((c) => c.includes("dsm_session="));
	if (!cookie) throw new Error(`login of ${email} failed with ${response.status}`);
	return cookie.split(";")[0]!;
}
