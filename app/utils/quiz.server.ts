import { attemptPlanSchema, buildAttempt, type AttemptPlan } from "~/domain/quiz/attempt";
import { bestGrade, canStartAttempt, gradeAttempt } from "~/domain/quiz/attempt-grade";
import type { QuestionGrade } from "~/domain/quiz/grade";
import { publicQuestions } from "~/domain/quiz/public-view";
import { attemptResponsesSchema, type AttemptResponses } from "~/domain/quiz/response";
import { getQuestionBank, getReaderBank, type ModuleInfo } from "./content.server";
import type { Language } from "./i18n";
import { prisma } from "./db.server";

/**
 * Quiz attempts on the database: the domain (app/domain/quiz) draws and
 * grades; this file stores. Grading happens here, on the server only.
 */

export async function listAttempts(userId: string, moduleSlug: string) {
	return prisma.quizAttempt.findMany({
		where: { userId, moduleSlug },
		select: {
			id: true,
			startedAt: true,
			submittedAt: true,
			score: true,
			maxScore: true,
			percent: true,
			passed: true,
			needsGrading: true,
		},
		orderBy: { startedAt: "asc" },
	});
}

export function summarizeAttempts(module: ModuleInfo, attempts: Awaited<ReturnType<typeof listAttempts>>) {
	const submitted = attempts.filter((a) => a.submittedAt);
	const open = attempts.find((a) => !a.submittedAt) ?? null;
	const best = bestGrade(submitted.map((a) => ({ ...a, percent: a.percent ?? 0 })));
	const allowed = module.meta.quiz.attempts;
	return {
		submitted,
		open,
		best: best ?? null,
		attemptsLeft: allowed === null ? null : Math.max(0, allowed - attempts.length),
		canStart: !open && canStartAttempt(allowed, attempts.length),
	};
}

export type StartResult = { ok: true; attemptId: string } | { ok: false; reason: "no-attempts-left" };

/** Resumes the open attempt, or draws a new one when the settings allow another. */
export async function startAttempt(userId: string, module: ModuleInfo): Promise<StartResult> {
	const attempts = await listAttempts(userId, module.slug);
	const open = attempts.find((a) => !a.submittedAt);
	if (open) return { ok: true, attemptId: open.id };
	if (!canStartAttempt(module.meta.quiz.attempts, attempts.length)) return { ok: false, reason: "no-attempts-left" };
	const plan = buildAttempt(getQuestionBank(module), module.meta.quiz);
	const attempt = await prisma.quizAttempt.create({
		data: { userId, moduleSlug: module.slug, plan: JSON.stringify(plan) },
		select: { id: true },
	});
	return { ok: true, attemptId: attempt.id };
}

/**
 * The user's own attempt at this module, with its plan and answers read back, its questions in
 * the reader's language (`shown`: the bank they come from, and whether it stands in for a missing
 * Russian one); null when there is none.
 */
export async function getAttempt(userId: string, module: ModuleInfo, attemptId: string, language: Language = "en") {
	const row = await prisma.quizAttempt.findFirst({ where: { id: attemptId, userId, moduleSlug: module.slug } });
	if (!row) return null;
	const plan: AttemptPlan = attemptPlanSchema.parse(JSON.parse(row.plan));
	const responses: AttemptResponses = attemptResponsesSchema.parse(JSON.parse(row.responses));
	const grades: QuestionGrade[] | null = row.grades ? JSON.parse(row.grades) : null;
	const shown = getReaderBank(module, language);
	return { ...row, plan, responses, grades, shown, questions: publicQuestions(shown.bank, plan) };
}

export type Attempt = NonNullable<Awaited<ReturnType<typeof getAttempt>>>;

export async function saveResponses(attemptId: string, responses: AttemptResponses) {
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { responses: JSON.stringify(responses) } });
}

/** Grades and closes an attempt; an attempt is submitted once. */
export async function submitAttempt(module: ModuleInfo, attempt: Attempt, responses: AttemptResponses) {
	const grade = gradeAttempt({
		bank: getQuestionBank(module),
		plan: attempt.plan,
		responses,
		passMark: module.meta.quiz.passMark,
	});
	const { count } = await prisma.quizAttempt.updateMany({
		where: { id: attempt.id, submittedAt: null },
		data: {
			responses: JSON.stringify(responses),
			submittedAt: new Date(),
			score: grade.score,
			maxScore: grade.maxScore,
			percent: grade.percent,
			passed: grade.passed,
			needsGrading: grade.needsGrading,
			grades: JSON.stringify(grade.questions),
		},
	});
	return count === 1;
}
