import { describe, expect, it } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { createQuestionBank } from "./bank";
import { answerChoices, matchParts } from "./choices";
import { answerCounts } from "./option-counts";

const bank = createQuestionBank(
	parseGift(`
::m01-q01 Pick::Which is a flow?{=Arrivals in a year#r ~Residents on 1 January#w ~Citizens abroad#w}

::m01-q02 TF::A stock is counted at a date.{T#w#r}

::m01-q03 Number::How many indicators?{#6:0#r}

::m01-q04 Match::Match them.{=Stock -> at a date =Flow -> over a period}

::m01-q05 Essay::Explain.{####Any good answer}
`).questions,
);

describe("answer counts", () => {
	const pick = bank.byId.get("m01-q01")!;
	const choices = pick.type === "multichoice" ? answerChoices(pick) : [];
	const match = bank.byId.get("m01-q04")!;
	const stems = match.type === "match" ? matchParts(match).stems : [];
	const all = ["m01-q01", "m01-q02", "m01-q03", "m01-q04", "m01-q05"];
	const counts = answerCounts(bank, [
		{
			questionIds: all,
			responses: {
				"m01-q01": { kind: "choice", choiceId: choices[0]!.id },
				"m01-q02": { kind: "choice", choiceId: "true" },
				"m01-q03": { kind: "number", value: 6 },
				"m01-q04": {
					kind: "match",
					choices: { [stems[0]!.id]: stems[0]!.choiceId, [stems[1]!.id]: stems[0]!.choiceId },
				},
				"m01-q05": { kind: "text", text: "A long essay" },
			},
		},
		{
			questionIds: all,
			responses: {
				"m01-q01": { kind: "choice", choiceId: choices[1]!.id },
				"m01-q02": { kind: "choice", choiceId: null },
				"m01-q03": { kind: "number", value: 5 },
			},
		},
		{
			questionIds: ["m01-q01", "m01-q03"],
			responses: { "m01-q01": { kind: "choice", choiceId: choices[0]!.id }, "m01-q03": { kind: "number", value: 6 } },
		},
	]);

	it("counts each option of a choice question, and which is right", () => {
		expect(counts.get("m01-q01")).toMatchObject({ presented: 3, answered: 3 });
		expect(counts.get("m01-q01")!.counts.map((c) => [c.count, c.right])).toEqual([
			[2, true],
			[1, false],
			[0, false],
		]);
		expect(counts.get("m01-q02")).toMatchObject({ presented: 2, answered: 1 });
		expect(counts.get("m01-q02")!.counts).toEqual([
			{ key: "true", text: "true", count: 1, right: true },
			{ key: "false", text: "false", count: 0, right: false },
		]);
	});

	it("lists the most frequent typed answers, marked right as the engine grades them", () => {
		expect(counts.get("m01-q03")!.counts).toEqual([
			{ key: "6", text: "6", count: 2, right: true },
			{ key: "5", text: "5", count: 1, right: false },
		]);
	});

	it("counts matching stems matched rightly, and no answers for an essay", () => {
		expect(counts.get("m01-q04")).toMatchObject({ presented: 2, answered: 1 });
		expect(counts.get("m01-q04")!.counts.map((c) => c.count)).toEqual([1, 0]);
		expect(counts.get("m01-q05")).toMatchObject({ presented: 2, answered: 0, counts: [] });
	});
});
