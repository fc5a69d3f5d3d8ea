import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt, attemptPlanSchema } from "./attempt";
import { createQuestionBank } from "./bank";
import { answerChoices } from "./choices";
import { seededRandom, shuffled } from "./random";

const bank = createQuestionBank(parseGift(fs.readFileSync("tests/fixtures/gift/every-type.gift", "utf8")).questions);
const ids = bank.questions.map((question) => question.id);

describe("seededRandom and shuffled", () => {
	test("the same seed gives the same sequence, another seed another one", () => {
		const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
		expect(draw(7)).toEqual(draw(7));
		expect(draw(7)).not.toEqual(draw(8));
		expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
	});

	test("shuffled is a permutation and leaves its input alone", () => {
		const items = [1, 2, 3, 4, 5, 6, 7, 8];
		const result = shuffled(items, seededRandom(1));
		expect(result).not.toEqual(items);
		expect([...result].sort()).toEqual(items);
		expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	});
});

describe("buildAttempt", () => {
	test("the whole bank, in order, descriptions included, when questionsPerAttempt is null", () => {
		const plan = buildAttempt(bank, { questionsPerAttempt: null, shuffle: false }, seededRandom(1));
		expect(plan.slots.map((slot) => slot.questionId)).toEqual(ids);
		expect(ids).toContain("m04-intro");
	});

	test("without shuffle, answers and stems keep the bank's order", () => {
		const plan = buildAttempt(bank, { questionsPerAttempt: null, shuffle: false }, seededRandom(1));
		const first = bank.questions[0]!;
		expect(first.type === "multichoice" && answerChoices(first).map((choice) => choice.id)).toEqual(
			plan.slots[0]?.choiceOrder,
		);
		expect(plan.slots.find((slot) => slot.questionId === "m04-q06")?.stemOrder).toEqual(["s1", "s2"]);
		expect(plan.slots.find((slot) => slot.questionId === "m04-q03")).toEqual({
			questionId: "m04-q03",
			choiceOrder: [],
			stemOrder: [],
		});
	});

	test("draws questionsPerAttempt questions, never a description, shown in bank order", () => {
		for (let seed = 0; seed < 20; seed++) {
			const drawn = buildAttempt(bank, { questionsPerAttempt: 3, shuffle: true }, seededRandom(seed)).slots.map(
				(slot) => slot.questionId,
			);
			expect(drawn).toHaveLength(3);
			expect(drawn).not.toContain("m04-intro");
			expect(drawn).toEqual(ids.filter((id) => drawn.includes(id)));
		}
	});

	test("draws all questions when the bank has fewer than asked", () => {
		const plan = buildAttempt(bank, { questionsPerAttempt: 50, shuffle: true }, seededRandom(1));
		expect(plan.slots).toHaveLength(ids.length - 1);
	});

	test("the draw and the shuffle vary with the random source", () => {
		const draws = new Set(
			Array.from({ length: 20 }, (_, seed) =>
				JSON.stringify(buildAttempt(bank, { questionsPerAttempt: 3, shuffle: true }, seededRandom(seed))),
			),
		);
		expect(draws.size).toBeGreaterThan(10);
	});

	test("is deterministic for a seed, and the plan survives storage as JSON", () => {
		const settings = { questionsPerAttempt: 4, shuffle: true };
		const plan = buildAttempt(bank, settings, seededRandom(42));
		expect(buildAttempt(bank, settings, seededRandom(42))).toEqual(plan);
		expect(attemptPlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
	});

	test("matching choices are shuffled even without shuffle, since their order would give the pairs away", () => {
		const orders = new Set(
			Array.from({ length: 10 }, (_, seed) =>
				buildAttempt(bank, { questionsPerAttempt: null, shuffle: false }, seededRandom(seed))
					.slots.find((slot) => slot.questionId === "m04-q06")
					?.choiceOrder.join(),
			),
		);
		expect(orders.size).toBeGreaterThan(1);
	});
});
