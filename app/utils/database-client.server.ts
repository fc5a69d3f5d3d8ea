import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { createRequire } from "node:module";
import type * as AdapterPg from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client";
import { checkDatabaseFile, databaseKind, type DatabaseKind } from "./database-url";
import { countingStatements } from "./request-context.server";
import { SafeSQLiteAdapterFactory, type DirectRead } from "./sqlite-adapter.server";

/*
 * The one module that knows which database runs (docs/decisions/0101-one-module-picks-the-database.md):
 * DATABASE_URL `file:` opens SQLite through the better-sqlite3 adapter, `postgresql://` PostgreSQL
 * through node-postgres. Both clients are generated from the same models (the PostgreSQL schema is
 * derived from prisma/schema.prisma), so the app sees one type: the SQLite client's.
 */

/**
 * node-postgres and its adapter, loaded only when PostgreSQL runs: a SQLite server does without
 * their 8 MiB (docs/decisions/0098-heavy-modules-on-first-use.md). Synchronous, as a client is made.
 */
function postgresAdapter(...options: ConstructorParameters<typeof AdapterPg.PrismaPg>): AdapterPg.PrismaPg {
	const { PrismaPg: Adapter } = createRequire(import.meta.url)("@prisma/adapter-pg") as typeof AdapterPg;
	return new Adapter(...options);
}

/** Every query's failure that is the database's, not the request's, becomes a 503 (docs/decisions/0081). */
const answerUnavailable = Prisma.defineExtension({
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

/**
 * Errors say what failed without pointing at the calling line: for that, Prisma captures a stack
 * trace (a new Error) at every call, 15-20 µs of the 190 µs a raw read costs. The log still has
 * the stack of the error itself.
 */
const CLIENT_OPTIONS = { errorFormat: "minimal" } as const;

/**
 * A client for the database DATABASE_URL names (normalised by databaseUrl()): the server's (db.server.ts),
 * and the seed's, the scripts' and the tests' that open a database of their own.
 */
export function createClient(url: string) {
	if (databaseKind(url) === "postgresql") {
		let connected: SqlDriverAdapter | null = null;
		// A pool per process; several processes share the server's connections (README, "Growing past one machine").
		const adapter = remembering(
			countingStatements(
				postgresAdapter({
					connectionString: url,
					max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
					connectionTimeoutMillis: 5_000,
				}),
			),
			(adapter) => (connected = adapter),
		);
		// The same models, so the same API: the app is typed with the SQLite client's types.
		const prisma = new PostgresClient({ adapter, ...CLIENT_OPTIONS }).$extends(
			answerUnavailable,
		) as unknown as ReturnType<typeof sqliteClient>;
		const read = directRead(prisma, (query) => {
			if (!connected) return null;
			const adapter = connected;
			return async () => postgresRows(await adapter.queryRaw(postgresQuery(query)));
		});
		return { prisma, adapter, provider: "postgresql" as DatabaseKind, read };
	}
	const file = url.replace(/^file:/, "");
	checkDatabaseFile(file);
	enableWriteAheadLog(file);
	// Writers wait up to 5 s for one another instead of failing at once.
	const adapter = new SafeSQLiteAdapterFactory({ url, timeout: 5_000 });
	const prisma = sqliteClient(adapter);
	const read = directRead(prisma, (query) => {
		const reader: DirectRead | null = adapter.reader();
		return reader && (() => reader(query.sql, query.values));
	});
	return { prisma, adapter, provider: "sqlite" as DatabaseKind, read };
}

/**
 * Raw reads past Prisma's client, on the connection it holds (docs/decisions/0097): the client
 * costs about 150 µs of CPU per `$queryRaw` (its request pipeline, whatever the SQL), the driver a
 * few microseconds. For the reads every page makes; the same SQL as `$queryRaw` takes, with the same
 * values, on both databases. Rows come back as `$queryRaw` gives them, except that an integer is
 * always a number; a failure the database's answers 503, as through the client. The statements
 * count against the request, and on SQLite wait for an open transaction as Prisma's do.
 */
function directRead(
	prisma: { $connect: () => Promise<void> },
	runner: (query: Prisma.Sql) => (() => Promise<Record<string, unknown>[]>) | null,
) {
	return async function read<T>(query: Prisma.Sql): Promise<T[]> {
		try {
			let run = runner(query);
			if (!run) {
				// Prisma connects on its first query; this read may come before any.
				await prisma.$connect();
				run = runner(query);
				if (!run) throw new Error("The database is not connected");
			}
			return (await run()) as T[];
		} catch (error) {
			throw unavailable(error, "raw read") ?? error;
		}
	};
}

/** A driver adapter factory that hands each adapter it connects to `connected`, as Prisma connects it. */
function remembering<T extends object>(factory: T, connected: (adapter: SqlDriverAdapter) => void): T {
	return new Proxy(factory, {
		get(object, key) {
			const value: unknown = Reflect.get(object, key, object);
			if (key !== "connect" || typeof value !== "function") return value;
			return async (...args: unknown[]) => {
				const adapter = (await value.apply(object, args)) as SqlDriverAdapter;
				connected(adapter);
				return adapter;
			};
		},
	});
}

/** The query as Prisma's PostgreSQL adapter takes it: `$1` placeholders; dates are bound by their type, anything else as it is. */
function postgresQuery(query: Prisma.Sql) {
	return {
		sql: query.text,
		args: [...query.values],
		argTypes: query.values.map(() => ({ scalarType: "unknown" as const, arity: "scalar" as const })),
	};
}

/** The adapter's result set as `$queryRaw` gives it, integers and decimals as numbers. */
function postgresRows(result: Awaited<ReturnType<SqlDriverAdapter["queryRaw"]>>): Record<string, unknown>[] {
	const { columnNames, columnTypes } = result;
	return result.rows.map((row) => {
		const object: Record<string, unknown> = {};
		for (let i = 0; i < columnNames.length; i++) {
			const value = row[i];
			const type = columnTypes[i];
			object[columnNames[i]!] =
				value === null || value === undefined
					? null
					: type === ColumnTypeEnum.Int64 || type === ColumnTypeEnum.Numeric
						? Number(value)
						: type === ColumnTypeEnum.DateTime || type === ColumnTypeEnum.Date
							? new Date(value as string)
							: value;
		}
		return object;
	});
}

/**
 * A plain client (errors as Prisma throws them) for the seed, the scripts and the tests that open a
 * database of their own, on either database. `timeout`: how long a SQLite writer waits for the lock;
 * `logQueries`: the client emits a "query" event for each SQL statement.
 */
export function openDatabase(url: string, options?: { timeout?: number }): PrismaClient;
export function openDatabase(url: string, options: { timeout?: number; logQueries: true }): PrismaClient<"query">;
export function openDatabase(url: string, { timeout = 5_000, logQueries = false } = {}) {
	const log = logQueries ? [{ emit: "event" as const, level: "query" as const }] : undefined;
	if (databaseKind(url) === "postgresql") {
		const adapter = postgresAdapter({ connectionString: url, max: 4 });
		return new PostgresClient({ adapter, log }) as unknown as PrismaClient<"query">;
	}
	return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout }), log });
}

function sqliteClient(adapter: SafeSQLiteAdapterFactory) {
	return new PrismaClient({ adapter, ...CLIENT_OPTIONS }).$extends(answerUnavailable);
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
/**
 * PostgreSQL's (SQLSTATE): the connection failed or was cut (08…), too many connections (53300),
 * disk full or out of memory (53…), the server shutting down (57P…), a read-only or recovering
 * server (25006, 57P03), deadlock or serialization failure (40001, 40P01).
 */
const UNAVAILABLE_POSTGRES = /^(08|53|57P|58)|^(25006|40001|40P01)$/;
/** Prisma's: cannot reach or open the database, timed out, or a transaction could not start or end. */
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1008", "P1017", "P2024", "P2028"]);

/**
 * A failed query as the 503 that the request gets, and one line in the log saying what failed
 * (no stack: the cause is the disk or the lock, not the code); null for errors that are the
 * code's or the input's to handle (a unique constraint, a missing row).
 */
export function unavailable(error: unknown, what: string): Response | null {
	// Prisma's error, or better-sqlite3's own from a direct read.
	const code =
		error instanceof Prisma.PrismaClientKnownRequestError
			? error.code
			: (error as { name?: string }).name === "SqliteError"
				? String((error as { code?: unknown }).code)
				: null;
	const sqlstate = postgresCode(error);
	const known =
		(code !== null && (UNAVAILABLE_SQLITE.test(code) || UNAVAILABLE_PRISMA.has(code))) ||
		UNAVAILABLE_POSTGRES.test(sqlstate);
	if (!known && !(error instanceof Prisma.PrismaClientInitializationError)) return null;
	const message = (error as Error).message.trim().split("\n").at(-1)?.trim();
	console.error(`database: ${what} failed (${sqlstate || code || "initialization"}: ${message}); answered 503`);
	return new Response(DATABASE_UNAVAILABLE, {
		status: 503,
		statusText: "Service Unavailable",
		headers: { "Retry-After": "5" },
	});
}

/** The SQLSTATE of a PostgreSQL error, as the adapter or Prisma passes it on, else "". */
function postgresCode(error: unknown): string {
	type Cause = { kind?: string; originalCode?: string; code?: string };
	// The adapter's error as it comes (DriverAdapterError, its cause the server's), or inside Prisma's.
	const direct =
		(error as { name?: string; cause?: Cause }).name === "DriverAdapterError"
			? (error as { cause?: Cause }).cause
			: undefined;
	const meta = (error as Prisma.PrismaClientKnownRequestError).meta as
		{ driverAdapterError?: { cause?: Cause } } | undefined;
	const cause = direct ?? meta?.driverAdapterError?.cause;
	if (!cause || (cause.kind !== undefined && cause.kind !== "postgres")) return "";
	return String(cause.originalCode ?? cause.code ?? "");
}

/** The body of that 503, which the error page recognises. */
export const DATABASE_UNAVAILABLE = "database-unavailable";
