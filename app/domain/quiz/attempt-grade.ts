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
}

export function gradeAttempt({ bank, plan, responses, passMark, manualGrades = {} }: GradeAttemptInput): AttemptGrade {
	const questions = plan.slots.map(({ questionId }) =>
		gradeQuestion(getQuestion(bank, questionId), responses[questionId], manualGrades[questionId]),
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
