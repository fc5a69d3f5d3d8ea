import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/dsm-academy.db";

/**
 * Normalises DATABASE_URL to an absolute `file:` URL, so that the CLI, the
 * server and the tests all open the same file whatever their working
 * directory, and makes sure the file's folder exists.
 */
export function databaseUrl(raw: string | undefined = process.env.DATABASE_URL) {
	const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
	if (!url.startsWith("file:")) {
		throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
	}
	const file = path.resolve(url.slice("file:".length));
	fs.mkdirSync(path.dirname(file), { recursive: true });
	return `file:${file}`;
}
