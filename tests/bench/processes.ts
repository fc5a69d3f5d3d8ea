/**
 * req/s of one and of two server processes (WEB_CONCURRENCY, server-cluster.js) on SQLite and on
 * PostgreSQL, in the same run on the same machine (docs/decisions/0103-several-processes.md):
 * `npm run bench` ends with it, `npm run bench:processes` runs it alone (after `npm run build`).
 * PostgreSQL: the server TEST_POSTGRES_URL names, else a throwaway cluster (scripts/pg-cluster.sh).
 * Prints a markdown table for the README and writes bench-results/processes.json.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { freePort } from "../utils/free-port";
import { loginCookie } from "./server";

type Database = "SQLite" | "PostgreSQL";
type Row = {
	database: Database;
	processes: number;
	page: string;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
};

const CONNECTIONS = 20;

export async function benchProcesses(seconds = Number(process.env.BENCH_SECONDS ?? 8)) {
	let cluster: string | null = null;
	let server = process.env.TEST_POSTGRES_URL;
	if (!server) {
		cluster = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-bench-pg-"));
		server = execFileSync("scripts/pg-cluster.sh", ["start", cluster], { encoding: "utf8" }).trim();
	}
	const rows: Row[] = [];
	try {
		const databases: Array<[Database, string]> = [
			["SQLite", `file:${path.resolve("tests/.tmp/bench-processes.db")}`],
			["PostgreSQL", await freshPostgres(server, "dsm_bench_processes")],
		];
		for (const [database, url] of databases) {
			prepare(url);
			for (const processes of [1, 2]) {
				const running = await startServer(url, processes);
				try {
					const cookie = await loginCookie(running.origin, "trainee@example.org", DEMO_PASSWORD);
					const pages = [
						{ page: "home, signed in", path: "/" },
						{ page: "module section page", path: "/modules/basic-concepts-and-categories/usual-residence" },
					];
					for (const { page, path: target } of pages) {
						// Warmed first: every process compiles and caches the page before it is timed.
						await autocannon({
							url: running.origin + target,
							connections: CONNECTIONS,
							duration: 4,
							headers: { cookie },
						});
						const result = await autocannon({
							url: running.origin + target,
							connections: CONNECTIONS,
							duration: seconds,
							headers: { cookie },
						});
						rows.push({
							database,
							processes,
							page,
							rps: result.requests.average,
							p50: result.latency.p50,
							p99: result.latency.p99,
							errors: result.errors + result.non2xx,
						});
					}
				} finally {
					await running.stop();
				}
			}
		}
	} finally {
		if (cluster) execFileSync("scripts/pg-cluster.sh", ["stop", cluster]);
	}
	print(rows, seconds);
	fs.mkdirSync("bench-results", { recursive: true });
	fs.writeFileSync(
		"bench-results/processes.json",
		JSON.stringify({ date: new Date().toISOString(), cores: os.availableParallelism(), rows }, null, 2),
	);
	if (rows.some((r) => r.errors > 0)) {
		console.error("Several processes: some requests failed");
		process.exitCode = 1;
	}
	return rows;
}

/** An empty database of that name on the server, made anew. */
async function freshPostgres(server: string, name: string) {
	const client = new pg.Client({ connectionString: server });
	await client.connect();
	await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
	await client.query(`CREATE DATABASE "${name}"`);
	await client.end();
	const url = new URL(server);
	url.pathname = `/${name}`;
	return url.toString();
}

function prepare(url: string) {
	if (url.startsWith("file:")) {
		const file = url.slice("file:".length);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
	}
	const env = { ...process.env, DATABASE_URL: url };
	execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "ignore" });
	execFileSync("npx", ["tsx", "prisma/seed.ts", "--demo"], { env, stdio: "ignore" });
}

async function startServer(url: string, processes: number) {
	const port = freePort();
	const child = spawn("node", ["server-cluster.js"], {
		env: {
			...process.env,
			NODE_ENV: "production",
			HOST: "127.0.0.1",
			PORT: String(port),
			DATABASE_URL: url,
			SESSION_SECRET: "bench-secret-long-enough-for-signing",
			WEB_CONCURRENCY: String(processes),
		},
		stdio: ["ignore", "ignore", "inherit"],
	});
	const origin = `http://127.0.0.1:${port}`;
	const started = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > 60_000) throw new Error(`the server did not answer ${origin}/healthz`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return { origin, stop: () => stop(child) };
}

function stop(child: ChildProcess) {
	return new Promise<void>((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once("exit", () => resolve());
		child.kill("SIGTERM");
	});
}

function print(rows: Row[], seconds: number) {
	console.log(
		`\nOne and two server processes, autocannon ${CONNECTIONS} connections, ${seconds} s per run, ${os.availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}\n`,
	);
	console.log("| database | page | 1 process req/s | 2 processes req/s | ratio | p99 ms (1 / 2) | errors |");
	console.log("| --- | --- | --- | --- | --- | --- | --- |");
	for (const one of rows.filter((r) => r.processes === 1)) {
		const two = rows.find((r) => r.processes === 2 && r.database === one.database && r.page === one.page)!;
		console.log(
			`| ${one.database} | ${one.page} | ${one.rps.toFixed(0)} | ${two.rps.toFixed(0)} | ${(two.rps / one.rps).toFixed(2)} | ${one.p99} / ${two.p99} | ${one.errors + two.errors} |`,
		);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchProcesses();
