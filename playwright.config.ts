import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { portFrom } from "./tests/utils/free-port";

// E2E_PORT, else a free port. The config is read again in every worker, so the choice is put
// in the environment, which the workers inherit: all of them talk to the same server.
const PORT = portFrom(process.env.E2E_PORT);
process.env.E2E_PORT = String(PORT);
/** The e2e server's database, one per port, so that two runs on one machine keep apart. */
export const E2E_DATABASE = (process.env.E2E_DATABASE ??= `tests/.tmp/e2e-${PORT}.db`);
/**
 * A second server on the same database, with the bilingual fixture content
 * (tests/e2e/bilingual-content.ts), for the journeys of a Russian reader
 * whatever the state of the real curriculum's translation.
 */
const BILINGUAL_PORT = portFrom(process.env.E2E_BILINGUAL_PORT);
process.env.E2E_BILINGUAL_PORT = String(BILINGUAL_PORT);
export const BILINGUAL_URL = (process.env.E2E_BILINGUAL_URL = `http://localhost:${BILINGUAL_PORT}`);
const BILINGUAL_CONTENT = `tests/.tmp/e2e-content-${PORT}`;
const serverEnv = {
	NODE_ENV: "production",
	HOST: "127.0.0.1",
	DATABASE_URL: `file:./${E2E_DATABASE}`,
	SESSION_SECRET: "e2e-secret-that-is-long-enough",
};

/**
 * Journeys in Debian's Chromium against the production build, on a database
 * of their own. `npm test` builds first; run `npm run build` before
 * `npm run test:e2e` on its own.
 */
export default defineConfig({
	testDir: "tests/e2e",
	// The PostgreSQL journeys run on a server of their own (playwright.postgresql.config.ts).
	testIgnore: ["postgresql-smoke.spec.ts", "postgresql-growing.spec.ts"],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: "retain-on-failure",
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
			args: [
				"--disable-gpu",
				"--disable-quic",
				"--no-first-run",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
			],
		},
	},
	projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
	// Started in this order, one after the other: the second opens the database the first made.
	webServer: [
		{
			command: `mkdir -p ${path.dirname(E2E_DATABASE)} && rm -f ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm && npx prisma migrate deploy && npx tsx prisma/seed.ts && node server.js`,
			url: `http://127.0.0.1:${PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 120_000,
			env: { ...serverEnv, PORT: String(PORT) },
		},
		{
			command: `npx tsx tests/e2e/bilingual-content.ts ${BILINGUAL_CONTENT} && node server.js`,
			url: `http://127.0.0.1:${BILINGUAL_PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 120_000,
			env: { ...serverEnv, PORT: String(BILINGUAL_PORT), CONTENT_DIR: BILINGUAL_CONTENT },
		},
	],
});
