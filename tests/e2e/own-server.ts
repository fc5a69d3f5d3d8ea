import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { backupDatabase } from "../../app/utils/backup.server";
import { probeOf } from "../bench/server";
import { freePort } from "../utils/free-port";

/**
 * A production server of the test's own, beside the shared one: for settings the shared server
 * does not have (TRUST_PROXY), for what it writes to its log, and for how it starts. Its
 * database is a copy of the shared server's (migrated and seeded), unless `database` says
 * otherwise; `script` "server-cluster.js" starts it as `npm start` does (WEB_CONCURRENCY workers).
 * With `probe`, the bench's probe answers from inside it (tests/bench/probe.js: memory, a forced
 * collection). The caller stops it.
 */
export async function startOwnServer(
	options: {
		env?: Record<string, string>;
		database?: string;
		script?: "server.js" | "server-cluster.js";
		probe?: boolean;
	} = {},
) {
	const port = freePort();
	const database = options.database ?? (await copyOfSharedDatabase(port));
	const output: string[] = [];
	const script = options.script ?? "server.js";
	const child = spawn("node", options.probe ? ["--expose-gc", script] : [script], {
		env: {
			...process.env,
			NODE_ENV: "production",
			HOST: "127.0.0.1",
			PORT: String(port),
			DATABASE_URL: `file:${database}`,
			SESSION_SECRET: "own-server-secret-long-enough",
			...(options.probe ? { BENCH_PROBE: "1" } : {}),
			...options.env,
		},
		stdio: options.probe ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
	});
	child.stdout!.on("data", (chunk) => output.push(String(chunk)));
	child.stderr!.on("data", (chunk) => output.push(String(chunk)));
	const origin = `http://127.0.0.1:${port}`;
	await waitFor(`${origin}/healthz`, child);
	return {
		origin,
		database,
		probe: options.probe ? probeOf(child) : undefined,
		log: () => output.join(""),
		stop: () => stop(child),
	};
}

/** Runs the server until it exits, for a start that must fail: its exit code and what it printed. */
export function runServerUntilExit(env: Record<string, string>, options: { uid?: number; gid?: number } = {}) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn("node", ["server.js"], {
			env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(freePort()), ...env },
			stdio: ["ignore", "pipe", "pipe"],
			...options,
		});
		let output = "";
		child.stdout!.on("data", (chunk) => (output += chunk));
		child.stderr!.on("data", (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill("SIGTERM"), 20_000);
		child.on("exit", (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

async function copyOfSharedDatabase(port: number) {
	const target = path.resolve(`tests/.tmp/own-${port}.db`);
	for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
	await backupDatabase(path.resolve(process.env.E2E_DATABASE!), target);
	return target;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`the server did not answer ${url} within ${timeoutMs} ms`);
}

function stop(child: ChildProcess) {
	return new Promise<void>((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once("exit", () => resolve());
		child.kill("SIGTERM");
	});
}

/** `ms`: from sending the request to the answer's status line and headers. */
export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/**
 * A POST as a prober sends it: the body goes out in chunks (`chunked`: without a Content-Length),
 * all of it unless the server closes the connection, and the answer is taken as soon as it
 * comes, even before the whole body is sent, as a server may answer a body it refuses.
 */
export function rawPost(
	url: string,
	body: string,
	headers: Record<string, string> = {},
	{ chunked = false } = {},
): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const bytes = Buffer.from(body);
		const started = performance.now();
		const request = http.request(url, {
			method: "POST",
			headers: {
				"Content-Type": "application/x-www-form-urlencoded",
				...(chunked ? {} : { "Content-Length": String(bytes.length) }),
				...headers,
			},
		});
		let answered = false;
		request.on("response", (response) => {
			answered = true;
			const ms = performance.now() - started;
			const chunks: Buffer[] = [];
			response.on("data", (chunk: Buffer) => chunks.push(chunk));
			response.on("end", () =>
				resolve({
					status: response.statusCode!,
					headers: response.headers,
					body: Buffer.concat(chunks).toString("utf8"),
					ms,
				}),
			);
		});
		// A server that refuses a body may close the connection before the client has sent it all.
		request.on("error", (error) => (answered ? undefined : reject(error)));
		let offset = 0;
		const CHUNK = 64 * 1024;
		const writeMore = () => {
			while (offset < bytes.length && !request.destroyed) {
				const ok = request.write(bytes.subarray(offset, (offset += CHUNK)));
				if (!ok) return void request.once("drain", writeMore);
			}
			if (!request.destroyed) request.end();
		};
		writeMore();
	});
}
