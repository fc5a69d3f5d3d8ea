/**
 * Puts a backup back in place of the database, with the server stopped:
 *   npm run restore -- FILE
 * Refuses while any process has the database open: SQLite then refuses the exclusive lock the
 * restore takes (on PostgreSQL: while another session is connected; pg_restore in one transaction). The replaced database is kept beside it (<name>.before-restore-<time>.db).
 * Start the server afterwards with `npm start`, which applies any migration the backup lacks.
 */
import path from "node:path";
import { DatabaseInUseError, restoreDatabase } from "../app/utils/backup.server";
import { PostgresInUseError, restorePostgres } from "../app/utils/backup-postgresql.server";
import { databaseKind, databaseUrl, redactPassword } from "../app/utils/database-url";
import { describe } from "./database-summary";

const file = process.argv[2];
if (!file) {
	console.error("restore: give the backup to restore: npm run restore -- FILE");
	process.exit(1);
}
const url = databaseUrl();
if (databaseKind(url) === "postgresql") {
	// A pg_dump backup (npm run backup), into the database DATABASE_URL names.
	try {
		const restored = await restorePostgres(url, path.resolve(file));
		console.log(`restore: ${restored.file} → ${redactPassword(url)}`);
		console.log(`restore: ${describe(restored)}`);
		console.log("restore: start the server with `npm start` (it applies any newer migration).");
		process.exit(0);
	} catch (error) {
		console.error(`restore: ${(error as Error).message}`);
		process.exit(error instanceof PostgresInUseError ? 2 : 1);
	}
}
const database = url.slice("file:".length);
try {
	const { restored, kept } = restoreDatabase(database, path.resolve(file));
	console.log(`restore: ${restored.file} → ${database}`);
	console.log(`restore: ${describe(restored)}`);
	if (kept) console.log(`restore: the database it replaced is kept as ${kept}`);
	console.log("restore: start the server with `npm start` (it applies any newer migration).");
} catch (error) {
	console.error(`restore: ${(error as Error).message}`);
	process.exit(error instanceof DatabaseInUseError ? 2 : 1);
}
