import { checkDatabaseWrites } from "~/utils/db.server";

/**
 * 200 when the database takes a write (one in a transaction that is rolled back, through the
 * same lock as every request); 503 otherwise, saying what failed. For load balancers and monitors.
 */
export async function loader() {
	try {
		await checkDatabaseWrites();
		return new Response("ok\n", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
	} catch (error) {
		const reason = error instanceof Response ? "the write failed (see the line above)" : String(error);
		console.error(`healthz: the database cannot write: ${reason}`);
		return new Response(`database cannot write: ${reason}\n`, {
			status: 503,
			headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
		});
	}
}
