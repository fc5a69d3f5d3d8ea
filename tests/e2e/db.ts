import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";
import { databaseUrl } from "../../app/utils/database-url";

/** The e2e server's database (in WAL mode, set by the server), for fixtures that arrange data directly; playwright.config.ts names it. */
export const prisma = new PrismaClient({
	adapter: new PrismaBetterSQLite3({ url: databaseUrl(`file:./${process.env.E2E_DATABASE}`), timeout: 10_000 }),
});
