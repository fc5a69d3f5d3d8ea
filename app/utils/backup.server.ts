import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Backups of the live database and their restore (docs/decisions/0086-backup-and-restore.md),
 * for `npm run backup` and `npm run restore`.
 * - A backup is SQLite's online backup API (better-sqlite3's `backup()`) copying every page in
 *   one step: one read transaction, so the copy is the database as of one moment, whatever the
 *   server writes meanwhile, and the server is never stopped. The copy is one self-contained
 *   file (no -wal), checked with `PRAGMA integrity_check`.
 * - A restore refuses while any process has the database open (the server, a seed, a backup):
 *   it asks SQLite for an exclusive lock, which SQLite refuses while another connection is
 *   open. The database it replaces is kept beside it first.
 */

export class DatabaseInUseError extends Error {
	constructor(readonly file: string) {
		super(
			`${file} is open in another process (is the server running?): SQLite refused the exclusive lock a restore needs. Stop the server, then restore.`,
		);
	}
}

export type DatabaseSummary = { file: string; bytes: number; tables: Record<string, number> };

/** Rows per table the summary reports: enough to recognise a backup. */
const COUNTED_TABLES = ["User", "QuizAttempt", "SectionRead", "TrackEnrolment", "Certificate"];

/** A file name for a backup made now, in a `backups` folder beside the database. */
export function defaultBackupFile(databaseFile: string, now = new Date()) {
	const stamp = now.toISOString().replace(/\..*$/, "").replaceAll(":", "-");
	return path.join(path.dirname(databaseFile), "backups", `${path.basename(databaseFile, ".db")}-${stamp}.db`);
}

/** Copies the live database to `target`, which must not exist yet, while the server goes on. */
export async function backupDatabase(databaseFile: string, target: string): Promise<DatabaseSummary> {
	if (fs.existsSync(target)) throw new Error(`${target} exists already; a backup never overwrites a file.`);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const source = new Database(databaseFile, { fileMustExist: true, readonly: true });
	try {
		// The first step opens the backup; the second copies every page at once.
		await source.backup(target, { progress: () => 0x7fffffff });
	} finally {
		source.close();
	}
	const copy = new Database(target, { fileMustExist: true });
	try {
		copy.pragma("journal_mode = DELETE");
		assertIntact(copy, target);
	} finally {
		copy.close();
	}
	return summarize(target);
}

/**
 * Puts a backup in place of the database at `databaseFile`, keeping the replaced database as
 * `<name>.before-restore-<time>.db`. Throws DatabaseInUseError while another process has it open.
 */
export function restoreDatabase(databaseFile: string, backup: string, now = new Date()) {
	const checked = summarize(backup, { mustBeApp: true });
	let kept: string | null = null;
	if (fs.existsSync(databaseFile)) {
		releaseAfterCheckpoint(databaseFile);
		const stamp = now.toISOString().replace(/\..*$/, "").replaceAll(":", "-");
		kept = databaseFile.replace(/(\.db)?$/, `.before-restore-${stamp}.db`);
		fs.renameSync(databaseFile, kept);
	}
	for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(databaseFile + suffix, { force: true });
	const incoming = `${databaseFile}.restoring`;
	fs.copyFileSync(backup, incoming);
	fs.renameSync(incoming, databaseFile);
	const restored = new Database(databaseFile, { fileMustExist: true });
	try {
		assertIntact(restored, databaseFile);
	} finally {
		restored.close();
	}
	return { restored: checked, kept };
}

/**
 * Takes the exclusive lock (refused while anyone else has the file open), writes the log back
 * into the database and leaves it as one file, then lets go.
 */
function releaseAfterCheckpoint(databaseFile: string) {
	const db = new Database(databaseFile, { fileMustExist: true, timeout: 0 });
	try {
		db.pragma("locking_mode = EXCLUSIVE");
		try {
			db.exec("BEGIN EXCLUSIVE");
			db.exec("COMMIT");
		} catch (error) {
			if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw new DatabaseInUseError(databaseFile);
			throw error;
		}
		db.pragma("wal_checkpoint(TRUNCATE)");
		db.pragma("journal_mode = DELETE");
	} finally {
		db.close();
	}
}

function assertIntact(db: Database.Database, file: string) {
	const result = db.pragma("integrity_check", { simple: true });
	if (result !== "ok") throw new Error(`${file} fails SQLite's integrity check: ${String(result)}`);
}

/** The file's size and row counts; with `mustBeApp`, an error unless it is a DSM Academy database. */
export function summarize(file: string, { mustBeApp = false } = {}): DatabaseSummary {
	if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
	let db: Database.Database;
	try {
		db = new Database(file, { fileMustExist: true, readonly: true });
		db.pragma("schema_version");
	} catch {
		throw new Error(`${file} is not an SQLite database.`);
	}
	try {
		const names = new Set(
			(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
				(t) => t.name,
			),
		);
		if (mustBeApp && !(names.has("_prisma_migrations") && names.has("User"))) {
			throw new Error(`${file} is not a DSM Academy database (it has no users or migrations).`);
		}
		if (mustBeApp) assertIntact(db, file);
		const tables: Record<string, number> = {};
		for (const table of COUNTED_TABLES.filter((name) => names.has(name))) {
			tables[table] = (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
		}
		return { file, bytes: fs.statSync(file).size, tables };
	} finally {
		db.close();
	}
}
