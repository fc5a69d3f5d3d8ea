import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { checkDatabaseFile } from "./database-url";
import { env } from "./env.server";
import { SafeSQLiteAdapterFactory } from "./sqlite-adapter.server";

// One client per process; in development Vite reloads modules, so keep it on
// globalThis rather than opening a new connection at every change.
const globalForPrisma = globalThis as unknown as { database?: ReturnType<typeof createClient> };

const database = globalForPrisma.database ?? createClient(env.databaseUrl);
if (!env.isProduction) globalForPrisma.database = database;

export const prisma = database.prisma;

// Open the connection now, with a first read: from then on the process holds SQLite's shared
// lock, so that `npm run restore` can tell the database is in use (backup.server.ts).
void prisma.role.findFirst({ select: { id: true } }).catch(() => {});

/** The better-sqlite3 connection under Prisma, once it has connected: for the tests of disk faults. */
export function databaseConnection() {
	return database.adapter.connection;
}

function createClient(url: string) {
	const file = url.replace(/^file:/, "");
	checkDatabaseFile(file);
	enableWriteAheadLog(file);
	// Writers wait up to 5 s for one another instead of failing at once.
	const adapter = new SafeSQLiteAdapterFactory({ url, timeout: 5_000 });
	const prisma = new PrismaClient({ adapter }).$extends({
		name: "database-unavailable",
		query: {
			async $allOperations({ model, operation, args, query }) {
				try {
					return await query(args);
				} catch (error) {
					throw unavailable(error, model ? `${model}.${operation}` : operation) ?? error;
				}
			},
		},
	});
	return { prisma, adapter };
}

/**
 * SQLite's write-ahead log lets readers go on while one connection writes
 * (the server, a backup, a seed script). The setting is stored in the file,
 * so setting it once per process start is enough.
 */
export function enableWriteAheadLog(file: string) {
	const db = new Database(file, { fileMustExist: true });
	try {
		db.pragma("journal_mode = WAL");
	} finally {
		db.close();
	}
}

/** SQLite's codes for a database the server cannot read or write at the moment. */
const UNAVAILABLE_SQLITE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|NOMEM|PERM)/;
/** Prisma's: cannot reach or open the database, timed out, or a transaction could not start or end. */
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1008", "P1017", "P2024", "P2028"]);

/**
 * A failed query as the 503 that the request gets, and one line in the log saying what failed
 * (no stack: the cause is the disk or the lock, not the code); null for errors that are the
 * code's or the input's to handle (a unique constraint, a missing row).
 */
export function unavailable(error: unknown, what: string): Response | null {
	const code = error instanceof Prisma.PrismaClientKnownRequestError ? error.code : null;
	const known = code !== null && (UNAVAILABLE_SQLITE.test(code) || UNAVAILABLE_PRISMA.has(code));
	if (!known && !(error instanceof Prisma.PrismaClientInitializationError)) return null;
	const message = (error as Error).message.trim().split("\n").at(-1)?.trim();
	console.error(`database: ${what} failed (${code ?? "initialization"}: ${message}); answered 503`);
	return new Response(DATABASE_UNAVAILABLE, {
		status: 503,
		statusText: "Service Unavailable",
		headers: { "Retry-After": "5" },
	});
}

/** The body of that 503, which the error page recognises. */
export const DATABASE_UNAVAILABLE = "database-unavailable";

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
