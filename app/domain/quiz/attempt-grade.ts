import type { QuizSettings } from "~/domain/content/schema";
import type { AttemptPlan } from "./attempt";
import { getQuestion, type QuestionBank } from "./bank";
import { gradeQuestion, type QuestionGrade } from "./grade";
import type { AttemptResponses } from "./response";

export interface AttemptGrade {
	questions: QuestionGrade[];
	/** Marks earned; an essay awaiting its trainer counts 0 until marked. */
	score: number;
	maxScore: number;
	/** score / maxScore × 100. */
	percent: number;
	/** The percentage reaches the pass mark. */
	passed: boolean;
	/** An essay still awaits its trainer's mark, so the score may yet rise. */
	needsGrading: boolean;
}

export interface GradeAttemptInput {
	bank: QuestionBank;
	plan: AttemptPlan;
	responses: AttemptResponses;
	passMark: QuizSettings["passMark"];
	/** Trainers' marks for essays, 0 to 1, by question id. */
	manualGrades?: Readonly<Record<string, number>>;
	/**
	 * Questions of the plan the attempt can no longer show (./versions.ts): they are not graded
	 * again. Each keeps its grade of `stored` (with a trainer's new mark, when it waited for one);
	 * one that was never graded (an open attempt) does not count.
	 */
	missing?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
	/** The grades stored at submission, for the missing questions. */
	stored?: readonly QuestionGrade[] | null;
}

export function gradeAttempt({
	bank,
	plan,
	responses,
	passMark,
	manualGrades = {},
	missing,
	stored,
}: GradeAttemptInput): AttemptGrade {
	const questions = plan.slots.map(({ questionId }) =>
		missing?.has(questionId)
			? keptGrade(
					questionId,
					stored?.find((grade) => grade.questionId === questionId),
					manualGrades[questionId],
				)
			: gradeQuestion(getQuestion(bank, questionId), responses[questionId], manualGrades[questionId]),
	);
	const score = round(questions.reduce((sum, grade) => sum + (grade.fraction ?? 0) * grade.maxMark, 0));
	const maxScore = questions.reduce((sum, grade) => sum + grade.maxMark, 0);
	const percent = maxScore === 0 ? 0 : round((100 * score) / maxScore);
	return {
		questions,
		score,
		maxScore,
		percent,
		passed: percent >= passMark,
		needsGrading: questions.some((grade) => grade.state === "needs-grading"),
	};
}

/**
 * The grade of a question that cannot be graded again: as stored, with a trainer's mark when there
 * is one (only an answer that waited for a trainer, or was marked by one, takes a mark); a question
 * never graded counts for nothing.
 */
export function keptGrade(
	questionId: string,
	stored: QuestionGrade | undefined,
	manualFraction?: number,
): QuestionGrade {
	if (!stored) {
		return {
			questionId,
			state: "no-mark",
			fraction: null,
			maxMark: 0,
			feedback: [],
			rightAnswer: { kind: "none" },
			generalFeedback: null,
		};
	}
	if (manualFraction === undefined || stored.rightAnswer.kind !== "none" || stored.maxMark === 0) return stored;
	const fraction = manualFraction;
	return { ...stored, fraction, state: fraction >= 1 - 1e-6 ? "correct" : fraction <= 1e-6 ? "incorrect" : "partial" };
}

/** The attempt with the highest percentage (the earlier one on a tie); undefined when there is none. */
export function bestGrade<T extends { percent: number }>(grades: readonly T[]): T | undefined {
	return grades.reduce<T | undefined>(
		(best, grade) => (best === undefined || grade.percent > best.percent ? grade : best),
		undefined,
	);
}

/** Attempts still allowed; null when they are unlimited. */
export function attemptsLeft(allowed: QuizSettings["attempts"], used: number): number | null {
	return allowed === null ? null : Math.max(0, allowed - used);
}

export function canStartAttempt(allowed: QuizSettings["attempts"], used: number): boolean {
	return attemptsLeft(allowed, used) !== 0;
}

/** When the next attempt may start, `waitMinutes` after the last submission; null when it may start now. */
export function nextAttemptAt(lastSubmittedAt: Date | null, waitMinutes: number, now: Date): Date | null {
	if (!lastSubmittedAt || waitMinutes <= 0) return null;
	const at = new Date(lastSubmittedAt.getTime() + waitMinutes * 60_000);
	return at > now ? at : null;
}

/** Five decimals: enough for any percentage, and rid of binary noise such as 70.00000000000001. */
function round(value: number): number {
	return Number(value.toFixed(5));
}
