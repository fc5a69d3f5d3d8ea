import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";

/** The demo's draft assessment (a wizard step) and a submitted one of the same agency (its report). */
export async function assessmentPaths(database: string, agencyName: string) {
	const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${database}` }) });
	const rows = await prisma.assessment.findMany({
		where: { agency: { name: agencyName } },
		orderBy: { year: "desc" },
		select: { id: true, status: true },
	});
	await prisma.$disconnect();
	const draft = rows.find((row) => row.status === "draft");
	const submitted = rows.find((row) => row.status === "submitted");
	if (!draft || !submitted) throw new Error(`The demo data have no draft and submitted assessment of ${agencyName}`);
	return { step: `/assessment/${draft.id}/a1-software`, report: `/assessment/${submitted.id}/report` };
}
