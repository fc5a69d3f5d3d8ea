import { openDatabase } from "../../app/utils/database-client.server";
import { databaseUrl } from "../../app/utils/database-url";

/**
 * The e2e server's database (in WAL mode, set by the server), for fixtures that arrange data directly;
 * playwright.config.ts names it (E2E_DATABASE_URL on PostgreSQL, else the file E2E_DATABASE).
 */
export const prisma = openDatabase(databaseUrl(process.env.E2E_DATABASE_URL ?? `file:./${process.env.E2E_DATABASE}`), {
	timeout: 10_000,
});
