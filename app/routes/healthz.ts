import { prisma } from "~/utils/db.server";

/** 200 when the database answers; 503 otherwise. For load balancers and monitors. */
export async function loader() {
	try {
		await prisma.role.count();
		return new Response("ok\n", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
	} catch (error) {
		console.error("healthz: database did not answer", error);
		return new Response("database unavailable\n", { status: 503, headers: { "Content-Type": "text/plain" } });
	}
}
