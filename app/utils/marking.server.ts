import { attemptPlanSchema } from "~/domain/quiz/attempt";
import { gradeAttempt } from "~/domain/quiz/attempt-grade";
import type { RichText } from "~/domain/gift/types";
import type { QuestionGrade } from "~/domain/quiz/grade";
import { attemptResponsesSchema } from "~/domain/quiz/response";
import { gradeColumns } from "~/domain/quiz/stored-grade";
import type { AttemptQuestions, MissingReason } from "~/domain/quiz/versions";
import type { CohortModule, CohortRecord } from "./cohorts.server";
import { evidenceOf, questionsOfAttempts } from "./question-versions.server";
import { prisma } from "./db.server";
import { learningChanged } from "./learning-events.server";
import { awardCompletedTracks } from "./tracks.server";

/**
 * Answers that need a trainer (docs/decisions/0053-marking.md): essays, and any answer the
 * engine grades "needs-grading". A mark is a ManualGrade row; the attempt is then graded again
 * by the engine with the trainers' marks, so its score, pass and completion follow.
 */

const attemptsOfCohort = (cohort: Pick<CohortRecord, "id" | "modules">) => ({
	moduleSlug: { in: cohort.modules.map((m) => m.moduleSlug) },
	submittedAt: { not: null },
	user: { cohortMemberships: { some: { cohortId: cohort.id, removedAt: null } } },
});

export type MarkingItem = {
	attemptId: string;
	questionId: string;
	moduleSlug: string;
	trainee: { id: string; name: string };
	submittedAt: Date;
	/** The question as the attempt asked it; empty when the attempt can no longer show it (`removed` says why). */
	question: RichText;
	removed: MissingReason | null;
	answer: string;
	mark: { fraction: number; comment: string; markedBy: string | null; markedAt: Date } | null;
};

/** The cohort's answers awaiting a mark, oldest first, and (with `marked`) those already marked, newest first. */
export async function markingItems(cohort: CohortRecord, modules: readonly CohortModule[]) {
	const [waiting, marks] = await Promise.all([
		prisma.quizAttempt.findMany({
			where: { ...attemptsOfCohort(cohort), needsGrading: true },
			select: attemptSelect,
			orderBy: { submittedAt: "asc" },
		}),
		prisma.manualGrade.findMany({
			where: { attempt: attemptsOfCohort(cohort) },
			select: {
				questionId: true,
				fraction: true,
				comment: true,
				markedAt: true,
				markedBy: { select: { name: true } },
				attempt: { select: attemptSelect },
			},
			orderBy: { markedAt: "desc" },
		}),
	]);
	const byModule = new Map(modules.map((m) => [m.module.slug, m.module]));
	// Each attempt's own questions (docs/decisions/0056): the essay as it was asked, whatever the bank says now.
	const rows = [...new Map([...waiting, ...marks.map((m) => m.attempt)].map((a) => [a.id, a])).values()];
	const own = new Map<string, AttemptQuestions>();
	for (const [slug, module] of byModule) {
		const ofModule = rows.filter((row) => row.moduleSlug === slug);
		const plans = ofModule.map((row) => ({ plan: attemptPlanSchema.parse(JSON.parse(row.plan)), ...evidenceOf(row) }));
		const questions = await questionsOfAttempts(module, plans);
		ofModule.forEach((row, index) => own.set(row.id, questions[index]!));
	}
	const item = (attempt: AttemptRow, questionId: string, mark: MarkingItem["mark"]): MarkingItem | null => {
		const questions = own.get(attempt.id);
		if (!questions) return null;
		const question = questions.en.byId.get(questionId);
		const removed = questions.missing.get(questionId) ?? null;
		if (!question && !removed) return null;
		const response = attemptResponsesSchema.parse(JSON.parse(attempt.responses))[questionId];
		return {
			attemptId: attempt.id,
			questionId,
			moduleSlug: attempt.moduleSlug,
			trainee: attempt.user,
			submittedAt: attempt.submittedAt!,
			question: question?.text ?? { text: "", format: "plain" },
			removed,
			answer: response?.kind === "text" ? response.text : "",
			mark,
		};
	};
	const queue = waiting.flatMap((attempt) => {
		const grades: QuestionGrade[] = JSON.parse(attempt.grades ?? "[]");
		return grades.filter((g) => g.state === "needs-grading").flatMap((g) => item(attempt, g.questionId, null) ?? []);
	});
	const marked = marks.flatMap(
		(m) =>
			item(m.attempt, m.questionId, {
				fraction: m.fraction,
				comment: m.comment,
				markedBy: m.markedBy?.name ?? null,
				markedAt: m.markedAt,
			}) ?? [],
	);
	return { queue, marked };
}

const attemptSelect = {
	id: true,
	moduleSlug: true,
	submittedAt: true,
	plan: true,
	responses: true,
	questionMarks: true,
	grades: true,
	user: { select: { id: true, name: true } },
} as const;

type AttemptRow = {
	id: string;
	moduleSlug: string;
	submittedAt: Date | null;
	plan: string;
	responses: string;
	questionMarks: string | null;
	grades: string | null;
	user: { id: string; name: string };
};

export type MarkResult = "marked" | "not-found" | "not-markable";

/**
 * Records a trainer's mark (0 to 1 of the question) and comment on an answer of a member of the
 * cohort, grades the attempt again with every mark it has, and issues any certificate it earns.
 */
export async function markAnswer(
	cohort: CohortRecord,
	modules: readonly CohortModule[],
	mark: { attemptId: string; questionId: string; fraction: number; comment: string; markedById: string },
): Promise<MarkResult> {
	const attempt = await prisma.quizAttempt.findFirst({
		where: { id: mark.attemptId, ...attemptsOfCohort(cohort) },
		select: {
			id: true,
			userId: true,
			moduleSlug: true,
			plan: true,
			responses: true,
			questionMarks: true,
			grades: true,
		},
	});
	const module = modules.find((m) => m.module.slug === attempt?.moduleSlug)?.module;
	if (!attempt || !module) return "not-found";
	// The attempt's own questions mark and grade it (docs/decisions/0056), whatever the bank says now.
	const plan = attemptPlanSchema.parse(JSON.parse(attempt.plan));
	const evidence = evidenceOf(attempt);
	const [own] = await questionsOfAttempts(module, [{ plan, ...evidence }]);
	const stored: QuestionGrade[] = attempt.grades ? JSON.parse(attempt.grades) : [];
	const inAttempt = plan.slots.some((slot) => slot.questionId === mark.questionId);
	// An essay, or an answer the attempt can no longer show that waited for a trainer or was marked by one.
	const waited = stored.some(
		(g) =>
			g.questionId === mark.questionId &&
			(g.state === "needs-grading" || (g.rightAnswer.kind === "none" && g.maxMark > 0)),
	);
	const markable = own!.missing.has(mark.questionId) ? waited : own!.en.byId.get(mark.questionId)?.type === "essay";
	if (!inAttempt || !markable) return "not-markable";

	await prisma.manualGrade.upsert({
		where: { attemptId_questionId: { attemptId: attempt.id, questionId: mark.questionId } },
		create: { ...mark },
		update: { fraction: mark.fraction, comment: mark.comment, markedById: mark.markedById, markedAt: new Date() },
	});
	const manual = await prisma.manualGrade.findMany({
		where: { attemptId: attempt.id },
		select: { questionId: true, fraction: true },
	});
	const grade = gradeAttempt({
		bank: own!.en,
		plan,
		responses: evidence.responses,
		passMark: module.meta.quiz.passMark,
		manualGrades: Object.fromEntries(manual.map((m) => [m.questionId, m.fraction])),
		missing: own!.missing,
		stored,
	});
	await prisma.quizAttempt.update({ where: { id: attempt.id }, data: gradeColumns(grade) });
	learningChanged();
	await awardCompletedTracks(attempt.userId);
	return "marked";
}

/** The trainers' comments on an attempt, for its review: by question id. */
export async function commentsOn(attemptId: string) {
	const marks = await prisma.manualGrade.findMany({
		where: { attemptId, comment: { not: "" } },
		select: { questionId: true, comment: true, markedBy: { select: { name: true } } },
	});
	return Object.fromEntries(marks.map((m) => [m.questionId, { comment: m.comment, by: m.markedBy?.name ?? null }]));
}
