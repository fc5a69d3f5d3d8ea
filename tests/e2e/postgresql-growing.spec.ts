import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { freePort } from "../utils/free-port";
import { expect, test } from "./fixtures";

/*
 * README, "Growing past one machine", step by step (playwright.postgresql.config.ts): a demo SQLite
 * installation moves to a new PostgreSQL database, which two processes then serve behind a
 * reverse proxy with TRUST_PROXY=true.
 */
const run = promisify(execFile);
const server = process.env.TEST_POSTGRES_URL!;

test("a demo SQLite installation moves to PostgreSQL and is served by two processes behind a proxy", async ({
	page,
	a11y,
}) => {
	test.setTimeout(240_000);
	const port = freePort();
	const name = `dsm_growing_${port}`;
	const url = new URL(server);
	url.pathname = `/${name}`;
	const databaseUrl = url.toString();
	const sqlite = path.resolve(`tests/.tmp/growing-${port}.db`);
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	let app: ReturnType<typeof spawn> | undefined;
	let proxy: http.Server | undefined;
	try {
		// The installation that grows: SQLite with the demo data.
		const sqliteEnv = { ...process.env, DATABASE_URL: `file:${sqlite}` };
		await run("npx", ["prisma", "migrate", "deploy"], { env: sqliteEnv });
		await run("npx", ["tsx", "prisma/seed.ts", "--demo"], { env: sqliteEnv });

		// 1. Create the database. 2. Point the app at it and set it up.
		await admin.query(`CREATE DATABASE "${name}"`);
		const env = { ...process.env, DATABASE_URL: databaseUrl };
		await run("npm", ["run", "setup"], { env });
		// 3. Copy the installation over, checked row by row.
		const copied = await run("npm", ["run", "-s", "db:copy", "--", "--from", `file:${sqlite}`, "--to", databaseUrl], {
			env,
		});
		expect(copied.stdout).toMatch(/db:copy: \d+ rows in \d+ tables copied, and every row checked/);

		// 4. Several processes behind a reverse proxy that appends the client's address.
		const appPort = freePort();
		app = spawn("npm", ["start"], {
			env: {
				...env,
				NODE_ENV: "production",
				HOST: "127.0.0.1",
				PORT: String(appPort),
				WEB_CONCURRENCY: "2",
				TRUST_PROXY: "true",
				SESSION_SECRET: "growing-secret-long-enough",
			},
			detached: true,
			stdio: ["ignore", "pipe", "pipe"],
		});
		let log = "";
		app.stdout!.on("data", (chunk) => (log += chunk));
		app.stderr!.on("data", (chunk) => (log += chunk));
		proxy = http.createServer((req, res) => {
			const forwarded = http.request(
				{
					host: "127.0.0.1",
					port: appPort,
					method: req.method,
					path: req.url,
					headers: { ...req.headers, "x-forwarded-for": "198.51.100.7" },
				},
				(answer) => {
					res.writeHead(answer.statusCode!, answer.headers);
					answer.pipe(res);
				},
			);
			forwarded.on("error", () => res.destroy());
			req.pipe(forwarded);
		});
		const proxyPort = freePort();
		await new Promise<void>((resolve) => proxy!.listen(proxyPort, "127.0.0.1", resolve));
		const origin = `http://localhost:${proxyPort}`;
		await expect
			.poll(async () => (await fetch(`${origin}/healthz`).catch(() => null))?.status, { timeout: 90_000 })
			.toBe(200);
		expect(log).toContain("DSM Academy: 2 worker processes");

		// The demo trainer, copied from SQLite, logs in through the proxy and finds the demo cohorts.
		await page.goto(`${origin}/login`);
		await page.getByLabel("E-mail").fill("trainer@example.org");
		await page.getByLabel("Password").fill("not the password");
		await page.getByRole("button", { name: "Log in" }).click();
		await expect(page.getByRole("alert")).toHaveText("The e-mail or the password is wrong.");
		await page.getByLabel("Password").fill(DEMO_PASSWORD);
		await page.getByRole("button", { name: "Log in" }).click();
		await expect(page.getByRole("heading", { name: "Welcome, Olena Kovalenko" })).toBeVisible();
		await page.goto(`${origin}/cohorts`);
		await page.getByRole("link", { name: "Ukraine: data officers, autumn 2026" }).click();
		await expect(page.getByRole("heading", { name: "Trainees and modules" })).toBeVisible();
		await expect(page.getByText(/^Showing \d+ of \d+ trainees\.$/)).toBeVisible();
		await a11y();

		// The limits counted the client's address as the proxy gave it, not the proxy's own.
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		const keys = (await client.query<{ key: string }>(`SELECT key FROM "LoginThrottle" ORDER BY key`)).rows.map(
			(r) => r.key,
		);
		await client.end();
		expect(keys).toContain("address:198.51.100.7");
		expect(keys.some((key) => key.includes("127.0.0.1"))).toBe(false);
	} finally {
		if (app?.pid) {
			const exited = new Promise((resolve) => app!.once("exit", resolve));
			process.kill(-app.pid, "SIGTERM");
			await exited;
		}
		await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
		await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await admin.end();
		for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqlite + suffix, { force: true });
	}
});
