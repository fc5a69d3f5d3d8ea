import type { Prisma } from "~/generated/prisma/client";
import { createClient } from "./database-client.server";
import { env } from "./env.server";
import { SafeSQLiteAdapterFactory } from "./sqlite-adapter.server";

export { DATABASE_UNAVAILABLE, unavailable, enableWriteAheadLog } from "./database-client.server";

// One client per process; in development Vite reloads modules, so keep it on
// globalThis rather than opening a new connection at every change.
const globalForPrisma = globalThis as unknown as { database?: ReturnType<typeof createClient> };

const database = globalForPrisma.database ?? createClient(env.databaseUrl);
if (!env.isProduction) globalForPrisma.database = database;

export const prisma = database.prisma;

/**
 * A raw read on Prisma's connection past its client, for the reads every page makes
 * (docs/decisions/0097): `readRows<Row>(Prisma.sql\`SELECT …\`)`, SQL both databases take.
 */
export const readRows = database.read;

// Open the connection now, with a first read: from then on the process holds SQLite's shared
// lock, so that `npm run restore` can tell the database is in use (backup.server.ts).
void prisma.role.findFirst({ select: { id: true } }).catch(() => {});

/** Which database this process runs on: for the few tests and tools that must do otherwise on each. */
export const databaseProvider = database.provider;

/**
 * A filter for text that contains `q` whatever the case of its letters, on either database:
 * PostgreSQL's ILIKE (`mode: "insensitive"`), SQLite's LIKE made to ignore case as ILIKE does
 * (sqlite-adapter.server.ts `unicodeLike`). The SQLite client's types have no `mode`.
 */
export function containsText(q: string): Prisma.StringFilter {
	return databaseProvider === "postgresql"
		? ({ contains: q, mode: "insensitive" } as Prisma.StringFilter)
		: { contains: q };
}

/** The better-sqlite3 connection under Prisma, once it has connected: for the tests of disk faults (null on PostgreSQL). */
export function databaseConnection() {
	return database.adapter instanceof SafeSQLiteAdapterFactory ? database.adapter.connection : null;
}

const ROLLBACK = Symbol("rollback");

/**
 * Proves that the database takes a write now: a write in a transaction that is then rolled back,
 * through the same client and lock as every request, within `timeoutMs`. Throws what stopped it.
 */
export async function checkDatabaseWrites(timeoutMs = 2_000) {
	const write = prisma
		.$transaction(
			async (tx) => {
				await tx.setting.upsert({
					where: { key: "healthz" },
					create: { key: "healthz", value: new Date().toISOString() },
					update: { value: new Date().toISOString() },
				});
				throw ROLLBACK;
			},
			{ maxWait: timeoutMs, timeout: timeoutMs },
		)
		.catch((error: unknown) => {
			if (error !== ROLLBACK) throw error;
		});
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no write within ${timeoutMs} ms`)), timeoutMs);
	});
	try {
		await Promise.race([write, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
