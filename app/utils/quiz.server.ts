import { Prisma, type QuizAttempt } from "~/generated/prisma/client";
import { attemptPlanSchema, buildAttempt, type AttemptPlan } from "~/domain/quiz/attempt";
import { attemptsLeft, bestGrade, canStartAttempt, gradeAttempt, nextAttemptAt } from "~/domain/quiz/attempt-grade";
import type { QuestionGrade } from "~/domain/quiz/grade";
import { publicQuestions } from "~/domain/quiz/public-view";
import { gradeColumns } from "~/domain/quiz/stored-grade";
import type { AttemptResponses } from "~/domain/quiz/response";
import { reviewedGrade, reviewShows } from "~/domain/quiz/review";
import type { QuestionBank } from "~/domain/quiz/bank";
import { versionedPlan, type AttemptQuestions } from "~/domain/quiz/versions";
import { getQuestionBank, type ModuleInfo } from "./content.server";
import { evidenceOf, questionsOfAttempts, recordVersions } from "./question-versions.server";
import type { Language } from "./i18n";
import { prisma, readRows } from "./db.server";
import { learningChanged } from "./learning-events.server";

/**
 * Quiz attempts on the database: the domain (app/domain/quiz) draws and
 * grades; this file stores. Grading happens here, on the server only.
 */

export async function listAttempts(userId: string, moduleSlug: string) {
	return prisma.quizAttempt.findMany({
		where: { userId, moduleSlug },
		select: {
			id: true,
			number: true,
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

type AttemptRow = Awaited<ReturnType<typeof listAttempts>>[number];

export function summarizeAttempts(module: ModuleInfo, attempts: AttemptRow[], now = new Date()) {
	const submitted = attempts.filter((a) => a.submittedAt);
	const open = attempts.find((a) => !a.submittedAt) ?? null;
	const best = bestGrade(submitted.map((a) => ({ ...a, percent: a.percent ?? 0 })));
	const { attempts: allowed, waitMinutes } = module.meta.quiz;
	const lastSubmittedAt = submitted.reduce<Date | null>(
		(last, a) => (last === null || a.submittedAt! > last ? a.submittedAt : last),
		null,
	);
	const left = attemptsLeft(allowed, attempts.length);
	const waitUntil = left === 0 ? null : nextAttemptAt(lastSubmittedAt, waitMinutes, now);
	return {
		submitted,
		open,
		best: best ?? null,
		passed: submitted.some((a) => a.passed),
		attemptsLeft: left,
		/** Before this time no new attempt may start (the module's wait between attempts). */
		waitUntil,
		canStart: !open && canStartAttempt(allowed, attempts.length) && waitUntil === null,
	};
}

export type StartResult =
	| { ok: true; attemptId: string }
	| { ok: false; reason: "no-attempts-left" }
	| { ok: false; reason: "wait"; until: Date };

/**
 * Resumes the open attempt, or draws a new one when the settings allow another. Atomic however
 * many requests or processes start at once: a new attempt takes the next number and the user's
 * open key for the module, both unique, so the database lets one of them in and the others
 * find it and resume it (or find no attempt left).
 */
export async function startAttempt(userId: string, module: ModuleInfo, now = new Date()): Promise<StartResult> {
	for (let tries = 0; tries < 5; tries++) {
		const attempts = await listAttempts(userId, module.slug);
		const summary = summarizeAttempts(module, attempts, now);
		if (summary.open) return { ok: true, attemptId: summary.open.id };
		if (summary.attemptsLeft === 0) return { ok: false, reason: "no-attempts-left" };
		if (summary.waitUntil) return { ok: false, reason: "wait", until: summary.waitUntil };
		const { plan, versions } = versionedPlan(buildAttempt(getQuestionBank(module), module.meta.quiz), module.banks!);
		await recordVersions(module.slug, versions);
		const number = Math.max(0, ...attempts.map((a) => a.number)) + 1;
		try {
			const attempt = await prisma.quizAttempt.create({
				data: {
					userId,
					moduleSlug: module.slug,
					number,
					openKey: openKey(userId, module.slug),
					plan: JSON.stringify(plan),
				},
				select: { id: true },
			});
			return { ok: true, attemptId: attempt.id };
		} catch (error) {
			// Another request took this number or opened an attempt first: look again.
			if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
		}
	}
	throw new Response("The attempt could not start; try again.", { status: 503 });
}

function openKey(userId: string, moduleSlug: string) {
	return `${userId}:${moduleSlug}`;
}

/**
 * The user's own attempt at this module, with its plan and answers read back, its own questions
 * (`own`: the versions it presented, never the bank as it is now; docs/decisions/0056) and those
 * in the reader's language (`shown`: the bank they come from, and whether it stands in for a
 * missing Russian one); null when there is none.
 */
export async function getAttempt(userId: string, module: ModuleInfo, attemptId: string, language: Language = "en") {
	// Read past Prisma's client: the attempt page and every save and submission read it (docs/decisions/0097).
	const [row] = await readRows<QuizAttempt>(Prisma.sql`
		SELECT "id", "userId", "moduleSlug", "number", "openKey", "plan", "responses", "startedAt", "submittedAt",
			"score", "maxScore", "percent", "passed", "needsGrading", "grades", "questionMarks"
		FROM "QuizAttempt" WHERE "id" = ${attemptId} AND "userId" = ${userId} AND "moduleSlug" = ${module.slug}`);
	if (!row) return null;
	const plan: AttemptPlan = attemptPlanSchema.parse(JSON.parse(row.plan));
	const evidence = evidenceOf(row);
	const responses: AttemptResponses = evidence.responses;
	const grades: QuestionGrade[] | null = row.grades ? JSON.parse(row.grades) : null;
	const [own] = await questionsOfAttempts(module, [{ plan, ...evidence }]);
	const shown = readerBank(own!, language);
	return {
		...row,
		plan,
		responses,
		grades,
		own: own!,
		shown,
		questions: publicQuestions(shown.bank, plan, own!.missing),
	};
}

/** The attempt's questions a reader sees: the Russian ones on its key for a Russian reader when it has them all. */
function readerBank(
	own: AttemptQuestions,
	language: Language,
): { bank: QuestionBank; lang: Language; fallback: boolean } {
	if (language === "ru" && own.ru) return { bank: own.ru, lang: "ru", fallback: false };
	return { bank: own.en, lang: "en", fallback: language !== "en" };
}

export type Attempt = NonNullable<Awaited<ReturnType<typeof getAttempt>>>;

/**
 * The grades of a submitted attempt as its review may show them now (the module's review
 * options, the learner's best result and attempts left): what is not to be shown is left out
 * here, on the server, so the page never has it.
 */
export async function reviewedGrades(userId: string, module: ModuleInfo, grades: QuestionGrade[]) {
	const summary = summarizeAttempts(module, await listAttempts(userId, module.slug));
	const shows = reviewShows(module.meta.quiz.review, summary);
	return { grades: grades.map((grade) => reviewedGrade(grade, shows)), shows: [...shows], summary };
}

export async function saveResponses(attemptId: string, responses: AttemptResponses) {
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { responses: JSON.stringify(responses) } });
}

/** Grades and closes an attempt; an attempt is submitted once. */
export async function submitAttempt(module: ModuleInfo, attempt: Attempt, responses: AttemptResponses) {
	// The attempt's own questions grade it: those it presented, whatever the bank says now.
	const grade = gradeAttempt({
		bank: attempt.own.en,
		plan: attempt.plan,
		responses,
		passMark: module.meta.quiz.passMark,
		missing: attempt.own.missing,
	});
	const columns = gradeColumns(grade);
	// `$executeRaw`, not `updateMany`: the query compiler took 2 ms of CPU to pass the grades through
	// WebAssembly, for the write a whole cohort makes in the same minute (docs/decisions/0097).
	// Only an attempt still open is submitted: a second submission changes nothing.
	const count = await prisma.$executeRaw`
		UPDATE "QuizAttempt" SET "responses" = ${JSON.stringify(responses)}, "submittedAt" = ${new Date()},
			"openKey" = NULL, "score" = ${columns.score}, "maxScore" = ${columns.maxScore},
			"percent" = ${columns.percent}, "passed" = ${columns.passed}, "needsGrading" = ${columns.needsGrading},
			"grades" = ${columns.grades}, "questionMarks" = ${columns.questionMarks}
		WHERE "id" = ${attempt.id} AND "submittedAt" IS NULL`;
	learningChanged();
	return count === 1;
}
