import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";
import { seededRandom } from "../../app/domain/quiz/random";
import { getModule, getQuestionBank, listModules } from "../../app/utils/content.server";
import { gradedAttempt } from "../../prisma/demo-attempts";

const ITEM_MODULE = "basic-concepts-and-categories";

/**
 * The bench's cohorts, in its own database: a cohort of `trainees` trainees on all 16 modules,
 * each having read every section and made `attempts` attempts at every quiz (graded by the
 * engine on generated answers); and a cohort of `itemAttempts` trainees who each took module 4's
 * quiz once with its 16 engine-marked questions, for the item analysis.
 */
export async function prepareCohorts(
	database: string,
	options: { trainerEmail: string; trainees: number; attempts: number; itemAttempts: number },
) {
	const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${database}` }) });
	try {
		const { id: trainerId } = await prisma.user.findUniqueOrThrow({
			where: { email: options.trainerEmail },
			select: { id: true },
		});
		const modules = await listModules();
		const random = seededRandom(16);
		const dashboard = await prisma.cohort.create({
			data: {
				name: `Bench: ${options.trainees} trainees × ${modules.length} modules`,
				countryCode: "UA",
				startsOn: new Date(Date.now() - 60 * 86_400_000),
				joinCode: "BENCH222",
				trainers: { create: { userId: trainerId } },
				modules: {
					create: modules.map((m, position) => ({ moduleSlug: m.slug, position, dueDays: 7 * (position + 1) })),
				},
			},
			select: { id: true },
		});
		const trainees = await makeUsers(prisma, "bench-dashboard", options.trainees);
		await inChunks(
			trainees.map((userId) => ({ cohortId: dashboard.id, userId })),
			(data) => prisma.cohortMember.createMany({ data }),
		);
		for (const userId of trainees) {
			// Most have read most of it; a few stopped early, so the page has every kind of cell.
			const reach = Math.floor(random() * (modules.length + 1));
			await prisma.sectionRead.createMany({
				data: modules
					.slice(0, reach)
					.flatMap((m) => m.sections.map((s) => ({ userId, moduleSlug: m.slug, sectionId: s.id }))),
			});
			await prisma.quizAttempt.createMany({
				data: modules.flatMap((m) =>
					Array.from({ length: options.attempts }, (_, n) => {
						const { includesEssay: _essay, ...columns } = gradedAttempt(
							getQuestionBank(m),
							m.meta.quiz,
							0.4 + random() * 0.5,
							random,
						);
						return {
							userId,
							moduleSlug: m.slug,
							number: n + 1,
							...columns,
							submittedAt: new Date(Date.now() - n * 3_600_000),
						};
					}),
				),
			});
		}

		const module = (await getModule(ITEM_MODULE))!;
		const bank = getQuestionBank(module);
		const plan = {
			slots: bank.questions
				.filter((q) => q.type !== "essay" && q.type !== "description")
				.map((q) => ({ questionId: q.id, choiceOrder: [], stemOrder: [] })),
		};
		const items = await prisma.cohort.create({
			data: {
				name: `Bench: ${options.itemAttempts} attempts × ${plan.slots.length} questions`,
				countryCode: "UA",
				startsOn: new Date(Date.now() - 30 * 86_400_000),
				joinCode: "BENCH333",
				trainers: { create: { userId: trainerId } },
				modules: { create: { moduleSlug: ITEM_MODULE, position: 0 } },
			},
			select: { id: true },
		});
		const takers = await makeUsers(prisma, "bench-items", options.itemAttempts);
		await inChunks(
			takers.map((userId) => ({ cohortId: items.id, userId })),
			(data) => prisma.cohortMember.createMany({ data }),
		);
		await inChunks(
			takers.map((userId) => {
				const { includesEssay: _essay, ...columns } = gradedAttempt(
					bank,
					module.meta.quiz,
					0.3 + random() * 0.6,
					random,
					{
						plan,
					},
				);
				return { userId, moduleSlug: ITEM_MODULE, number: 1, ...columns, submittedAt: new Date() };
			}),
			(data) => prisma.quizAttempt.createMany({ data }),
		);
		return {
			dashboardPath: `/cohorts/${dashboard.id}`,
			modules: modules.length,
			itemsCohortId: items.id,
			itemsPath: `/cohorts/${items.id}/quizzes/${ITEM_MODULE}`,
			itemModule: ITEM_MODULE,
			questions: plan.slots.length,
		};
	} finally {
		await prisma.$disconnect();
	}
}

async function makeUsers(prisma: PrismaClient, prefix: string, count: number) {
	const rows = Array.from({ length: count }, (_, i) => ({
		email: `${prefix}-${i}@bench.test`,
		name: `${prefix === "bench-items" ? "Item" : "Bench"} Trainee ${String(i + 1).padStart(5, "0")}`,
		countryCode: "UA",
	}));
	await inChunks(rows, (data) => prisma.user.createMany({ data }));
	const users = await prisma.user.findMany({ where: { email: { startsWith: `${prefix}-` } }, select: { id: true } });
	return users.map((u) => u.id);
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 1000) {
	for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * The item analysis of the bench's large cohort, in this process: reading the attempts from
 * SQLite, then the statistics alone (median of `runs`).
 */
export async function measureItemAnalysis(database: string, cohortId: string, runs = 5) {
	process.env.DATABASE_URL = `file:${database}`;
	const { readAttempts, analyse } = await import("../../app/utils/item-analysis.server");
	const { quizStatistics } = await import("../../app/domain/quiz/statistics");
	const module = (await getModule(ITEM_MODULE))!;
	const reads: number[] = [];
	const stats: number[] = [];
	const whole: number[] = [];
	let attempts = 0;
	const questions = getQuestionBank(module)
		.questions.filter((q) => q.type !== "description")
		.map((q) => ({ id: q.id, maxMark: 1 }));
	for (let run = 0; run < runs; run++) {
		let started = performance.now();
		const read = await readAttempts(ITEM_MODULE, { cohortId });
		reads.push(performance.now() - started);
		attempts = read.length;
		started = performance.now();
		quizStatistics(questions, read, "first");
		stats.push(performance.now() - started);
		started = performance.now();
		analyse(module, read, "first");
		whole.push(performance.now() - started);
	}
	return {
		attempts,
		readMs: median(reads),
		statisticsMs: median(stats),
		analysisMs: median(whole),
	};
}

export function median(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
