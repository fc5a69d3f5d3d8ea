import { describe, expect, it } from "vitest";
import { quizSettingsSchema } from "~/domain/content/schema";
import type { QuestionGrade } from "./grade";
import { reviewedGrade, reviewShows, rightAnswersLater } from "./review";

const defaults = quizSettingsSchema.parse({}).review;

const grade: QuestionGrade = {
	questionId: "m04-q01",
	state: "incorrect",
	fraction: 0,
	maxMark: 1,
	feedback: [{ text: "A stock is counted at a date.", format: "plain" }],
	rightAnswer: { kind: "choices", choiceIds: ["a1u9odq3"] },
	generalFeedback: { text: "Stocks and flows differ in time.", format: "plain" },
} as unknown as QuestionGrade;

describe("what a review shows", () => {
	it("by default: right or wrong and the feedback after an attempt, the right answer once passed or out of attempts", () => {
		expect([...reviewShows(defaults, { passed: false, attemptsLeft: 2 })]).toEqual(["correctness", "feedback"]);
		expect(reviewShows(defaults, { passed: true, attemptsLeft: 2 }).has("rightAnswer")).toBe(true);
		expect(reviewShows(defaults, { passed: false, attemptsLeft: 0 }).has("rightAnswer")).toBe(true);
		expect(reviewShows(defaults, { passed: false, attemptsLeft: null }).has("rightAnswer")).toBe(false);
	});

	it("tells when the right answers will show", () => {
		expect(rightAnswersLater(defaults)).toBe("pass-or-last");
		expect(rightAnswersLater({ ...defaults, afterPassing: [] })).toBe("last");
		expect(rightAnswersLater({ ...defaults, afterLastAttempt: [] })).toBe("pass");
		expect(rightAnswersLater({ ...defaults, afterPassing: [], afterLastAttempt: [] })).toBe("never");
	});

	it("as a module sets it: nothing at all after an attempt, everything after the last", () => {
		const options = quizSettingsSchema.parse({ review: { afterAttempt: [], afterPassing: [] } }).review;
		expect(reviewShows(options, { passed: true, attemptsLeft: 1 }).size).toBe(0);
		expect(reviewShows(options, { passed: false, attemptsLeft: 0 }).size).toBe(3);
	});
});

describe("a reviewed grade", () => {
	it("keeps the right answer out while it is not to be shown, and the rest as shown", () => {
		const reviewed = reviewedGrade(grade, new Set(["correctness", "feedback"]));
		expect(reviewed.rightAnswer).toEqual({ kind: "none" });
		expect(reviewed.state).toBe("incorrect");
		expect(reviewed.feedback).toEqual(grade.feedback);
		expect(JSON.stringify(reviewed)).not.toContain("a1u9odq3");
	});

	it("without correctness says only that the question was answered, and gives no mark", () => {
		const reviewed = reviewedGrade(grade, new Set());
		expect(reviewed).toMatchObject({ state: "answered", fraction: null, feedback: [], generalFeedback: null });
		expect(reviewedGrade({ ...grade, state: "unanswered" }, new Set()).state).toBe("unanswered");
	});

	it("shows everything when everything is to be shown", () => {
		expect(reviewedGrade(grade, new Set(["correctness", "feedback", "rightAnswer"]))).toEqual(grade);
	});
});
