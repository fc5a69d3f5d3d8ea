import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/dsm-academy.db";

/** The two databases the app runs on (docs/decisions/0101-one-module-picks-the-database.md). */
export type DatabaseKind = "sqlite" | "postgresql";

/** Which database a (normalised or raw) DATABASE_URL names. */
export function databaseKind(url: string): DatabaseKind {
	if (url.startsWith("file:")) return "sqlite";
	if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
	throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${redactPassword(url)}"`);
}

/** A URL fit for a log: its password, if any, replaced by "***". */
export function redactPassword(url: string) {
	return url.replace(/^(\w+:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/**
 * Normalises DATABASE_URL: a `file:` URL becomes absolute, so that the CLI, the
 * server and the tests all open the same file whatever their working
 * directory. The default's folder (`data/`, the app's own) is made when it is
 * missing; a folder that DATABASE_URL names must exist, so that a mistyped
 * path or an unmounted volume is an error, never a new empty database.
 * A `postgresql://` URL is kept as it is.
 */
export function databaseUrl(raw: string | undefined = process.env.DATABASE_URL) {
	const given = raw && raw.trim() !== "" ? raw.trim() : null;
	const url = given ?? DEFAULT_DATABASE_URL;
	if (databaseKind(url) === "postgresql") return url;
	const file = path.resolve(url.slice("file:".length));
	if (!given) fs.mkdirSync(path.dirname(file), { recursive: true });
	return `file:${file}`;
}

/**
 * The server opens the database it is given or stops with a message that says what is wrong: it
 * never creates an empty database in place of a missing one, nor runs on a file it cannot write
 * (`npm run setup` and `prisma migrate deploy` create the file; docs/decisions/0081).
 */
export function checkDatabaseFile(file: string) {
	const folder = path.dirname(file);
	const fix = "Correct DATABASE_URL, or create the database with `npm run setup` (or `npm run restore -- FILE`).";
	if (!fs.existsSync(folder)) throw new Error(`The database folder ${folder} does not exist. ${fix}`);
	if (!fs.existsSync(file)) throw new Error(`There is no database at ${file}. ${fix}`);
	for (const [target, what] of [
		[file, "The database file"],
		[folder, "The database folder (SQLite writes its -wal and -shm files there)"],
	] as const) {
		try {
			fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK);
		} catch {
			throw new Error(
				`${what} ${target} is not writable by this user; the server must write to it. Check its owner and permissions.`,
			);
		}
	}
}
