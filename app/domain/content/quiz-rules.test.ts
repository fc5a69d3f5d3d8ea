import { describe, expect, test } from "vitest";
import { checkQuiz, MIN_QUESTIONS } from "./quiz-rules";

/**
 * A bank of module 4 that keeps every rule: `count` questions tagged objective-1, fully
 * explained, taking turns as single choice, multiple response and true/false.
 */
function validBank(count: number): string {
	const kinds = ["Pick.{=a#Yes. ~b#No.}", "Pick.{~%50%a#Yes. ~%50%b#Yes. ~c#No.}", "True?{T#No.#Yes.}"];
	return Array.from({ length: count }, (_, index) => {
		const id = `m04-q${String(index + 1).padStart(2, "0")}`;
		return `// [id:${id}] [tag:objective-1]\n::${id} Q::${kinds[index % kinds.length]}`;
	}).join("\n\n");
}

const module4 = { number: 4, objectiveCount: 2 };

describe("checkQuiz", () => {
	test("counts questions, leaving descriptions out, and the objectives they test", () => {
		const report = checkQuiz(`${validBank(12)}\n\n::m04-intro::Read.`, module4);
		expect(report.questionCount).toBe(12);
		expect(report.testedObjectives).toEqual(new Set([1]));
	});

	test("a bank that keeps every rule has no problem", () => {
		expect(checkQuiz(validBank(12), module4).problems).toEqual([]);
	});

	test("needs at least 12 questions of at least 3 types; single choice and multiple response are two", () => {
		expect(checkQuiz(validBank(11), module4).problems).toEqual([
			{ line: 1, message: `the quiz has 11 questions; a module needs at least ${MIN_QUESTIONS}` },
		]);
		const twoKinds = validBank(12).replaceAll("True?{T#No.#Yes.}", "Pick.{=a#Yes. ~b#No.}");
		expect(checkQuiz(twoKinds, module4).problems).toEqual([
			{ line: 1, message: "the quiz uses 2 question types (single choice, multiple response); a module needs at least 3" },
		]);
	});

	test("every question tests an objective the module has", () => {
		const untagged = validBank(12).replace("[tag:objective-1]", "").replace("[tag:objective-1]", "[tag:objective-3]");
		expect(checkQuiz(untagged, module4).problems).toEqual([
			{ line: 2, message: '"m04-q01 Q": tests no objective: add [tag:objective-N] to the comment above it' },
			{ line: 5, message: '"m04-q02 Q": [tag:objective-3], but the module has 2 objectives' },
		]);
	});

	test.each([
		["::m04-q13 S::Code?{=STLS}", 'the answer "STLS" has no feedback (#…)'],
		["::m04-q13 N::How many?{#=3#Yes. =%50%2..4}", 'the answer "2..4" has no feedback (#…)'],
		["::m04-q13 T::True?{T##Yes.}", "no feedback for a wrong answer (after the first #)"],
		["::m04-q13 F::False?{F#No.}", "no feedback for a right answer (after the second #)"],
		["::m04-q13 M::Match.{=a -> 1 =b -> 2}", "a matching question explains itself in general feedback (####…)"],
		["::m04-q13 E::Explain.{}", "a essay question explains itself in general feedback (####…)"],
		["// [id:m04-q14]\n::m04-q13 X::Pick.{=a#Y. ~b#N.}", "the title starts with m04-q13 but the comment gives [id:m04-q14]"],
		["::m05-q13 X::Pick.{=a#Y. ~b#N.}", "the id m05-q13 belongs to module 5, not 4"],
		["::m04-q01 Again::Pick.{=a#Y. ~b#N.}", "the id m04-q01 is already used by the question on line 2"],
	])("%s: %s", (question, message) => {
		const gift = `${validBank(12)}\n\n// [tag:objective-1]\n${question}`;
		const problems = checkQuiz(gift, module4).problems.map((problem) => problem.message);
		expect(problems).toContainEqual(expect.stringContaining(message));
		expect(problems).toHaveLength(1);
	});
});
