import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { DatabaseSummary } from "./backup.server";

const run = promisify(execFile);

/**
 * `npm run backup` on PostgreSQL (docs/decisions/0104): `pg_dump` in its custom format, one
 * snapshot of the database while the server goes on writing (pg_dump reads in one repeatable-read
 * transaction). Restore it with `pg_restore --clean --if-exists --no-owner -d URL FILE`, the server
 * stopped (README, "Backups").
 */

/** A file name for a backup made now: `data/backups/<database>-<time>.dump`. */
export function defaultPostgresBackupFile(url: string, now = new Date(), folder = path.resolve("data", "backups")) {
	const stamp = now.toISOString().replace(/\..*$/, "").replaceAll(":", "-");
	const database = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
	return path.join(folder, `${database}-${stamp}.dump`);
}

/** Rows per table the summary reports, as for SQLite's backups. */
const COUNTED_TABLES = ["User", "QuizAttempt", "SectionRead", "TrackEnrolment", "Certificate"];

export async function backupPostgres(url: string, target: string): Promise<DatabaseSummary> {
	if (fs.existsSync(target)) throw new Error(`${target} exists already; a backup never overwrites a file.`);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	try {
		await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${url}`]);
		// The archive's table of contents must read back, with the data of every table.
		const { stdout } = await run("pg_restore", ["--list", partial], { maxBuffer: 16 * 1024 * 1024 });
		for (const table of COUNTED_TABLES)
			if (!stdout.includes(`TABLE DATA public "${table}"`) && !stdout.includes(`TABLE DATA public ${table} `))
				throw new Error(`the dump has no data for table ${table}; is this a DSM Academy database?`);
		fs.renameSync(partial, target);
	} catch (error) {
		fs.rmSync(partial, { force: true });
		const stderr = (error as { stderr?: string }).stderr?.trim();
		if ((error as NodeJS.ErrnoException).code === "ENOENT")
			throw new Error(
				"pg_dump was not found: install PostgreSQL's client programs (apt-get install postgresql-client)",
			);
		throw new Error(stderr || (error as Error).message);
	}
	return { file: target, bytes: fs.statSync(target).size, tables: await countRows(url) };
}

/** Rows of the counted tables in the database at `url`. */
export async function countRows(url: string, tables = COUNTED_TABLES) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const counts: Record<string, number> = {};
		for (const table of tables) {
			const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`);
			counts[table] = Number(rows[0]!.n);
		}
		return counts;
	} finally {
		await client.end();
	}
}

/**
 * Puts a pg_dump backup in place of the database's contents, in one transaction, with the server
 * stopped: refused (DatabaseInUseError) while another session is connected to the database.
 */
export async function restorePostgres(url: string, backup: string) {
	if (!fs.existsSync(backup)) throw new Error(`${backup} does not exist`);
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ n: string }>(
			"SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
		);
		if (Number(rows[0]!.n) > 0) throw new PostgresInUseError(new URL(url).pathname.slice(1));
	} finally {
		await client.end();
	}
	try {
		await run("pg_restore", [
			"--clean",
			"--if-exists",
			"--no-owner",
			"--no-privileges",
			"--single-transaction",
			`--dbname=${url}`,
			backup,
		]);
	} catch (error) {
		throw new Error((error as { stderr?: string }).stderr?.trim() || (error as Error).message);
	}
	return { file: backup, bytes: fs.statSync(backup).size, tables: await countRows(url) };
}

export class PostgresInUseError extends Error {
	constructor(readonly database: string) {
		super(
			`the database ${database} has other sessions (is the server running?): a restore replaces every table. Stop the server, then restore.`,
		);
	}
}
