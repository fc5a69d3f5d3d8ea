import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { portFrom } from "./tests/utils/free-port";

/*
 * The smoke journey on PostgreSQL (docs/decisions/0102): `npm run test:e2e:pg`, after `npm run build`.
 * TEST_POSTGRES_URL names the server (scripts/with-postgres.sh starts a throwaway one); the run
 * makes a database of its own there, migrates and seeds it, serves it with two worker processes
 * (WEB_CONCURRENCY=2, server-cluster.js), and drops it at the end (tests/e2e/postgresql-teardown.ts).
 */
const server = process.env.TEST_POSTGRES_URL;
if (!server) throw new Error("TEST_POSTGRES_URL must name a PostgreSQL server: run `npm run test:e2e:pg`");
const PORT = portFrom(process.env.E2E_PG_PORT);
process.env.E2E_PG_PORT = String(PORT);
const database = (process.env.E2E_PG_DATABASE ??= `dsm_e2e_${PORT}`);
const url = new URL(server);
url.pathname = `/${database}`;
/** Read by tests/e2e/db.ts, for the fixtures that arrange rows directly. */
export const E2E_DATABASE_URL = (process.env.E2E_DATABASE_URL = url.toString());

export default defineConfig({
	...base,
	testMatch: ["postgresql-smoke.spec.ts", "postgresql-growing.spec.ts"],
	testIgnore: undefined,
	globalTeardown: "./tests/e2e/postgresql-teardown.ts",
	use: { ...base.use, baseURL: `http://localhost:${PORT}` },
	webServer: {
		command: `psql "${server}" -qc 'DROP DATABASE IF EXISTS "${database}" WITH (FORCE)' -c 'CREATE DATABASE "${database}"' && npx prisma migrate deploy && npx tsx prisma/seed.ts && node server-cluster.js`,
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			NODE_ENV: "production",
			HOST: "127.0.0.1",
			PORT: String(PORT),
			DATABASE_URL: E2E_DATABASE_URL,
			SESSION_SECRET: "e2e-secret-that-is-long-enough",
			WEB_CONCURRENCY: "2",
		},
	},
});
