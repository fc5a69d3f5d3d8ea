import { randomBytes } from "node:crypto";
import { openDatabase } from "../../app/utils/database-client.server";
import { databaseUrl } from "../../app/utils/database-url";

/**
 * The e2e server's database (in WAL mode, set by the server), for fixtures that arrange data directly;
 * playwright.config.ts names it (E2E_DATABASE_URL on PostgreSQL, else the file E2E_DATABASE).
 */
export const prisma = openDatabase(databaseUrl(process.env.E2E_DATABASE_URL ?? `file:./${process.env.E2E_DATABASE}`), {
	timeout: 10_000,
});

/** A cohort in Kyrgyzstan on one module (due a year after it starts): one trainer, one trainee. */
export async function oneModuleCohort(name: string, moduleSlug: string, trainerId: string, traineeId: string) {
	return prisma.cohort.create({
		data: {
			name,
			countryCode: "KG",
			startsOn: new Date("2026-01-10T00:00:00Z"),
			joinCode: randomBytes(5).toString("hex").toUpperCase(),
			trainers: { create: { userId: trainerId } },
			modules: { create: [{ moduleSlug, position: 0, dueDays: 365 }] },
			members: { create: { userId: traineeId } },
		},
		select: { id: true },
	});
}
