import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

// One client per process; in development Vite reloads modules, so keep it on
// globalThis rather than opening a new connection at every change.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma = globalForPrisma.prisma ?? createClient(env.databaseUrl);

if (!env.isProduction) globalForPrisma.prisma = prisma;

function createClient(url: string) {
	enableWriteAheadLog(url);
	// Writers wait up to 5 s for one another instead of failing at once.
	return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
}

/**
 * SQLite's write-ahead log lets readers go on while one connection writes
 * (the server, a backup, a seed script). The setting is stored in the file,
 * so setting it once per process start is enough.
 */
export function enableWriteAheadLog(url: string) {
	const db = new Database(url.replace(/^file:/, ""));
	try {
		db.pragma("journal_mode = WAL");
	} finally {
		db.close();
	}
}
