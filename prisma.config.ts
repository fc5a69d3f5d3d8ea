import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./app/utils/database-url";

// Prisma 6 runs offline here only with its JavaScript engine and a driver adapter, which
// opens DATABASE_URL (made absolute here, as the server and the tests make it).
process.env.DATABASE_URL = databaseUrl(process.env.DATABASE_URL);

export default defineConfig({
	experimental: { adapter: true },
	engine: "js",
	schema: path.join("prisma", "schema.prisma"),
	migrations: { path: path.join("prisma", "migrations") },
	async adapter() {
		// Migrations create the database file, but not a folder that DATABASE_URL names wrongly.
		const folder = path.dirname(process.env.DATABASE_URL!.slice("file:".length));
		if (!fs.existsSync(folder)) {
			throw new Error(`The database folder ${folder} does not exist; correct DATABASE_URL or create the folder.`);
		}
		return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
	},
});
