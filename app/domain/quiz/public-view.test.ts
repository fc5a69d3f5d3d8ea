import { describe, expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt } from "./attempt";
import { createQuestionBank } from "./bank";
import { answerChoices } from "./choices";
import { publicQuestions } from "./public-view";
import { seededRandom } from "./random";

/** Every secret of this bank (feedback, answer keys, weights) contains the word SECRET. */
const SECRET_BANK = `
// [id:q-single] [tag:objective-1]
::Single::Pick one.{=right#SECRET feedback ~wrong#SECRET feedback ~%50%half#SECRET feedback####SECRET general}

::Multiple::Pick several.{~%50%yes#SECRET ~%50%also#SECRET ~%-100%no#SECRET}

::TF::The sky is blue.{TRUE#SECRET if wrong#SECRET if right####SECRET general}

::Short::Name the code.{=SECRET-STLS#SECRET =%50%SECRET-stl*#SECRET}

::Number::How many?{#=4420:0#SECRET =%50%4400..4450#SECRET ~#SECRET}

::Match::Match them.{=IND1 -> a stock =IND3 -> a flow = -> a crossing####SECRET pairs}

::Essay::Explain.{####SECRET model answer}

::Intro::Read this first.
`;

const bank = createQuestionBank(parseGift(SECRET_BANK).questions);
const plan = buildAttempt(bank, { questionsPerAttempt: null, shuffle: true }, seededRandom(3));
const view = publicQuestions(bank, plan);

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(keysOf);
	if (value && typeof value === "object")
		return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
	return [];
}

describe("publicQuestions", () => {
	test("holds no feedback, weight or answer key", () => {
		expect(bank.questions).toHaveLength(8);
		const json = JSON.stringify(view);
		expect(json).not.toContain("SECRET");
		expect(json).not.toMatch(/4420|4400|4450/);
		expect(new Set(keysOf(view))).toEqual(
			new Set(["id", "field", "text", "format", "type", "single", "choices", "stems"]),
		);
	});

	test("shows each question with its form field, in the attempt's order", () => {
		expect(view.map((question) => [question.field, question.id, question.type])).toEqual([
			["q1", "q-single", "multichoice"],
			["q2", "Multiple", "multichoice"],
			["q3", "TF", "truefalse"],
			["q4", "Short", "shortanswer"],
			["q5", "Number", "numerical"],
			["q6", "Match", "match"],
			["q7", "Essay", "essay"],
			["q8", "Intro", "description"],
		]);
	});

	test("lists choices and stems in the stored order, and renders the same every time", () => {
		view.forEach((question, index) => {
			const slot = plan.slots[index]!;
			if (question.type === "multichoice")
				expect(question.choices.map((choice) => choice.id)).toEqual(slot.choiceOrder);
			if (question.type === "match") {
				expect(question.choices.map((choice) => choice.id)).toEqual(slot.choiceOrder);
				expect(question.stems.map((stem) => stem.id)).toEqual(slot.stemOrder);
				expect(question.stems.map((stem) => stem.field)).toEqual(slot.stemOrder.map((id) => `q6.${id}`));
			}
		});
		expect(publicQuestions(bank, plan)).toEqual(view);
	});

	test("a choice's id depends on its text, not on its place, so it cannot tell the right answer", () => {
		const ids = (gift: string) => {
			const [question] = parseGift(gift).questions;
			return question?.type === "multichoice"
				? Object.fromEntries(answerChoices(question).map((c) => [c.answer.text.text, c.id]))
				: {};
		};
		expect(ids("Q{=a ~b ~c}")).toEqual(ids("Q{~c ~b =a}"));
	});

	test("the choices of a matching question do not follow its stems", () => {
		const choices = (gift: string) => {
			const attemptBank = createQuestionBank(parseGift(gift).questions);
			const [question] = publicQuestions(
				attemptBank,
				buildAttempt(attemptBank, { questionsPerAttempt: null, shuffle: false }, seededRandom(1)),
			);
			return question?.type === "match"
				? Object.fromEntries(question.choices.map((choice) => [choice.text, choice.id]))
				: {};
		};
		expect(choices("::M::M{=x -> 1 =y -> 2 =z -> 3}")).toEqual(choices("::M::M{=z -> 3 =y -> 2 =x -> 1}"));
	});

	test("refuses a stored order that no longer fits the question", () => {
		const stale = { slots: [{ ...plan.slots[0]!, choiceOrder: ["a-gone", ...plan.slots[0]!.choiceOrder.slice(1)] }] };
		expect(() => publicQuestions(bank, stale)).toThrow("does not fit");
	});
});
