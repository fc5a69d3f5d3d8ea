import { describe, expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { createQuestionBank, type BankQuestion } from "./bank";
import { answerChoices, matchParts } from "./choices";
import { gradeQuestion, matchesShortAnswer, numberMatches } from "./grade";
import type { QuestionResponse } from "./response";

function question(gift: string): BankQuestion {
	const { questions, errors } = parseGift(gift);
	expect(errors).toEqual([]);
	return createQuestionBank(questions).questions[0]!;
}

/** The id of the answer with this text. */
function idOf(q: BankQuestion, text: string): string {
	if (q.type !== "multichoice") throw new Error("not multiple choice");
	return answerChoices(q).find((choice) => choice.answer.text.text === text)!.id;
}

const text = (value: string): QuestionResponse => ({ kind: "text", text: value });
const number = (value: number | null): QuestionResponse => ({ kind: "number", value });

describe("single choice", () => {
	const q = question("::Q::Pick.{=right#Yes. ~wrong#No. ~%50%half#Half. ~%-50%bad#Costly.####Because.}");
	const choose = (answer: string) => gradeQuestion(q, { kind: "choice", choiceId: idOf(q, answer) });

	test("the chosen answer's weight, feedback, the right answer and general feedback", () => {
		expect(choose("right")).toEqual({
			questionId: "Q",
			state: "correct",
			fraction: 1,
			maxMark: 1,
			feedback: [{ text: "Yes.", format: "moodle" }],
			rightAnswer: { kind: "choices", choiceIds: [idOf(q, "right")] },
			generalFeedback: { text: "Because.", format: "moodle" },
		});
		expect(choose("half")).toMatchObject({ state: "partial", fraction: 0.5, feedback: [{ text: "Half." }] });
		expect(choose("wrong")).toMatchObject({ state: "incorrect", fraction: 0 });
	});

	test("a negative weight scores 0, never below", () => {
		expect(choose("bad")).toMatchObject({ state: "incorrect", fraction: 0, feedback: [{ text: "Costly." }] });
	});

	test("blank is unanswered, with the right answer and general feedback for review", () => {
		expect(gradeQuestion(q, { kind: "choice", choiceId: null })).toMatchObject({
			state: "unanswered",
			fraction: 0,
			feedback: [],
			rightAnswer: { choiceIds: [idOf(q, "right")] },
			generalFeedback: { text: "Because." },
		});
		expect(gradeQuestion(q, undefined)).toMatchObject({ state: "unanswered", fraction: 0 });
	});

	test("a response of the wrong kind is a programming error", () => {
		expect(() => gradeQuestion(q, text("right"))).toThrow('Question "Q" takes a choice response, not text');
	});
});

describe("multiple response", () => {
	const q = question("::Q::Pick.{~%50%a#A. ~%50%b#B. ~%-100%c#C. ~d}");
	const choose = (...answers: string[]) =>
		gradeQuestion(q, { kind: "choices", choiceIds: answers.map((answer) => idOf(q, answer)) });

	test("weights add up", () => {
		expect(choose("a", "b")).toMatchObject({
			state: "correct",
			fraction: 1,
			feedback: [{ text: "A." }, { text: "B." }],
		});
		expect(choose("a")).toMatchObject({ state: "partial", fraction: 0.5 });
		expect(choose("a", "d")).toMatchObject({ state: "partial", fraction: 0.5, feedback: [{ text: "A." }] });
	});

	test("negative weights take marks away, and the sum is clamped to 0", () => {
		expect(choose("a", "b", "c")).toMatchObject({ state: "incorrect", fraction: 0 });
		expect(choose("a", "c")).toMatchObject({ state: "incorrect", fraction: 0 });
	});

	test("ticking everything cannot beat the weights", () => {
		expect(choose("a", "b", "c", "d").fraction).toBe(0);
	});

	test("the right answers are those with a positive weight; none ticked is unanswered", () => {
		expect(choose()).toMatchObject({
			state: "unanswered",
			rightAnswer: { kind: "choices", choiceIds: [idOf(q, "a"), idOf(q, "b")] },
		});
	});

	test("three thirds make full marks, and the sum is clamped to 1", () => {
		const thirds = question("::Q::Pick.{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}");
		const all = ["a", "b", "c"].map((answer) => idOf(thirds, answer));
		expect(gradeQuestion(thirds, { kind: "choices", choiceIds: all })).toMatchObject({ state: "correct", fraction: 1 });
		// The parser refuses positive weights over 100 %, so a bank built in code shows the clamp.
		const plain = (value: string) => ({ text: value, format: "moodle" as const });
		const twice: BankQuestion = {
			id: "Q",
			tags: [],
			text: plain("Pick."),
			generalFeedback: plain(""),
			type: "multichoice",
			single: false,
			answers: ["a", "b"].map((answer) => ({ text: plain(answer), fraction: 1, feedback: plain("") })),
		};
		expect(
			gradeQuestion(twice, { kind: "choices", choiceIds: ["a", "b"].map((answer) => idOf(twice, answer)) }).fraction,
		).toBe(1);
	});
});

describe("true/false", () => {
	const q = question("::Q::The earth is flat.{F#It is round.#Right, it is not flat.}");

	test("feedback depends on the value chosen", () => {
		expect(gradeQuestion(q, { kind: "choice", choiceId: "false" })).toMatchObject({
			state: "correct",
			fraction: 1,
			feedback: [{ text: "Right, it is not flat." }],
			rightAnswer: { kind: "choices", choiceIds: ["false"] },
		});
		expect(gradeQuestion(q, { kind: "choice", choiceId: "true" })).toMatchObject({
			state: "incorrect",
			fraction: 0,
			feedback: [{ text: "It is round." }],
		});
		expect(gradeQuestion(q, { kind: "choice", choiceId: null })).toMatchObject({ state: "unanswered" });
	});
});

describe("short answer", () => {
	const q = question("::Q::Animal?{=Frog#Good! =%50%Cat#Cats. =%50%*toad*#Close. =%0%*#Wrong.}");

	test("case-insensitive, white space tidied", () => {
		expect(gradeQuestion(q, text("  fRoG "))).toMatchObject({
			state: "correct",
			fraction: 1,
			feedback: [{ text: "Good!" }],
		});
	});

	test("partial credit, and the first matching answer wins", () => {
		expect(gradeQuestion(q, text("cat"))).toMatchObject({
			state: "partial",
			fraction: 0.5,
			feedback: [{ text: "Cats." }],
		});
		expect(gradeQuestion(q, text("a big toad here"))).toMatchObject({ fraction: 0.5, feedback: [{ text: "Close." }] });
		expect(gradeQuestion(q, text("dog"))).toMatchObject({
			state: "incorrect",
			fraction: 0,
			feedback: [{ text: "Wrong." }],
		});
	});

	test("a blank answer does not match the * catch-all", () => {
		expect(gradeQuestion(q, text("   "))).toMatchObject({
			state: "unanswered",
			feedback: [],
			rightAnswer: { kind: "texts", texts: ["Frog"] },
		});
	});

	test("without a catch-all a wrong answer gets no feedback", () => {
		expect(gradeQuestion(question("::Q::Code?{=STLS#Right.}"), text("UNK"))).toMatchObject({
			fraction: 0,
			feedback: [],
		});
	});

	test.each([
		["no one", "No one", true],
		["no   one", "no one", true],
		["no one", "noone", false],
		["Frogs", "Frog", false],
		["frog spawn", "frog*", true],
		["a frog", "*frog", true],
		["", "*", true],
		["a*b", "a\\*b", true],
		["axb", "a\\*b", false],
		["3.5", "3.5", true],
		["345", "3.5", false],
		["(a)", "(a)", true],
		["Ёлка", "ёлка", true],
		["ДА", "да", true],
		["cafe\u0301", "caf\u00e9", true],
	])("%j against %j: %s", (response, pattern, expected) => {
		expect(matchesShortAnswer(response, pattern)).toBe(expected);
	});
});

describe("numerical", () => {
	const q = question("::Q::Born?{#=1822:0#Exact. =%50%1822:2#Close. ~#Far.}");

	test("several answers with partial credit, the first matching wins, the catch-all gives feedback", () => {
		expect(gradeQuestion(q, number(1822))).toMatchObject({
			state: "correct",
			fraction: 1,
			feedback: [{ text: "Exact." }],
		});
		expect(gradeQuestion(q, number(1824))).toMatchObject({
			state: "partial",
			fraction: 0.5,
			feedback: [{ text: "Close." }],
		});
		expect(gradeQuestion(q, number(1825))).toMatchObject({
			state: "incorrect",
			fraction: 0,
			feedback: [{ text: "Far." }],
		});
		expect(gradeQuestion(q, number(null))).toMatchObject({
			state: "unanswered",
			rightAnswer: { kind: "numbers", matches: [{ kind: "value", value: 1822, tolerance: 0 }] },
		});
	});

	test("tolerance bounds are inclusive, despite binary rounding", () => {
		const pi = { kind: "value", value: 3.1415, tolerance: 0.0005 } as const;
		expect([3.141, 3.142, 3.1415].map((value) => numberMatches(value, pi))).toEqual([true, true, true]);
		expect([3.1409, 3.1421].map((value) => numberMatches(value, pi))).toEqual([false, false]);
		const tenth = { kind: "value", value: 0.3, tolerance: 0.1 } as const;
		expect([0.2, 0.4, 0.1 + 0.2].map((value) => numberMatches(value, tenth))).toEqual([true, true, true]);
		expect(numberMatches(0.19999, tenth)).toBe(false);
	});

	test("ranges include both ends", () => {
		const range = { kind: "range", min: 3.141, max: 3.142 } as const;
		expect([3.141, 3.1415, 3.142].map((value) => numberMatches(value, range))).toEqual([true, true, true]);
		expect([3.1409, 3.1421].map((value) => numberMatches(value, range))).toEqual([false, false]);
		expect(numberMatches(-3, { kind: "range", min: -5, max: -1 })).toBe(true);
	});

	test("an exact answer has no tolerance", () => {
		const exact = question("::Q::How many?{#4420}");
		expect(gradeQuestion(exact, number(4420)).fraction).toBe(1);
		expect(gradeQuestion(exact, number(4420.001)).fraction).toBe(0);
	});
});

describe("matching", () => {
	const q = question(
		"::Q::Match.{=IND1 -> a stock =IND3 -> a flow =IND5 -> a flow = -> a crossing####Pairs explained.}",
	);
	const { stems, choices } = q.type === "match" ? matchParts(q) : { stems: [], choices: [] };
	const choiceOf = (textValue: string) => choices.find((choice) => choice.text === textValue)!.id;
	const respond = (...picked: (string | null)[]): QuestionResponse => ({
		kind: "match",
		choices: Object.fromEntries(
			stems.map((stem, index) => [stem.id, picked[index] === null ? null : choiceOf(picked[index]!)]),
		),
	});

	test("two stems may share an answer", () => {
		expect(choices.map((choice) => choice.text)).toEqual(["a stock", "a flow", "a crossing"]);
		expect(gradeQuestion(q, respond("a stock", "a flow", "a flow"))).toMatchObject({
			state: "correct",
			fraction: 1,
			feedback: [],
			generalFeedback: { text: "Pairs explained." },
			rightAnswer: {
				kind: "pairs",
				choiceByStem: { s1: choiceOf("a stock"), s2: choiceOf("a flow"), s3: choiceOf("a flow") },
			},
		});
	});

	test("partial credit per pair; a distractor earns nothing; a blank stem earns nothing", () => {
		expect(gradeQuestion(q, respond("a stock", "a crossing", null))).toMatchObject({
			state: "partial",
			fraction: 0.3333333,
		});
		expect(gradeQuestion(q, respond("a flow", "a stock", "a crossing"))).toMatchObject({
			state: "incorrect",
			fraction: 0,
		});
		expect(gradeQuestion(q, respond(null, null, null))).toMatchObject({ state: "unanswered", fraction: 0 });
	});
});

describe("essay", () => {
	const q = question("::Q::Explain.{####A model answer.}");

	test("a written essay waits for its trainer", () => {
		expect(gradeQuestion(q, text("My answer."))).toMatchObject({
			state: "needs-grading",
			fraction: null,
			maxMark: 1,
			rightAnswer: { kind: "none" },
			generalFeedback: { text: "A model answer." },
		});
	});

	test("the trainer's mark grades it; a blank essay scores 0 without a trainer", () => {
		expect(gradeQuestion(q, text("My answer."), 0.75)).toMatchObject({ state: "partial", fraction: 0.75 });
		expect(gradeQuestion(q, text(""))).toMatchObject({ state: "unanswered", fraction: 0 });
	});

	test("a trainer's mark must be a fraction, and only for an essay", () => {
		expect(() => gradeQuestion(q, text("x"), 1.5)).toThrow(RangeError);
		expect(() => gradeQuestion(question("::Q::T?{T}"), undefined, 1)).toThrow(RangeError);
	});
});

test("a description carries no mark", () => {
	expect(gradeQuestion(question("::Intro::Read this."), undefined)).toEqual({
		questionId: "Intro",
		state: "no-mark",
		fraction: null,
		maxMark: 0,
		feedback: [],
		rightAnswer: { kind: "none" },
		generalFeedback: null,
	});
});
