/**
 * A consistent copy of the live database, made while the server runs:
 *   npm run backup                 # to data/backups/<name>-<time>.db (SQLite) or .dump (PostgreSQL)
 *   npm run backup -- FILE         # to FILE, which must not exist yet
 * SQLite: its online backup API (docs/decisions/0086-backup-and-restore.md). PostgreSQL: pg_dump's
 * custom format (docs/decisions/0104), restored with pg_restore.
 */
import path from "node:path";
import { backupDatabase, defaultBackupFile, type DatabaseSummary } from "../app/utils/backup.server";
import { backupPostgres, defaultPostgresBackupFile } from "../app/utils/backup-postgresql.server";
import { databaseKind, databaseUrl, redactPassword } from "../app/utils/database-url";
import { describe } from "./database-summary";

const url = databaseUrl();
const postgresql = databaseKind(url) === "postgresql";
const database = postgresql ? redactPassword(url) : url.slice("file:".length);
const target = path.resolve(
	process.argv[2] ?? (postgresql ? defaultPostgresBackupFile(url) : defaultBackupFile(url.slice("file:".length))),
);
const started = performance.now();
try {
	const summary: DatabaseSummary = postgresql
		? await backupPostgres(url, target)
		: await backupDatabase(url.slice("file:".length), target);
	console.log(`backup: ${database} → ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	console.log(`backup: ${describe(summary)}`);
	if (postgresql)
		console.log(`backup: restore with pg_restore --clean --if-exists --no-owner -d DATABASE_URL ${target}`);
} catch (error) {
	console.error(`backup: ${(error as Error).message}`);
	process.exit(1);
}
