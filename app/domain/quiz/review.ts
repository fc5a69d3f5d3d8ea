import type { ReviewItem, ReviewOptions } from "~/domain/content/schema";
import type { GradeState, QuestionGrade } from "./grade";

/**
 * What the review of a submitted attempt shows, as Moodle's review options decide it
 * (docs/decisions/0085-quiz-attempts-and-review.md): the items shown after any attempt, and
 * those shown once the learner has passed the quiz or has no attempt left. What the learner
 * answered and the overall result are always shown.
 */
export function reviewShows(
	options: ReviewOptions,
	learner: { passed: boolean; attemptsLeft: number | null },
): ReadonlySet<ReviewItem> {
	const shown = new Set<ReviewItem>(options.afterAttempt);
	if (learner.passed) for (const item of options.afterPassing) shown.add(item);
	if (learner.attemptsLeft === 0) for (const item of options.afterLastAttempt) shown.add(item);
	return shown;
}

/** A graded question as the review may show it: "answered" when whether it was right is not to be shown. */
export type ReviewedGrade = Omit<QuestionGrade, "state"> & { state: GradeState | "answered" };

/**
 * Only what the review shows, so that the rest never reaches the browser: without
 * `correctness`, neither the state nor the mark (which would tell it); without `feedback`, no
 * feedback; without `rightAnswer`, no right answer.
 */
export function reviewedGrade(grade: QuestionGrade, shows: ReadonlySet<ReviewItem>): ReviewedGrade {
	const correctness = shows.has("correctness");
	const kept = grade.state === "unanswered" || grade.state === "needs-grading" || grade.state === "no-mark";
	return {
		questionId: grade.questionId,
		maxMark: grade.maxMark,
		state: correctness || kept ? grade.state : "answered",
		fraction: correctness ? grade.fraction : null,
		feedback: shows.has("feedback") ? grade.feedback : [],
		generalFeedback: shows.has("feedback") ? grade.generalFeedback : null,
		rightAnswer: shows.has("rightAnswer") ? grade.rightAnswer : { kind: "none" },
	};
}

/** When a review that does not show the right answers yet will show them, to tell the learner. */
export function rightAnswersLater(options: ReviewOptions): "pass-or-last" | "pass" | "last" | "never" {
	const pass = options.afterPassing.includes("rightAnswer");
	const last = options.afterLastAttempt.includes("rightAnswer");
	return pass && last ? "pass-or-last" : pass ? "pass" : last ? "last" : "never";
}
