import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";

// Each test file runs against its own copy of the migrated base database, so
// files never see each other's rows and may run in parallel.
const base = inject("baseDatabase");
process.env.NODE_ENV = "test";

if (base.startsWith("postgresql://")) {
	// A database of the file's own, copied from the run's template (tests/setup/global-setup.ts).
	const template = new URL(base).pathname.slice(1);
	const name = `${template}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
	const url = new URL(base);
	url.pathname = `/${name}`;
	process.env.DATABASE_URL = url.toString();
	afterAll(async () => {
		const { prisma } = await import("~/utils/db.server");
		await prisma.$disconnect();
		await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
	});
} else {
	const file = path.join(path.dirname(base), `file-${process.pid}-${Math.random().toString(36).slice(2, 10)}.db`);
	fs.copyFileSync(base, file);
	process.env.DATABASE_URL = `file:${file}`;
	afterAll(async () => {
		const { prisma } = await import("~/utils/db.server");
		await prisma.$disconnect();
		for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
	});
}

/** A statement on the server's maintenance database ("postgres"), not on the template, which must have no sessions to be copied. */
async function adminQuery(url: string, sql: string) {
	const admin = new URL(url);
	admin.pathname = "/postgres";
	for (let tries = 0; ; tries++) {
		const client = new pg.Client({ connectionString: admin.toString() });
		try {
			await client.connect();
			await client.query(sql);
			return;
		} catch (error) {
			// Two CREATE DATABASE from one template at the same moment: one waits for the other.
			if (tries >= 20 || !/is being accessed by other users/.test(String(error))) throw error;
			await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
		} finally {
			await client.end();
		}
	}
}
