import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { countQuery } from "./request-context.server";
import { sqlDateOrNull } from "./raw-sql.server";

type Config = ConstructorParameters<typeof PrismaBetterSQLite3>[0];
type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/**
 * A read on the connection Prisma uses, past Prisma's client (docs/decisions/0097): SQL with `?`
 * placeholders and its values, the rows as objects.
 */
export type DirectRead = (sql: string, values: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Prisma's better-sqlite3 adapter with its transactions made safe after a failed write
 * (docs/decisions/0081-writes-after-a-disk-fault.md). The adapter holds a lock for each
 * transaction and lets it go only when Prisma's COMMIT or ROLLBACK succeeds; when SQLite has
 * rolled the transaction back itself (it does after some I/O errors) the ROLLBACK fails, the
 * lock is never released, and every later transaction waits forever. Here:
 * - the lock is ours, and is released however the transaction ends;
 * - a failed COMMIT is rolled back, so the connection is never left inside a transaction that
 *   later writes would silently join;
 * - queries outside a transaction wait for the open one to end, for the same reason (the one
 *   connection is shared by every request).
 */
export class SafeSQLiteAdapterFactory {
	readonly provider = "sqlite" as const;
	readonly adapterName: string;
	readonly #inner: PrismaBetterSQLite3;
	#connection: Database.Database | null = null;
	#read: DirectRead | null = null;

	constructor(config: Config) {
		this.#inner = new PrismaBetterSQLite3(config);
		this.adapterName = this.#inner.adapterName;
	}

	/** The better-sqlite3 connection Prisma uses, once connected: for the tests of faults. */
	get connection() {
		return this.#connection;
	}

	async connect(): Promise<Adapter> {
		const adapter = await this.#inner.connect();
		this.#connection = (adapter as unknown as { client: Database.Database }).client;
		unicodeLike(this.#connection);
		const safe = safeAdapter(adapter, this.#connection);
		this.#read = safe.read;
		return safe;
	}

	/** Reads on Prisma's connection while it is open (direct-read in database-client.server.ts), else null. */
	reader(): DirectRead | null {
		return this.#connection?.open ? this.#read : null;
	}

	connectToShadowDb() {
		return this.#inner.connectToShadowDb();
	}
}

/**
 * SQLite's LIKE ignores case for ASCII letters only, so a search for «иванов» missed «Иванов»;
 * PostgreSQL's ILIKE (Prisma's `mode: "insensitive"`, db.server.ts `containsText`) ignores it for
 * every letter. Here LIKE ignores case as PostgreSQL's does, so that search finds the same rows on
 * both (docs/decisions/0101). `%` and `_` are its wildcards, as before; no escape character.
 */
export function unicodeLike(connection: Database.Database) {
	const patterns = new Map<string, RegExp>();
	const compile = (pattern: string) => {
		let regex = patterns.get(pattern);
		if (!regex) {
			const source = [...pattern]
				.map((c) => (c === "%" ? "[\\s\\S]*" : c === "_" ? "[\\s\\S]" : c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")))
				.join("");
			regex = new RegExp(`^${source}$`, "iu");
			if (patterns.size > 500) patterns.clear();
			patterns.set(pattern, regex);
		}
		return regex;
	};
	connection.function("like", { deterministic: true }, (pattern: unknown, value: unknown) => {
		if (pattern === null || value === null) return null;
		return compile(String(pattern)).test(String(value)) ? 1 : 0;
	});
}

/** One holder at a time, in the order they asked. */
class Lock {
	#tail: Promise<void> = Promise.resolve();

	acquire(): Promise<() => void> {
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		const acquired = this.#tail.then(() => release);
		this.#tail = this.#tail.then(() => released);
		return acquired;
	}

	async run<T>(work: () => Promise<T>): Promise<T> {
		const release = await this.acquire();
		try {
			return await work();
		} finally {
			release();
		}
	}
}

function rollbackQuietly(client: Database.Database) {
	try {
		client.exec("ROLLBACK");
	} catch {
		// The error that brought us here says more than this one; the next transaction tries again.
	}
}

const statement = (sql: string): Query => ({ sql, args: [], argTypes: [] });

function counted<T>(work: () => Promise<T>): Promise<T> {
	countQuery();
	return work();
}

function safeAdapter(adapter: Adapter, client: Database.Database): Adapter & { read: DirectRead } {
	const lock = new Lock();
	let inOurTransaction = false;

	/** A transaction left open by a failure we could not end is ended before anything else runs. */
	const clean = () => {
		if (client.inTransaction && !inOurTransaction) client.exec("ROLLBACK");
	};
	const outside = <T>(work: () => Promise<T>) =>
		lock.run(async () => {
			clean();
			return work();
		});

	async function startTransaction(isolationLevel?: Parameters<Adapter["startTransaction"]>[0]): Promise<Transaction> {
		// The adapter refuses other isolation levels before it takes its own lock.
		if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel);
		const release = await lock.acquire();
		try {
			clean();
			await adapter.executeRaw(statement("BEGIN"));
		} catch (error) {
			release();
			throw error;
		}
		inOurTransaction = true;
		let open = true;
		const end = () => {
			if (open) {
				open = false;
				inOurTransaction = false;
				release();
			}
			return Promise.resolve();
		};
		/** COMMIT or ROLLBACK: whatever happens, the transaction is over and the lock free. */
		const finish = async (query: Query) => {
			try {
				return await adapter.executeRaw(query);
			} catch (error) {
				// SQLite rolled back by itself: a ROLLBACK has nothing left to do.
				if (query.sql === "ROLLBACK" && !client.inTransaction) return 0;
				if (client.inTransaction) rollbackQuietly(client);
				throw error;
			} finally {
				await end();
			}
		};
		return {
			provider: adapter.provider,
			adapterName: adapter.adapterName,
			options: { usePhantomQuery: false },
			queryRaw: (query) => counted(() => adapter.queryRaw(query)),
			executeRaw: (query) =>
				query.sql === "COMMIT" || query.sql === "ROLLBACK" ? finish(query) : counted(() => adapter.executeRaw(query)),
			commit: end,
			rollback: end,
		};
	}

	const statements = preparedStatements(client);
	return {
		provider: adapter.provider,
		adapterName: adapter.adapterName,
		read: (sql, values) => counted(() => outside(async () => statements.rows(sql, values))),
		queryRaw: (query) => counted(() => outside(() => adapter.queryRaw(query))),
		executeRaw: (query) => counted(() => outside(() => adapter.executeRaw(query))),
		executeScript: (script) => outside(() => adapter.executeScript(script)),
		startTransaction,
		getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
		dispose: () => adapter.dispose(),
	};
}

/**
 * The statements of the direct reads, prepared once each (the adapter prepares every statement at
 * every call, as long as the query takes to run for the small reads of a page). Values are bound as
 * Prisma's adapter binds them; DateTime and Boolean columns read back as a Date and a boolean, as
 * `$queryRaw` reads them; an integer is a number, never a bigint.
 */
function preparedStatements(client: Database.Database) {
	type Prepared = { statement: Database.Statement; dates: string[]; booleans: string[] };
	const cache = new Map<string, Prepared>();
	const prepare = (sql: string): Prepared => {
		// Prisma's adapter reads integers as bigints on the whole connection; these are counts and numbers.
		const statement = client.prepare(sql).safeIntegers(false);
		const columns = statement.columns();
		const named = (type: string) => columns.filter((c) => c.type?.toUpperCase() === type).map((c) => c.name);
		// Few distinct statements (tens); a cap guards against SQL built from input, which the reads never are.
		if (cache.size >= 500) cache.clear();
		const prepared = { statement, dates: named("DATETIME"), booleans: named("BOOLEAN") };
		cache.set(sql, prepared);
		return prepared;
	};
	return {
		rows(sql: string, values: readonly unknown[]): Record<string, unknown>[] {
			const { statement, dates, booleans } = cache.get(sql) ?? prepare(sql);
			const rows = statement.all(values.map(sqliteValue)) as Record<string, unknown>[];
			if (dates.length || booleans.length)
				for (const row of rows) {
					for (const name of dates) row[name] = sqlDateOrNull(row[name]);
					for (const name of booleans) if (row[name] !== null) row[name] = Boolean(row[name]);
				}
			return rows;
		},
	};
}

/** A value bound as Prisma's SQLite adapter binds it: dates as ISO text (how DateTime columns are stored), booleans as 1 or 0. */
function sqliteValue(value: unknown): unknown {
	if (value === undefined) return null;
	if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
	if (typeof value === "boolean") return value ? 1 : 0;
	return value;
}
