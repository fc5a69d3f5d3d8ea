import { describe, expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt } from "./attempt";
import { attemptsLeft, bestGrade, canStartAttempt, gradeAttempt, nextAttemptAt } from "./attempt-grade";
import { createQuestionBank } from "./bank";
import { publicQuestions } from "./public-view";
import { seededRandom } from "./random";
import { parseAttemptForm, type AttemptResponses } from "./response";

const bank = createQuestionBank(
	parseGift(`
::intro::Read this first.

::tf1::One.{T}

::tf2::Two.{T}

::tf3::Three.{T}

::multi::Pick.{~%50%a ~%50%b ~%-100%c}

::essay::Explain.{}
`).questions,
);
const plan = buildAttempt(bank, { questionsPerAttempt: null, shuffle: true }, seededRandom(9));
const view = publicQuestions(bank, plan);
const multi = view.find((question) => question.id === "multi");
const choiceA = multi?.type === "multichoice" ? multi.choices.find((choice) => choice.text.text === "a")!.id : "";

function responses(form: Record<string, string | string[]>): AttemptResponses {
	const result = parseAttemptForm(view, form);
	if (!result.success) throw new Error(JSON.stringify(result.errors));
	return result.responses;
}

describe("gradeAttempt", () => {
	test("adds up the marks: descriptions count nothing, partial credit counts", () => {
		const grade = gradeAttempt({
			bank,
			plan,
			responses: responses({ q2: "true", q3: "true", q4: "false", q5: choiceA }),
			passMark: 50,
		});
		expect(grade.questions.map((question) => [question.questionId, question.state])).toEqual([
			["intro", "no-mark"],
			["tf1", "correct"],
			["tf2", "correct"],
			["tf3", "incorrect"],
			["multi", "partial"],
			["essay", "unanswered"],
		]);
		expect(grade).toMatchObject({ score: 2.5, maxScore: 5, percent: 50, passed: true, needsGrading: false });
	});

	test("the pass mark is reached or not, without rounding noise", () => {
		const grade = (passMark: number) =>
			gradeAttempt({ bank, plan, responses: responses({ q2: "true", q3: "true", q4: "true", q5: choiceA }), passMark });
		expect(grade(70)).toMatchObject({ percent: 70, passed: true });
		expect(grade(70.1)).toMatchObject({ passed: false });
	});

	test("a written essay leaves the attempt needing grading until a trainer marks it", () => {
		const answered = responses({ q2: "true", q6: "My essay." });
		expect(gradeAttempt({ bank, plan, responses: answered, passMark: 40 })).toMatchObject({
			score: 1,
			percent: 20,
			passed: false,
			needsGrading: true,
		});
		expect(gradeAttempt({ bank, plan, responses: answered, passMark: 40, manualGrades: { essay: 1 } })).toMatchObject({
			score: 2,
			percent: 40,
			passed: true,
			needsGrading: false,
		});
	});

	test("an empty form scores 0 of the full maximum", () => {
		expect(gradeAttempt({ bank, plan, responses: responses({}), passMark: 70 })).toMatchObject({
			score: 0,
			maxScore: 5,
			percent: 0,
			passed: false,
		});
	});
});

describe("bestGrade", () => {
	test("the highest percentage, the earlier attempt on a tie", () => {
		const attempts = [
			{ id: 1, percent: 60 },
			{ id: 2, percent: 80 },
			{ id: 3, percent: 80 },
			{ id: 4, percent: 40 },
		];
		expect(bestGrade(attempts)).toEqual({ id: 2, percent: 80 });
		expect(bestGrade([])).toBeUndefined();
	});
});

describe("attempts", () => {
	test.each([
		[null, 0, null, true],
		[null, 99, null, true],
		[3, 0, 3, true],
		[3, 2, 1, true],
		[3, 3, 0, false],
		[3, 5, 0, false],
	])("%s allowed, %i used: %s left", (allowed, used, left, canStart) => {
		expect(attemptsLeft(allowed, used)).toBe(left);
		expect(canStartAttempt(allowed, used)).toBe(canStart);
	});
});

describe("the wait between attempts", () => {
	const submitted = new Date("2026-03-02T10:00:00Z");
	test("is over once the module's minutes have passed, and there is none without a wait or a submission", () => {
		expect(nextAttemptAt(submitted, 30, new Date("2026-03-02T10:10:00Z"))).toEqual(new Date("2026-03-02T10:30:00Z"));
		expect(nextAttemptAt(submitted, 30, new Date("2026-03-02T10:30:00Z"))).toBeNull();
		expect(nextAttemptAt(submitted, 0, submitted)).toBeNull();
		expect(nextAttemptAt(null, 30, submitted)).toBeNull();
	});
});
