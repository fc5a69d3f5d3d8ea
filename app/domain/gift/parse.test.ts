import { describe, expect, test } from "vitest";
import { parseGift } from "./parse";
import type { GiftQuestion } from "./types";

/** Parses a file that must hold exactly one valid question. */
function one(source: string): GiftQuestion {
	const { questions, errors } = parseGift(source);
	expect(errors).toEqual([]);
	expect(questions).toHaveLength(1);
	return questions[0]!;
}

function errorsOf(source: string) {
	return parseGift(source).errors;
}

describe("blocks and comments (E1, E2)", () => {
	test("blank lines separate questions, and each question keeps the line it starts on", () => {
		const { questions } = parseGift("// first\nA?{}\n\n\n  \nB?\nmore text{}");
		expect(questions.map((question) => [question.line, question.text.text])).toEqual([
			[2, "A?"],
			[6, "B?\nmore text"],
		]);
	});

	test("only lines starting with // are comments; // inside a line is text", () => {
		const question = one("  // a comment\nSee http://example.org/x {}\n// a comment between lines");
		expect(question.text.text).toBe("See http://example.org/x");
	});

	test("a block of comments only is no question", () => {
		expect(parseGift("// just a note\n// and another\n\nQ{}").questions).toHaveLength(1);
	});

	test("[id:…] and [tag:…] come from the comments; \\] escapes ], a token does not span lines", () => {
		const question = one("// [tag:  basic] Here is\n// a [id:   four   ] que[tag:add   ]stion [tag:t\\]ag].\nQ{}");
		expect(question.idNumber).toBe("four");
		expect(question.tags).toEqual(["basic", "add", "t]ag"]);
		expect(one("// une [tag:\n//  frog]\nQ{}").tags).toEqual([]);
	});

	test("a question has one id, and an id is used once per file", () => {
		expect(errorsOf("// [id:a] [id:b]\nQ{}")).toEqual([
			{ line: 2, message: "the comments give 2 [id:…]; a question has one id" },
		]);
		expect(errorsOf("// [id:a]\nQ{}\n\n// [id:a]\nR{}")).toEqual([
			{ line: 5, message: "[id:a] is already the id of the question on line 2" },
		]);
	});

	test("a byte-order mark and Windows line ends are read", () => {
		expect(parseGift("\uFEFF::T::Q{}\r\n\r\n::U::R{}").questions.map((question) => question.title)).toEqual(["T", "U"]);
	});
});

describe("escapes (E3)", () => {
	test("\\~ \\= \\# \\{ \\} \\: are literal, \\\\ is a backslash, \\n a new line", () => {
		const question = one("::a\\:b::1 \\~ 2 \\= 3 \\# 4 \\{5\\} \\\\ x\\ny{}");
		expect(question.title).toBe("a:b");
		expect(question.text.text).toBe("1 ~ 2 = 3 # 4 {5} \\ x\ny");
	});

	test("escaped control characters do not separate answers", () => {
		const question = one("Which equals 5?{~ \\= 2 + 2 = \\= 2 + 3 ~ a \\~ b # why\\#not}");
		expect(question).toMatchObject({
			type: "multichoice",
			answers: [
				{ text: { text: "= 2 + 2" }, fraction: 0 },
				{ text: { text: "= 2 + 3" }, fraction: 1 },
				{ text: { text: "a ~ b" }, feedback: { text: "why#not" } },
			],
		});
	});

	test("a backslash before any other character stays", () => {
		expect(one("Q{=a\\*b}")).toMatchObject({ answers: [{ text: "a\\*b" }] });
	});
});

describe("titles (E4)", () => {
	test("::title:: at the start of the question", () => {
		expect(one("::Kanji Origins::Japanese characters\ncame from? {=China}")).toMatchObject({
			title: "Kanji Origins",
			text: { text: "Japanese characters\ncame from?" },
		});
	});

	test("no title when the question does not start with ::", () => {
		expect(one("Text ::not a title:: {}").title).toBeUndefined();
	});

	test("an unclosed or empty title is refused", () => {
		expect(errorsOf("::Title Q{}")).toEqual([
			{ line: 1, message: "the title opens with :: but is not closed with ::" },
		]);
		expect(errorsOf(":: ::Q{}")).toEqual([{ line: 1, message: "the title between :: and :: is empty" }]);
	});
});

describe("types (E5)", () => {
	test.each([
		["Just text", "description"],
		["Q{}", "essay"],
		["Q{####model answer}", "essay"],
		["Q{#3}", "numerical"],
		["Q{=a ~b}", "multichoice"],
		["Q{=a -> b =c -> d}", "match"],
		["Q{T}", "truefalse"],
		["Q{FALSE#why}", "truefalse"],
		["Q{=a =b}", "shortanswer"],
	])("%s is %s", (source, type) => {
		expect(one(source).type).toBe(type);
	});

	test("a lower-case true/false value is refused rather than read as a short answer", () => {
		expect(errorsOf("Q{true}")).toEqual([
			{ line: 1, message: 'write TRUE in capitals: "true" would make a short-answer question' },
		]);
	});

	test("the ordering plugin's {>…} is reported as unsupported", () => {
		expect(errorsOf("// [id:x]\n::Order::Put in order.{>2 none\nA\nB\n}")).toEqual([
			{
				line: 2,
				message:
					"ordering questions ({>…}) belong to Moodle's qtype_ordering plugin, not to core GIFT, and are not supported",
			},
		]);
	});

	test("a question needs text", () => {
		expect(errorsOf("::T::{=a =b}")).toEqual([{ line: 1, message: "the question has no text" }]);
	});
});

describe("braces (E6) and missing words (E7)", () => {
	test.each([
		["Q {=a", "'{' without '}': close the answers, and keep blank lines out of a question (use \\n)"],
		["Q =a}", "'}' without '{' (write a literal brace as \\})"],
		["Q }=a{", "'}' comes before '{' (write a literal brace as \\})"],
		["Q {=a} and {=b}", "a question has one answer block {…}; write literal braces as \\{ and \\}"],
	])("%s is refused", (source, message) => {
		expect(errorsOf(source)).toEqual([{ line: 1, message }]);
	});

	test("a blank line inside the answers leaves two broken halves, both reported", () => {
		expect(errorsOf("Q{\n=a\n\n=b}").map((error) => error.line)).toEqual([1, 4]);
	});

	test("an answer block before the end of the text becomes a blank", () => {
		expect(one("Grant is {~buried =entombed} in Grant's tomb.").text.text).toBe("Grant is _____ in Grant's tomb.");
		expect(one("What is pi? {#3.1415:0.0005}.").text.text).toBe("What is pi? _____.");
	});
});

describe("general feedback (E8)", () => {
	test("the last #### starts the general feedback, in the question's format unless tagged", () => {
		expect(one("[html]Q{=a####<b>see</b>}").generalFeedback).toEqual({ text: "<b>see</b>", format: "html" });
		expect(one("Q{=a####[markdown]**see**}").generalFeedback).toEqual({ text: "**see**", format: "markdown" });
	});

	test("general feedback that is not last is refused", () => {
		expect(errorsOf("Q{=a####see ~b}")).toEqual([
			{ line: 1, message: "the general feedback (####…) must come last in the answer block; escape ~ = # inside it" },
		]);
	});
});

describe("weights (E9)", () => {
	test("decimal and negative weights from Moodle's list", () => {
		expect(one("Q{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-50%d}")).toMatchObject({
			answers: [{ fraction: 0.3333333 }, { fraction: 0.3333333 }, { fraction: 0.3333333 }, { fraction: -0.5 }],
		});
	});

	test.each([
		["Q{~%33%a ~%67%b}", "%33% is not a weight Moodle accepts; the nearest is %33.33333%"],
		["Q{~%fifty%a ~%100%b}", '"%fifty%a" starts with % but no weight like %50%'],
		["Q{=%-50%a =b}", "%-50%: negative weights are for multiple-choice answers only"],
		["Q{=%50%a ~b}", '"=%50%a": = marks a right answer (100%); write a weighted answer as ~%50%…'],
	])("%s is refused", (source, message) => {
		expect(errorsOf(source)).toEqual([{ line: 1, message }]);
	});
});

describe("multiple choice (E10)", () => {
	test("an = makes a single-answer question; feedback and formats per answer", () => {
		expect(one("Q{\n=yellow # right; good!\n~red # [html]wrong\n~[plain]blue}")).toEqual(
			expect.objectContaining({
				type: "multichoice",
				single: true,
				answers: [
					{
						text: { text: "yellow", format: "moodle" },
						fraction: 1,
						feedback: { text: "right; good!", format: "moodle" },
					},
					{ text: { text: "red", format: "moodle" }, fraction: 0, feedback: { text: "wrong", format: "html" } },
					{ text: { text: "blue", format: "plain" }, fraction: 0, feedback: { text: "", format: "moodle" } },
				],
			}),
		);
	});

	test("without = it is multiple response, even with a %100% answer", () => {
		expect(one("Q{~%100%yellow ~%-50%red ~%-50%blue}")).toMatchObject({ single: false });
	});

	test.each([
		[
			"Q{~%50%a ~%40%b ~c}",
			"the positive weights add up to 90%; in a multiple-response question they must add up to 100%",
		],
		["Q{=only ~}", "a choice has no text"],
		["Q{lead =a ~b}", '"lead" is not an answer: start each answer with ~ or ='],
	])("%s is refused", (source, message) => {
		expect(errorsOf(source)).toEqual([{ line: 1, message }]);
	});

	test("at least two answers", () => {
		expect(errorsOf("Q{~%100%a}")).toEqual([
			{ line: 1, message: "a multiple-choice question needs at least two answers" },
		]);
	});
});

describe("short answer (E11)", () => {
	test("every = answer is worth 100% unless weighted; * is kept for the wildcard", () => {
		expect(one("Q{=Frog#Good! =%50%Cat =%0%*#No}")).toMatchObject({
			type: "shortanswer",
			answers: [
				{ text: "Frog", fraction: 1, feedback: { text: "Good!" } },
				{ text: "Cat", fraction: 0.5, feedback: { text: "" } },
				{ text: "*", fraction: 0, feedback: { text: "No" } },
			],
		});
	});

	test.each([
		["Q{four}", '"four" is not an answer: start each answer with ='],
		["Q{=%50%half}", "no answer is worth 100%"],
		["Q{= #feedback only}", "a short answer has no text"],
	])("%s is refused", (source, message) => {
		expect(errorsOf(source)).toEqual([{ line: 1, message }]);
	});
});

describe("numerical (E12)", () => {
	test("value, value:tolerance and min..max", () => {
		expect(one("Q{#1822}")).toMatchObject({
			answers: [{ match: { kind: "value", value: 1822, tolerance: 0 }, fraction: 1 }],
		});
		expect(one("Q{#3.1415:0.0005}")).toMatchObject({
			answers: [{ match: { kind: "value", value: 3.1415, tolerance: 0.0005 } }],
		});
		expect(one("Q{#3.141..3.142}")).toMatchObject({ answers: [{ match: { kind: "range", min: 3.141, max: 3.142 } }] });
		expect(one("Q{#-5..-1}")).toMatchObject({ answers: [{ match: { kind: "range", min: -5, max: -1 } }] });
	});

	test("several weighted answers and a catch-all ~#feedback", () => {
		expect(one("Q{#\n=1822:0 #Right\n=%50%1822:2 #Close\n~#Far off}")).toMatchObject({
			answers: [
				{ match: { kind: "value", value: 1822, tolerance: 0 }, fraction: 1, feedback: { text: "Right" } },
				{ match: { kind: "value", value: 1822, tolerance: 2 }, fraction: 0.5, feedback: { text: "Close" } },
				{ match: { kind: "any" }, fraction: 0, feedback: { text: "Far off" } },
			],
		});
	});

	test.each([
		["Q{#three}", 'the answer "three" is not a number'],
		["Q{#3:two}", 'the tolerance "two" is not a number'],
		["Q{#3:-1}", "the tolerance in 3:-1 is negative"],
		["Q{#5..1}", "the range 5..1 runs backwards"],
		["Q{#3,5}", 'the answer "3,5" is not a number'],
		["Q{#=%50%3}", "no answer is worth 100%"],
		["Q{#3 ~wrong}", '"~wrong": in a numerical question ~ is followed by #feedback for any other answer'],
		["Q{#~#only feedback}", "no answer is worth 100%"],
	])("%s is refused", (source, message) => {
		expect(errorsOf(source)).toEqual([{ line: 1, message }]);
	});
});

describe("true/false (E13)", () => {
	test("the first feedback is for a wrong answer, the second for a right one", () => {
		expect(one("Q{FALSE#It is false.#Yes.####Because.}")).toMatchObject({
			type: "truefalse",
			correct: false,
			feedbackTrue: { text: "It is false." },
			feedbackFalse: { text: "Yes." },
			generalFeedback: { text: "Because." },
		});
		expect(one("Q{T#No.#Yes.}")).toMatchObject({
			correct: true,
			feedbackTrue: { text: "Yes." },
			feedbackFalse: { text: "No." },
		});
	});
});

describe("matching (E14)", () => {
	test("pairs, formats on the stems, plain answers, = -> X a distractor", () => {
		expect(one("[html]Match.{\n=[plain]Canada -> Ottawa\n=Italy  -> Rome\n= -> Paris\n}")).toMatchObject({
			type: "match",
			pairs: [
				{ stem: { text: "Canada", format: "plain" }, answer: "Ottawa" },
				{ stem: { text: "Italy", format: "html" }, answer: "Rome" },
				{ stem: { text: "" }, answer: "Paris" },
			],
		});
	});

	test.each([
		["Q{=a -> b = -> c}", "a matching question needs at least two pairs"],
		[
			"Q{=a -> b =c -> d#why}",
			'"c -> d#why": matching pairs carry no feedback; explain the pairs in general feedback (####…)',
		],
		["Q{=%50%a -> b =c -> d}", '"%50%a -> b": matching pairs carry no weights'],
		["Q{=a -> b =c ->}", '"c ->" has nothing after ->'],
		["Q{=a -> b =c}", '"c" is not a pair: write =stem -> answer'],
	])("%s is refused", (source, message) => {
		expect(errorsOf(source)).toEqual([{ line: 1, message }]);
	});
});

describe("formats (E15)", () => {
	test("a prefix sets the question's format, which answers and feedback inherit", () => {
		expect(one("[markdown]Who is **buried**?{=no one#**yes**}")).toMatchObject({
			text: { text: "Who is **buried**?", format: "markdown" },
			answers: [{ feedback: { text: "**yes**", format: "markdown" } }],
		});
	});

	test("an unknown tag is text", () => {
		expect(one("[note]Text{}").text).toEqual({ text: "[note]Text", format: "moodle" });
	});
});

describe("categories (E16)", () => {
	test("$CATEGORY applies to the questions after it; / separates levels, // is a slash", () => {
		const { questions } = parseGift("A{}\n\n$CATEGORY: $course$/top/A//B\n\nB{}\n\n$CATEGORY: $course$/C\n\nC{}");
		expect(questions.map((question) => question.category)).toEqual([
			undefined,
			["$course$", "top", "A/B"],
			["$course$", "C"],
		]);
	});

	test("$CATEGORY stands alone in its block", () => {
		expect(errorsOf("$CATEGORY: x\nQ{}")).toEqual([
			{ line: 1, message: "$CATEGORY: stands alone: put a blank line between it and the next question" },
		]);
	});
});

test("every broken question is reported and the valid ones are still read", () => {
	const { questions, errors } = parseGift("A{=a}\n\nB{#x}\n\nC{}\n\n::D\nD{}");
	expect(questions.map((question) => question.text.text)).toEqual(["A", "C"]);
	expect(errors.map((error) => error.line)).toEqual([3, 7]);
});
