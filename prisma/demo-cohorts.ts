/**
 * Two demo cohorts (README, "Demo accounts"): one run by trainer@example.org in English for
 * Ukraine on the data officers' track, one by trainer2@example.org in Russian for Kyrgyzstan on
 * chosen modules. Their members have read sections and taken quizzes whose answers are generated
 * and graded by the real quiz engine; one trainee in each is overdue, and essays wait for marks.
 */
import type { PrismaClient } from "../app/generated/prisma/client";
import { addDays, dateOf, dayOf } from "../app/domain/cohorts/days";
import { buildAttempt } from "../app/domain/quiz/attempt";
import { gradeAttempt } from "../app/domain/quiz/attempt-grade";
import { seededRandom, type RandomSource } from "../app/domain/quiz/random";
import { attemptResponsesSchema } from "../app/domain/quiz/response";
import { gradeColumns } from "../app/domain/quiz/stored-grade";
import { getModule, getQuestionBank, listTracksInfo, type ModuleInfo } from "../app/utils/content.server";
import { DEMO_ESSAYS, gradedAttempt } from "./demo-attempts";

type Plan = {
	/** How far the trainee got: whole modules done, then part of the next. */
	modulesDone: number;
	sectionsOfNext: number;
	skill: number;
};

type DemoCohort = {
	name: string;
	trainer: string;
	countryCode: string;
	trackSlug: string | null;
	modules: string[];
	startsDaysAgo: number;
	/** Due dates: days after the start, or dates (as days from the start) when `fixedDates`. */
	dueEvery: number;
	fixedDates: boolean;
	members: Record<string, Plan>;
	essayWaiting: string;
	essayMarked?: { email: string; fraction: number; comment: string };
	extension?: { email: string; moduleSlug: string; days: number };
	message: string;
	joinCode: string;
};

const COHORTS: DemoCohort[] = [
	{
		name: "Ukraine: data officers, autumn 2026",
		trainer: "trainer@example.org",
		countryCode: "UA",
		trackSlug: "data-officers",
		modules: [],
		startsDaysAgo: 35,
		dueEvery: 14,
		fixedDates: false,
		members: {
			"trainee@example.org": { modulesDone: 2, sectionsOfNext: 3, skill: 0.9 },
			"trainee2@example.org": { modulesDone: 1, sectionsOfNext: 6, skill: 0.75 },
			"trainee3@example.org": { modulesDone: 1, sectionsOfNext: 2, skill: 0.6 },
			"trainee4@example.org": { modulesDone: 0, sectionsOfNext: 2, skill: 0.4 },
		},
		essayWaiting: "trainee2@example.org",
		essayMarked: {
			email: "trainee@example.org",
			fraction: 0.8,
			comment:
				"A clear note: unit, residence rule, source and the STLS coding are all there. Say also that the 6-month permits are left out, so that a reader abroad knows the count follows the 12-month rule.",
		},
		extension: { email: "trainee3@example.org", moduleSlug: "basic-concepts-and-categories", days: 20 },
		message:
			"Welcome to the cohort! Our second workshop is on 15 December: please finish module 4 (basic concepts) before it, and bring one NOTE from your agency's last submission.",
		joinCode: "UKRD2026",
	},
	{
		name: "Кыргызстан: специалисты по данным, 2026",
		trainer: "trainer2@example.org",
		countryCode: "KG",
		trackSlug: null,
		modules: ["basic-concepts-and-categories", "data-sharing-mechanism", "it-prerequisites"],
		startsDaysAgo: 20,
		dueEvery: 14,
		fixedDates: true,
		members: {
			"trainee5@example.org": { modulesDone: 1, sectionsOfNext: 4, skill: 0.85 },
			"trainee6@example.org": { modulesDone: 1, sectionsOfNext: 0, skill: 0.6 },
			"trainee7@example.org": { modulesDone: 0, sectionsOfNext: 6, skill: 0.7 },
			"trainee8@example.org": { modulesDone: 0, sectionsOfNext: 1, skill: 0.35 },
		},
		essayWaiting: "trainee7@example.org",
		message:
			"Коллеги, напоминаю: модуль 4 нужно завершить до конца следующей недели. На встрече разберём пояснительные записки (NOTE) к вашим данным.",
		joinCode: "KGDS2026",
	},
];

export async function seedDemoCohorts(prisma: PrismaClient, today = new Date()) {
	const random = seededRandom(2026);
	const userId = async (email: string) =>
		(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
	for (const demo of COHORTS) {
		const modules = await modulesOf(demo);
		const start = addDays(dayOf(today), -demo.startsDaysAgo);
		const trainerId = await userId(demo.trainer);
		const cohort = await prisma.cohort.create({
			data: {
				name: demo.name,
				countryCode: demo.countryCode,
				trackSlug: demo.trackSlug,
				startsOn: dateOf(start),
				endsOn: dateOf(addDays(start, demo.dueEvery * (modules.length + 1))),
				joinCode: demo.joinCode,
				createdById: trainerId,
				trainers: { create: { userId: trainerId } },
				modules: {
					create: modules.map((module, position) => {
						const days = demo.dueEvery * (position + 1);
						return demo.fixedDates
							? { moduleSlug: module.slug, position, dueOn: dateOf(addDays(start, days)) }
							: { moduleSlug: module.slug, position, dueDays: days };
					}),
				},
				messages: { create: { authorId: trainerId, body: demo.message, createdAt: dateOf(addDays(start, 2)) } },
			},
			select: { id: true },
		});
		for (const [email, plan] of Object.entries(demo.members)) {
			const id = await userId(email);
			await prisma.cohortMember.create({ data: { cohortId: cohort.id, userId: id, joinedAt: dateOf(start) } });
			if (demo.trackSlug) {
				await prisma.trackEnrolment.create({
					data: { userId: id, trackSlug: demo.trackSlug, enrolledAt: dateOf(start) },
				});
			}
			await work(prisma, random, { userId: id, email, plan, modules, start, demo });
		}
		if (demo.extension) {
			const module = modules.findIndex((m) => m.slug === demo.extension!.moduleSlug);
			await prisma.cohortExtension.create({
				data: {
					cohortId: cohort.id,
					userId: await userId(demo.extension.email),
					moduleSlug: demo.extension.moduleSlug,
					dueOn: dateOf(addDays(start, demo.dueEvery * (module + 1) + demo.extension.days)),
				},
			});
		}
		if (demo.essayMarked) await markEssay(prisma, await userId(demo.essayMarked.email), demo.essayMarked, trainerId);
	}
}

async function modulesOf(demo: DemoCohort): Promise<ModuleInfo[]> {
	const slugs = demo.trackSlug
		? (await listTracksInfo()).find((t) => t.slug === demo.trackSlug)!.modules.map((m) => m.slug)
		: demo.modules;
	return Promise.all(slugs.map(async (slug) => (await getModule(slug))!));
}

/** Sections read and attempts made, spread over the days since the start. */
async function work(
	prisma: PrismaClient,
	random: RandomSource,
	who: { userId: string; email: string; plan: Plan; modules: ModuleInfo[]; start: string; demo: DemoCohort },
) {
	const { plan, modules, start } = who;
	let day = 1;
	const reach = Math.min(modules.length, plan.modulesDone + (plan.sectionsOfNext > 0 ? 1 : 0));
	for (let index = 0; index < reach; index++) {
		const module = modules[index]!;
		const whole = index < plan.modulesDone;
		const sections = whole ? module.sections : module.sections.slice(0, plan.sectionsOfNext);
		for (const section of sections) {
			await prisma.sectionRead.create({
				data: { userId: who.userId, moduleSlug: module.slug, sectionId: section.id, readAt: at(start, day++, random) },
			});
		}
		if (!module.hasQuiz) continue;
		// A module done is a quiz passed, after one to three attempts; a module begun may have one attempt.
		const wantsEssay =
			module.slug === "basic-concepts-and-categories" &&
			(who.email === who.demo.essayWaiting || who.email === who.demo.essayMarked?.email);
		const tries = whole ? 3 : sections.length === module.sections.length ? 1 : 0;
		for (let attempt = 0; attempt < tries; attempt++) {
			const bank = getQuestionBank(module);
			const settings = { ...module.meta.quiz };
			const plan = drawPlan(bank, settings, random, wantsEssay && attempt === 0);
			const graded = gradedAttempt(bank, settings, who.plan.skill + attempt * 0.1, random, {
				plan,
				essay: who.demo.countryCode === "KG" ? DEMO_ESSAYS[2] : DEMO_ESSAYS[0],
			});
			const submittedAt = at(start, day++, random);
			const { includesEssay: _essay, ...columns } = graded;
			await prisma.quizAttempt.create({
				data: {
					userId: who.userId,
					moduleSlug: module.slug,
					number: attempt + 1,
					...columns,
					startedAt: new Date(submittedAt.getTime() - 25 * 60_000),
					submittedAt,
				},
			});
			if (graded.passed) break;
		}
	}
}

/** A draw with the essay in it when a trainer is to mark one, else without (so the demo has the essays it says). */
function drawPlan(
	bank: ReturnType<typeof getQuestionBank>,
	settings: ModuleInfo["meta"]["quiz"],
	random: RandomSource,
	essay: boolean,
) {
	for (;;) {
		const plan = buildAttempt(bank, settings, random);
		if (plan.slots.some((slot) => bank.byId.get(slot.questionId)?.type === "essay") === essay) return plan;
	}
}

/** A moment on the given day after the start, during working hours. */
function at(start: string, day: number, random: RandomSource) {
	return new Date(dateOf(addDays(start, day)).getTime() + (8 + Math.floor(random() * 9)) * 3_600_000);
}

/** The trainer marks the essay of the trainee's attempt, and the attempt is graded again with the mark. */
async function markEssay(
	prisma: PrismaClient,
	userId: string,
	mark: { fraction: number; comment: string },
	trainerId: string,
) {
	const attempt = await prisma.quizAttempt.findFirstOrThrow({
		where: { userId, moduleSlug: "basic-concepts-and-categories", needsGrading: true },
		select: { id: true, plan: true, responses: true, submittedAt: true },
	});
	const module = (await getModule("basic-concepts-and-categories"))!;
	const bank = getQuestionBank(module);
	await prisma.manualGrade.create({
		data: {
			attemptId: attempt.id,
			questionId: "m04-q17",
			fraction: mark.fraction,
			comment: mark.comment,
			markedById: trainerId,
			markedAt: new Date(attempt.submittedAt!.getTime() + 86_400_000),
		},
	});
	const grade = gradeAttempt({
		bank,
		plan: JSON.parse(attempt.plan),
		responses: attemptResponsesSchema.parse(JSON.parse(attempt.responses)),
		passMark: module.meta.quiz.passMark,
		manualGrades: { "m04-q17": mark.fraction },
	});
	await prisma.quizAttempt.update({ where: { id: attempt.id }, data: gradeColumns(grade) });
}
