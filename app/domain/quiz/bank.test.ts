import { describe, expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { createQuestionBank, getQuestion, questionId } from "./bank";

function questions(source: string) {
	const { questions, errors } = parseGift(source);
	expect(errors).toEqual([]);
	return questions;
}

describe("questionId", () => {
	test.each([
		["// [id:m04-q01]\n::m04-q09 Title::Q{}", "m04-q01"],
		["::m04-q02 Usual residence::Q{}", "m04-q02"],
		["::m04-q03::Q{}", "m04-q03"],
		["::Kanji origins::Q{}", "Kanji origins"],
		["::m4-q1 not the house form::Q{}", "m4-q1 not the house form"],
		["Who is buried in Grant's tomb?{=no one}", "Who is buried in Grant's tomb?"],
	])("%s → %s", (source, id) => {
		expect(questionId(questions(source)[0]!)).toBe(id);
	});
});

describe("createQuestionBank", () => {
	test("keeps the file's order and finds questions by id", () => {
		const bank = createQuestionBank(questions("::m01-q02 B::B{}\n\n::m01-q01 A::A{}"));
		expect(bank.questions.map((question) => question.id)).toEqual(["m01-q02", "m01-q01"]);
		expect(getQuestion(bank, "m01-q01").text.text).toBe("A");
	});

	test("refuses two questions with one id", () => {
		expect(() => createQuestionBank(questions("::m01-q01 A::A{}\n\n::m01-q01 B::B{}"))).toThrow(
			'Two questions have the id "m01-q01"',
		);
	});

	test("a question missing from the bank is an error, not a silent skip", () => {
		expect(() => getQuestion(createQuestionBank([]), "m01-q01")).toThrow("no longer in the bank");
	});
});
