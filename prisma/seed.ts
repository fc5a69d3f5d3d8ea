/**
 * `tsx prisma/seed.ts`          reference data only (countries); safe to run again.
 * `tsx prisma/seed.ts --demo`   plus the demo users and agencies, when the database has no user yet.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../app/generated/prisma/client";
import { databaseUrl } from "../app/utils/database-url";
import { hashPassword } from "../app/utils/password.server";
import { seedDemoCohorts } from "./demo-cohorts";
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";
import { COUNTRIES } from "./reference-data";

const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });

async function seedReference() {
	for (const { code, nameEn, nameRu, ...rest } of COUNTRIES) {
		const isMember = "isMember" in rest ? rest.isMember : true;
		await prisma.country.upsert({
			where: { code },
			create: { code, nameEn, nameRu, isMember },
			update: {},
		});
	}
}

async function seedDemo() {
	if ((await prisma.user.count()) > 0) {
		console.log("seed: the database has users already; demo data not added");
		return;
	}
	const agencyIds = new Map<string, string>();
	for (const agency of DEMO_AGENCIES) {
		const { id } = await prisma.agency.create({ data: agency, select: { id: true } });
		agencyIds.set(agency.name, id);
	}
	const hash = await hashPassword(DEMO_PASSWORD);
	for (const user of DEMO_USERS) {
		await prisma.user.create({
			data: {
				email: user.email,
				name: user.name,
				language: user.language,
				countryCode: user.countryCode,
				agencyId: user.agency ? agencyIds.get(user.agency) : null,
				roles: { connect: user.roles.map((name) => ({ name })) },
				password: { create: { hash } },
			},
		});
	}
	console.log(`seed: ${DEMO_USERS.length} demo users added; their password is "${DEMO_PASSWORD}"`);
	await seedDemoCohorts(prisma);
	console.log("seed: two demo cohorts added, with reading, graded attempts and essays to mark");
}

try {
	await seedReference();
	if (process.argv.includes("--demo")) await seedDemo();
} finally {
	await prisma.$disconnect();
}
