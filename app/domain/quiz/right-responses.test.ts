import { expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt } from "./attempt";
import { gradeAttempt } from "./attempt-grade";
import { createQuestionBank } from "./bank";
import { rightResponses } from "./right-responses";

const bank = createQuestionBank(
	parseGift(
		[
			"::a::One?{=a ~b}",
			"::b::Several?{~%50%a ~%50%b ~%-100%c}",
			"::c::True?{T}",
			"::d::Code?{=STLS}",
			"::e::How many?{#4420}",
			"::f::Match.{=x -> 1 =y -> 2}",
			"::g::Explain.{}",
		].join("\n\n"),
	).questions,
);
const plan = buildAttempt(bank, { questionsPerAttempt: null, shuffle: false });

test("rightResponses answers every question right, or only the first few", () => {
	expect(gradeAttempt({ bank, plan, responses: rightResponses(bank, plan), passMark: 70 }).score).toBe(6);
	const some = gradeAttempt({ bank, plan, responses: rightResponses(bank, plan, 2), passMark: 70 });
	expect(some.score).toBe(2);
	expect(some.passed).toBe(false);
});
