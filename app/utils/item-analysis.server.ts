import { answerCounts } from "~/domain/quiz/option-counts";
import type { AttemptResponses } from "~/domain/quiz/response";
import { questionTitle } from "~/domain/gift/summary";
import {
	questionFlags,
	questionMarks,
	quizStatistics,
	selectAttempts,
	type StatisticsAttempt,
	type WhichAttempts,
} from "~/domain/quiz/statistics";
import type { QuestionGrade } from "~/domain/quiz/grade";
import { getQuestionBank, type ModuleInfo } from "./content.server";
import { prisma } from "./db.server";

/**
 * Item analysis of one module's quiz (docs/decisions/0054-item-analysis.md) over the submitted
 * attempts of a cohort's members, or of everyone (an admin's view of the whole module). Reading
 * and computing are apart, so that the bench can time each.
 */

export type AnalysisScope = { cohortId: string } | { everyone: true };

export type AnalysedAttempt = StatisticsAttempt & { responses: AttemptResponses };

/** The submitted attempts, each user's in the order they were submitted (so that the first is first). */
export async function readAttempts(moduleSlug: string, scope: AnalysisScope): Promise<AnalysedAttempt[]> {
	const where = {
		moduleSlug,
		submittedAt: { not: null },
		...("cohortId" in scope
			? { user: { cohortMemberships: { some: { cohortId: scope.cohortId, removedAt: null } } } }
			: {}),
	};
	const rows = await prisma.quizAttempt.findMany({
		where,
		select: { id: true, userId: true, questionMarks: true, responses: true },
		orderBy: { submittedAt: "asc" },
	});
	// Attempts graded before their marks were kept apart (none since migration 0005) read them from the grades.
	const unkept = rows.filter((row) => row.questionMarks === null);
	const grades = unkept.length
		? new Map(
				(
					await prisma.quizAttempt.findMany({
						where: { id: { in: unkept.map((row) => row.id) } },
						select: { id: true, grades: true },
					})
				).map((row) => [row.id, row.grades]),
			)
		: new Map<string, string | null>();
	return rows.map((row) => {
		const marks: Record<string, number | null> = row.questionMarks
			? JSON.parse(row.questionMarks)
			: questionMarks(JSON.parse(grades.get(row.id) ?? "[]") as QuestionGrade[]);
		return {
			userId: row.userId,
			marks,
			questionIds: Object.keys(marks),
			// Written by the quiz engine through its schema; read back as it was stored.
			responses: JSON.parse(row.responses) as AttemptResponses,
		};
	});
}

export function analyse(module: ModuleInfo, attempts: readonly AnalysedAttempt[], which: WhichAttempts) {
	const bank = getQuestionBank(module);
	const questions = bank.questions.filter((q) => q.type !== "description").map((q) => ({ id: q.id, maxMark: 1 }));
	const statistics = quizStatistics(questions, attempts, which);
	const answers = answerCounts(
		bank,
		selectAttempts(attempts, which) as Array<AnalysedAttempt & { questionIds: string[] }>,
	);
	return { bank, statistics, answers };
}

/** The analysis as the page and the exports show it: test figures, then each question with its figures, flags and answers. */
export async function itemAnalysis(module: ModuleInfo, scope: AnalysisScope, which: WhichAttempts) {
	const attempts = await readAttempts(module.slug, scope);
	const { bank, statistics, answers } = analyse(module, attempts, which);
	const byId = new Map(statistics.questions.map((q) => [q.id, q]));
	let number = 0;
	const questions = bank.questions
		.filter((q) => q.type !== "description")
		.map((question) => {
			number++;
			const stats = byId.get(question.id)!;
			const counted = answers.get(question.id);
			return {
				id: question.id,
				number,
				type: question.type,
				title: questionTitle(question),
				text: question.text.text,
				stats,
				flags: questionFlags(stats),
				presented: counted?.presented ?? 0,
				answered: counted?.answered ?? 0,
				answers: (counted?.counts ?? []).map((c) => ({
					key: c.key,
					text: typeof c.text === "string" ? c.text : c.text.text,
					count: c.count,
					right: c.right,
				})),
			};
		});
	const { questions: _perQuestion, ...test } = statistics;
	return { which, total: attempts.length, test, questions };
}

export type ItemAnalysis = Awaited<ReturnType<typeof itemAnalysis>>;

/** First attempts unless the address asks for all (`?attempts=all`). */
export function whichAttempts(params: URLSearchParams): WhichAttempts {
	return params.get("attempts") === "all" ? "all" : "first";
}
