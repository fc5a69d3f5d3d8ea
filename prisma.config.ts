import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { databaseKind, databaseUrl } from "./app/utils/database-url";

// Prisma 6 runs offline here only with its JavaScript engine and a driver adapter, which
// opens DATABASE_URL (made absolute here, as the server and the tests make it).
process.env.DATABASE_URL = databaseUrl(process.env.DATABASE_URL);
const url = process.env.DATABASE_URL;

// A postgresql:// URL takes the PostgreSQL variant of the schema and its own migrations, both
// generated from prisma/schema.prisma (`npm run db:pg:generate`, docs/decisions/0100).
const postgresql = databaseKind(url) === "postgresql";
const folder = postgresql ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
	experimental: { adapter: true },
	engine: "js",
	schema: path.join(folder, "schema.prisma"),
	migrations: { path: path.join(folder, "migrations") },
	async adapter() {
		if (postgresql) return new PrismaPg(migrationPool(url));
		// Migrations create the database file, but not a folder that DATABASE_URL names wrongly.
		const folder = path.dirname(url.slice("file:".length));
		if (!fs.existsSync(folder)) {
			throw new Error(`The database folder ${folder} does not exist; correct DATABASE_URL or create the folder.`);
		}
		return new PrismaBetterSQLite3({ url });
	},
});

/**
 * Prisma Migrate reads PostgreSQL's catalog, whose columns of type `name` (and "char") the pg
 * adapter of Prisma 6.19 refuses ("Column type 'name' could not be deserialized", prisma/prisma#27403);
 * they are short text, and read as text here. Only the CLI uses this pool; the app's queries
 * never return `name` columns.
 */
function migrationPool(connectionString: string) {
	const pool = new pg.Pool({ connectionString, max: 2 });
	const query = pool.query.bind(pool) as unknown as (...args: unknown[]) => Promise<pg.QueryResult>;
	pool.query = (async (...args: unknown[]) => {
		const result = await query(...args);
		for (const field of result.fields ?? []) if (CATALOG_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
		return result;
	}) as typeof pool.query;
	return pool;
}
/** PostgreSQL's catalog types read as text: "char", name, int2vector, regproc, oidvector, pg_node_tree, regclass, regtype. */
const CATALOG_TEXT = new Set([18, 19, 22, 24, 30, 194, 2205, 2206]);
const TEXT_OID = 25;
