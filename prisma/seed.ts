/**
 * `tsx prisma/seed.ts`          reference data only (countries); safe to run again.
 * `tsx prisma/seed.ts --demo`   plus the demo users and agencies, when the database has no user yet.
 */
import { openDatabase } from "../app/utils/database-client.server";
import { databaseUrl } from "../app/utils/database-url";
import { hashPassword } from "../app/utils/password.server";
import { storeAnswer } from "../app/domain/assessment/answers";
import { INSTRUMENT, itemsOf } from "../app/domain/assessment/instrument";
import type { ItemAnswer } from "../app/domain/assessment/model";
import { seedDemoCohorts } from "./demo-cohorts";
import { seedDemoSandbox } from "./demo-sandbox";
import { baseAnswers, DEMO_AGENCIES, DEMO_PARTNERS, DEMO_PASSWORD, DEMO_USERS, demoAssessments } from "./demo-data";
import { COUNTRIES } from "./reference-data";

const prisma = openDatabase(databaseUrl());

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
				deactivatedAt: user.deactivated ? new Date() : null,
			},
		});
	}
	console.log(`seed: ${DEMO_USERS.length} demo users added; their password is "${DEMO_PASSWORD}"`);
	await seedDemoCohorts(prisma);
	console.log("seed: two demo cohorts added, with reading, graded attempts and essays to mark");
	const sandbox = await seedDemoSandbox(prisma);
	console.log(
		`seed: demo sandbox work added (a practice workspace of ${sandbox.practiceRevisions} revisions, returned then waiting for review; compile scored ${sandbox.compileScore}; find and fix ${sandbox.findAndFixScore}, accepted)`,
	);
	await seedAssessments(agencyIds);
}

/** The demo's IT self-assessments: each is the "enough everywhere" agency with its own differences. */
async function seedAssessments(agencyIds: Map<string, string>) {
	const thisYear = new Date().getUTCFullYear();
	const users = new Map(
		(await prisma.user.findMany({ select: { id: true, email: true } })).map((user) => [user.email, user.id]),
	);
	const items = itemsOf(INSTRUMENT);
	const assessments = demoAssessments(thisYear);
	for (const demo of assessments) {
		const base = baseAnswers(demo.year, DEMO_PARTNERS[demo.agency]!);
		const userId = demo.by ? (users.get(demo.by) ?? null) : null;
		// Dates inside the assessed year: last year's in November, this year's a few days ago.
		const yearStart = Date.UTC(demo.year, 0, 2);
		const submittedAt = new Date(
			demo.year < thisYear ? Date.UTC(demo.year, 10, 20) : Math.max(yearStart, Date.now() - 3 * 86_400_000),
		);
		const startedAt = new Date(Math.max(yearStart, submittedAt.getTime() - 14 * 86_400_000));
		await prisma.assessment.create({
			data: {
				agencyId: agencyIds.get(demo.agency)!,
				year: demo.year,
				instrumentVersion: INSTRUMENT.version,
				status: demo.status,
				currentStep: demo.currentStep ?? null,
				targets: JSON.stringify(demo.targets ?? {}),
				createdAt: startedAt,
				submittedAt: demo.status === "submitted" ? submittedAt : null,
				answers: {
					create: items.flatMap((item) => {
						if (demo.omit?.includes(item.id) || !base[item.id]) return [];
						const answer = { ...base[item.id], ...demo.answers[item.id] } as ItemAnswer;
						return [{ itemId: item.id, value: storeAnswer(item, answer), answeredById: userId, answeredAt: startedAt }];
					}),
				},
				events: {
					create: [
						{ kind: "started", userId, at: startedAt },
						...(demo.status === "submitted" ? [{ kind: "submitted", userId, at: submittedAt }] : []),
					],
				},
			},
		});
	}
	console.log(`seed: ${assessments.length} demo IT self-assessments added`);
}

try {
	await seedReference();
	if (process.argv.includes("--demo")) await seedDemo();
} finally {
	await prisma.$disconnect();
}
