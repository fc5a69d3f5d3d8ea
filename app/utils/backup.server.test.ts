import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase, DatabaseInUseError, restoreDatabase } from "./backup.server";
import { countRows } from "./backup-postgresql.server";
import { prisma } from "./db.server";

const onSqlite = process.env.DATABASE_URL!.startsWith("file:");
const live = process.env.DATABASE_URL!.replace(/^file:/, "");
const folder = fs.mkdtempSync(path.join(onSqlite ? path.dirname(live) : os.tmpdir(), "backups-"));

/** The keys of the rows the writer made, read through a connection of its own. */
function writtenRows(file: string): string[] {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return (db.prepare("SELECT key FROM Setting WHERE key LIKE 'row-%' ORDER BY key").all() as { key: string }[]).map(
			(row) => row.key,
		);
	} finally {
		db.close();
	}
}

const key = (i: number) => `row-${String(i).padStart(5, "0")}`;

describe.runIf(onSqlite)("backup and restore", () => {
	it("back up while the server writes, restore, and find every row committed before the backup", async () => {
		// The server's client writes one row at a time, each committed before the next starts, and lets
		// other work run between them as a server between requests.
		let committed = 0;
		let writing = true;
		const writer = (async () => {
			while (writing) {
				await prisma.setting.create({ data: { key: key(committed), value: "x".repeat(200) } });
				committed++;
				await new Promise((resolve) => setImmediate(resolve));
			}
		})();
		while (committed < 300) await new Promise((resolve) => setTimeout(resolve, 5));

		const target = path.join(folder, "during-writes.db");
		const before = committed;
		const summary = await backupDatabase(live, target);
		const after = committed;
		await new Promise((resolve) => setTimeout(resolve, 50));
		writing = false;
		await writer;

		expect(after, "rows were written while the backup ran").toBeGreaterThan(before);
		expect(committed).toBeGreaterThan(after);
		const copied = writtenRows(target);
		// The copy is the database as of one moment: every row committed before it, in order, none half-written.
		expect(copied.length).toBeGreaterThanOrEqual(before);
		expect(copied.length).toBeLessThanOrEqual(after);
		expect(copied).toEqual(Array.from({ length: copied.length }, (_, i) => key(i)));
		expect(fs.existsSync(`${target}-wal`)).toBe(false);
		expect(summary.tables.User).toBeGreaterThanOrEqual(0);

		// The server still has the database open: restore refuses, and changes nothing.
		expect(() => restoreDatabase(live, target)).toThrow(DatabaseInUseError);
		expect(writtenRows(live)).toHaveLength(committed);

		// Stopped, the backup goes back in place; the replaced database is kept beside it.
		await prisma.$disconnect();
		const { kept } = restoreDatabase(live, target);
		expect(writtenRows(live)).toEqual(copied);
		expect(writtenRows(kept!)).toHaveLength(committed);
		fs.rmSync(kept!, { force: true });
	}, 60_000);

	it("refuse a file that is not a DSM Academy database, and never overwrite a backup", async () => {
		const junk = path.join(folder, "junk.db");
		fs.writeFileSync(junk, "not a database");
		expect(() => restoreDatabase(live, junk)).toThrow(/not an SQLite database/);
		const empty = path.join(folder, "empty.db");
		new Database(empty).close();
		expect(() => restoreDatabase(live, empty)).toThrow(/not a DSM Academy database/);
		await expect(backupDatabase(live, junk)).rejects.toThrow(/exists already/);
	});

	it("work as `npm run backup` and `npm run restore` say", async () => {
		const run = (script: string, args: string[]) =>
			promisify(execFile)("npx", ["tsx", script, ...args], { env: process.env }).then(
				(done) => ({ code: 0, ...done }),
				(failed: { code: number; stdout: string; stderr: string }) => failed,
			);
		const target = path.join(folder, "cli.db");
		const backup = await run("scripts/backup.ts", [target]);
		expect(backup.code).toBe(0);
		expect(backup.stdout).toMatch(/^backup: .* → .*cli\.db in [\d.]+ s\nbackup: [\d.]+ MB: \d+ User/);

		// Another process's connection, as the server keeps it open (db.server.ts reads at start).
		const holder = new Database(live, { fileMustExist: true });
		holder.pragma("journal_mode = WAL");
		holder.prepare("SELECT COUNT(*) FROM User").get();
		const refused = await run("scripts/restore.ts", [target]);
		holder.close();
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("is open in another process (is the server running?)");

		const restored = await run("scripts/restore.ts", [target]);
		expect(restored.code).toBe(0);
		expect(restored.stdout).toMatch(/the database it replaced is kept as .*before-restore/);
	}, 60_000);
});

describe.runIf(!onSqlite)("backup and restore on PostgreSQL", () => {
	const run = (script: string, args: string[], env: Record<string, string> = {}) =>
		promisify(execFile)("npx", ["tsx", script, ...args], { env: { ...process.env, ...env } }).then(
			(done) => ({ code: 0, ...done }),
			(failed: { code: number; stdout: string; stderr: string }) => failed,
		);

	it("`npm run backup` dumps the live database while it is written; `npm run restore` puts it back, refused while in use", async () => {
		let committed = 0;
		let writing = true;
		const writer = (async () => {
			while (writing) {
				await prisma.setting.create({ data: { key: key(committed), value: "x".repeat(200) } });
				committed++;
			}
		})();
		while (committed < 100) await new Promise((resolve) => setTimeout(resolve, 5));
		const target = path.join(folder, "during-writes.dump");
		const backup = await run("scripts/backup.ts", [target]);
		writing = false;
		await writer;
		expect(backup.code, backup.stderr).toBe(0);
		expect(backup.stdout).toMatch(
			/^backup: postgresql:\/\/.* → .*during-writes\.dump in [\d.]+ s\nbackup: [\d.]+ MB: \d+ User/,
		);
		expect(backup.stdout).toContain("restore with pg_restore");
		// The dump is one moment: a prefix of the rows, each written before the next began.
		const after = await prisma.setting.count({ where: { key: { startsWith: "row-" } } });

		// The app's own pool is connected to this database: the restore refuses.
		await prisma.user.count();
		const refused = await run("scripts/restore.ts", [target]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("has other sessions (is the server running?)");

		// Into a new database (the server stopped, as a restore wants): the dump's rows, in order.
		const { default: pg } = await import("pg");
		const fresh = new URL(process.env.DATABASE_URL!);
		fresh.pathname = `${fresh.pathname}_restored`;
		const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
		await admin.connect();
		await admin.query(`CREATE DATABASE "${fresh.pathname.slice(1)}"`);
		await admin.end();
		try {
			const restored = await run("scripts/restore.ts", [target], { DATABASE_URL: fresh.toString() });
			expect(restored.code, restored.stderr).toBe(0);
			const client = new pg.Client({ connectionString: fresh.toString() });
			await client.connect();
			const keys = (
				await client.query<{ key: string }>(`SELECT key FROM "Setting" WHERE key LIKE 'row-%' ORDER BY key`)
			).rows.map((r) => r.key);
			await client.end();
			expect(keys.length).toBeGreaterThanOrEqual(100);
			expect(keys.length).toBeLessThanOrEqual(after);
			expect(keys).toEqual(Array.from({ length: keys.length }, (_, i) => key(i)));
			expect(await countRows(fresh.toString())).toEqual(await countRows(process.env.DATABASE_URL!));
		} finally {
			const drop = new pg.Client({ connectionString: process.env.DATABASE_URL });
			await drop.connect();
			await drop.query(`DROP DATABASE IF EXISTS "${fresh.pathname.slice(1)}" WITH (FORCE)`);
			await drop.end();
		}
	}, 90_000);
});
