/**
 * A consistent copy of the live database, made while the server runs (SQLite's online backup):
 *   npm run backup                 # to data/backups/dsm-academy-<time>.db, beside the database
 *   npm run backup -- FILE         # to FILE, which must not exist yet
 * docs/decisions/0086-backup-and-restore.md
 */
import path from "node:path";
import { backupDatabase, defaultBackupFile } from "../app/utils/backup.server";
import { databaseUrl } from "../app/utils/database-url";
import { describe } from "./database-summary";

const database = databaseUrl().slice("file:".length);
const target = path.resolve(process.argv[2] ?? defaultBackupFile(database));
const started = performance.now();
try {
	const summary = await backupDatabase(database, target);
	console.log(`backup: ${database} → ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	console.log(`backup: ${describe(summary)}`);
} catch (error) {
	console.error(`backup: ${(error as Error).message}`);
	process.exit(1);
}
