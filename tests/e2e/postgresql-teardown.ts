import pg from "pg";

/** Drops the smoke journey's database (playwright.postgresql.config.ts), after the server has stopped. */
export default async function teardown() {
	const server = process.env.TEST_POSTGRES_URL;
	const database = process.env.E2E_PG_DATABASE;
	if (!server || !database) return;
	const client = new pg.Client({ connectionString: server });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
	} finally {
		await client.end();
	}
}
