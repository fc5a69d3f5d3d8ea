import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Each test file runs against its own copy of the migrated base database, so
// files never see each other's rows and may run in parallel.
const base = inject("baseDatabase");
const file = path.join(path.dirname(base), `file-${process.pid}-${Math.random().toString(36).slice(2, 10)}.db`);
fs.copyFileSync(base, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";

afterAll(async () => {
	const { prisma } = await import("~/utils/db.server");
	await prisma.$disconnect();
	for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
});
