import { describe, expect, test } from "vitest";
import { parseGift } from "./parse";
import { questionTitle, summarizeQuestion } from "./summary";

function summary(source: string) {
	const { questions, errors } = parseGift(source);
	expect(errors).toEqual([]);
	return summarizeQuestion(questions[0]!);
}

describe("summarizeQuestion", () => {
	test("multichoice: answers with their weights, and single", () => {
		expect(summary("::Q::Pick.{=a ~%50%b ~c}")).toEqual({
			title: "Q",
			text: "Pick.",
			type: "multichoice",
			single: true,
			answers: [
				{ text: "a", fraction: 1 },
				{ text: "b", fraction: 0.5 },
				{ text: "c", fraction: 0 },
			],
		});
	});

	test("truefalse: True and False, the right one 1", () => {
		expect(summary("::Q::Flat?{F}").answers).toEqual([
			{ text: "True", fraction: 0 },
			{ text: "False", fraction: 1 },
		]);
	});

	test("numerical: exact, value:tolerance, range and *", () => {
		expect(summary("::Q::N?{#=3 =%50%3:2 =%10%1..5 ~#no}").answers).toEqual([
			{ text: "3", fraction: 1 },
			{ text: "3:2", fraction: 0.5 },
			{ text: "1..5", fraction: 0.1 },
			{ text: "*", fraction: 0 },
		]);
	});

	test("match: stem -> answer, an equal share per stem, a distractor 0", () => {
		expect(summary("::Q::M.{=a -> 1 =b -> 2 =c -> 3 = -> 4}").answers).toEqual([
			{ text: "a -> 1", fraction: 0.3333333 },
			{ text: "b -> 2", fraction: 0.3333333 },
			{ text: "c -> 3", fraction: 0.3333333 },
			{ text: "-> 4", fraction: 0 },
		]);
	});

	test("essay and description have no answers", () => {
		expect(summary("::E::Explain.{}")).toEqual({ title: "E", text: "Explain.", type: "essay", answers: [] });
		expect(summary("::D::Read.")).toEqual({ title: "D", text: "Read.", type: "description", answers: [] });
	});
});

describe("questionTitle", () => {
	test("a question without a title is named by its text, without markup, up to 80 characters", () => {
		const [short, long] = parseGift(
			`[html]<p>Who is <b>buried</b>\nhere?</p>{=no one}\n\n${"word ".repeat(30)}end{}`,
		).questions;
		expect(questionTitle(short!)).toBe("Who is buried here?");
		expect(questionTitle(long!)).toBe(`${"word ".repeat(16).trim()}...`);
	});
});
