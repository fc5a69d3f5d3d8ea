import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./app/utils/database-url";

// Prisma 6 runs offline here only with its JavaScript engine and a driver adapter.
// The schema still names DATABASE_URL, so it must be set before the CLI reads it.
process.env.DATABASE_URL = databaseUrl(process.env.DATABASE_URL);

export default defineConfig({
	experimental: { adapter: true },
	engine: "js",
	schema: path.join("prisma", "schema.prisma"),
	migrations: { path: path.join("prisma", "migrations") },
	async adapter() {
		return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
	},
});
