import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * The flags and environment `npm start` gives Node (package.json's start script): the bench
 * measures the server as it runs.
 */
const START = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
const NODE_FLAGS =
	/\bnode ((?:--\S+ )*)server(?:-cluster)?\.js/.exec(START)?.[1]?.trim().split(" ").filter(Boolean) ?? [];
const NODE_ENV_VARS = Object.fromEntries(
	[...(/((?:\b[A-Z_]+=\S+ )+)node\b/.exec(START)?.[1]?.matchAll(/([A-Z_]+)=(\S+)/g) ?? [])]
		.filter(([, name]) => name !== "NODE_ENV")
		.map(([, name, value]) => [name, value]),
);

/** What tests/bench/probe.js answers from inside a server. */
export type ProbeAnswer = {
	cpuMicros: number;
	rssBytes: number;
	heapUsedBytes: number;
	heapTotalBytes: number;
	externalBytes: number;
	loopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
};

export type BenchServer = {
	origin: string;
	pid: number;
	/** Asks the server's probe: "stats" reads, "reset" reads then starts the loop delay anew, "gc" collects first. */
	probe: (kind: "stats" | "reset" | "gc") => Promise<ProbeAnswer>;
	memory: () => { rssMiB: number; peakMiB: number };
	stop: () => Promise<void>;
};

/**
 * Starts the production build on 127.0.0.1 with demo data in a database of its own, with the
 * bench's probe (tests/bench/probe.js) on its IPC channel and garbage collection on demand.
 */
export async function startBenchServer(port: number): Promise<BenchServer & { database: string }> {
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
	const child = spawn("node", [...NODE_FLAGS, "--expose-gc", "server.js"], {
		env: { ...env, ...NODE_ENV_VARS, BENCH_PROBE: "1" },
		stdio: ["ignore", "inherit", "inherit", "ipc"],
	});
	await waitFor(`http://127.0.0.1:${port}/healthz`);
	return { ...benchServer(child, port), database };
}

/**
 * Starts the bare Remix app of tests/bench/reference (built by the caller) on 127.0.0.1, with
 * Node's defaults, as remix-serve runs it. Under the app's flags (the old space capped at 256 MiB)
 * it read 1.6-3.2 ms of CPU a request, against 0.9-1.7 with the defaults in the run before: Remix's
 * 5 s timer keeps each request's context alive (the app ends it with the response,
 * docs/decisions/0112), so its heap fills, and a capped heap is collected more often. A reference
 * slowed so would flatter every ratio.
 */
export async function startReferenceServer(port: number): Promise<BenchServer> {
	const child = spawn("node", ["--expose-gc", "tests/bench/reference/server.js"], {
		env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), BENCH_PROBE: "1" },
		stdio: ["ignore", "inherit", "inherit", "ipc"],
	});
	await waitFor(`http://127.0.0.1:${port}/`);
	return benchServer(child, port);
}

function benchServer(child: ChildProcess, port: number): BenchServer {
	return {
		origin: `http://127.0.0.1:${port}`,
		pid: child.pid!,
		probe: probeOf(child),
		memory: () => memoryOf(child.pid!),
		stop: () => stop(child),
	};
}

/** Asks the probe of a server started with `BENCH_PROBE=1` and an IPC channel (tests/bench/probe.js). */
export function probeOf(child: ChildProcess): BenchServer["probe"] {
	let asked = 0;
	return (kind) =>
		new Promise<ProbeAnswer>((resolve) => {
			const id = ++asked;
			const listen = (message: ProbeAnswer & { id?: number }) => {
				if (message?.id !== id) return;
				child.off("message", listen);
				resolve(message);
			};
			child.on("message", listen);
			child.send({ probe: kind, id });
		});
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
