import { getModule, getQuestionBank } from "~/utils/content.server";
import { createCohort } from "~/utils/cohorts.server";
import { prisma } from "~/utils/db.server";
import { seededRandom } from "~/domain/quiz/random";
import { gradedAttempt } from "../../prisma/demo-attempts";
import { makeUser } from "./users";

/** A cohort run by a new trainer (or the given one), on the given modules. */
export async function makeCohort(
	options: { trainerId?: string; countryCode?: string; modules?: string[]; trackSlug?: string | null } = {},
) {
	const trainerId = options.trainerId ?? (await makeUser(["trainer"])).id;
	const cohortId = await createCohort(
		{
			name: "Test cohort",
			countryCode: options.countryCode ?? "KG",
			startsOn: "2026-09-01",
			endsOn: null,
			trackSlug: options.trackSlug ?? null,
			moduleSlugs: options.modules ?? ["basic-concepts-and-categories"],
		},
		trainerId,
	);
	return { cohortId, trainerId };
}

export async function addMember(cohortId: string, userId: string) {
	await prisma.cohortMember.create({ data: { cohortId, userId } });
}

/**
 * A submitted attempt at the module's quiz graded by the engine on generated answers; with
 * `essay` its draw holds the module's essay, answered.
 */
export async function submitGenerated(userId: string, moduleSlug: string, seed: number, skill = 0.7, essay = false) {
	const module = (await getModule(moduleSlug))!;
	const bank = getQuestionBank(module);
	const random = seededRandom(seed);
	const plan = essay
		? {
				slots: bank.questions
					.filter((q) => q.type === "essay" || q.type === "truefalse")
					.map((q) => ({ questionId: q.id, choiceOrder: [], stemOrder: [] })),
			}
		: undefined;
	const { includesEssay: _essay, ...columns } = gradedAttempt(bank, module.meta.quiz, skill, random, { plan });
	const number = (await prisma.quizAttempt.count({ where: { userId, moduleSlug } })) + 1;
	return prisma.quizAttempt.create({
		data: { userId, moduleSlug, number, ...columns, submittedAt: new Date() },
		select: { id: true, percent: true, needsGrading: true },
	});
}
