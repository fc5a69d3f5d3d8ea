import { describe, expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt } from "./attempt";
import { createQuestionBank } from "./bank";
import { publicQuestions, type PublicQuestion } from "./public-view";
import { seededRandom } from "./random";
import { attemptResponsesSchema, parseAttemptForm, readLearnerNumber, unansweredQuestions } from "./response";

const GIFT = `
::single::One?{=a ~b}

::multi::Several?{~%50%a ~%50%b ~%-100%c}

::tf::True?{T}

::short::Code?{=STLS}

::number::How many?{#4420}

::match::Match.{=x -> 1 =y -> 2 = -> 3}

::essay::Explain.{}

::intro::Read.
`;

const bank = createQuestionBank(parseGift(GIFT).questions);
const view = publicQuestions(bank, buildAttempt(bank, { questionsPerAttempt: null, shuffle: false }, seededRandom(1)));

function byId<T extends PublicQuestion["type"]>(id: string, type: T) {
	const question = view.find((candidate) => candidate.id === id);
	if (question?.type !== type) throw new Error(`no ${type} ${id}`);
	return question as Extract<PublicQuestion, { type: T }>;
}

const single = byId("single", "multichoice");
const multi = byId("multi", "multichoice");
const match = byId("match", "match");
const choice = (question: typeof single, text: string) => question.choices.find((c) => c.text.text === text)!.id;
const matchChoice = (text: string) => match.choices.find((c) => c.text === text)!.id;

describe("parseAttemptForm", () => {
	test("reads every type of answer from its fields", () => {
		const result = parseAttemptForm(view, {
			q1: choice(single, "a"),
			q2: [choice(multi, "a"), choice(multi, "c")],
			q3: "false",
			q4: "  stls ",
			q5: "4 420,5",
			[`q6.${match.stems[0]!.id}`]: matchChoice("1"),
			[`q6.${match.stems[1]!.id}`]: matchChoice("3"),
			q7: "Because.",
			intent: "submit",
		});
		expect(result).toEqual({
			success: true,
			responses: {
				single: { kind: "choice", choiceId: choice(single, "a") },
				multi: { kind: "choices", choiceIds: [choice(multi, "a"), choice(multi, "c")] },
				tf: { kind: "choice", choiceId: "false" },
				short: { kind: "text", text: "stls" },
				number: { kind: "number", value: 4420.5 },
				match: {
					kind: "match",
					choices: { [match.stems[0]!.id]: matchChoice("1"), [match.stems[1]!.id]: matchChoice("3") },
				},
				essay: { kind: "text", text: "Because." },
			},
		});
		if (result.success) expect(attemptResponsesSchema.parse(result.responses)).toEqual(result.responses);
	});

	test("blank and missing fields are unanswered questions, not errors", () => {
		expect(parseAttemptForm(view, { q1: "", q4: "   ", q5: "" })).toEqual({
			success: true,
			responses: {
				single: { kind: "choice", choiceId: null },
				multi: { kind: "choices", choiceIds: [] },
				tf: { kind: "choice", choiceId: null },
				short: { kind: "text", text: "" },
				number: { kind: "number", value: null },
				match: { kind: "match", choices: { s1: null, s2: null } },
				essay: { kind: "text", text: "" },
			},
		});
	});

	test("a question in the same field but with other choices is read by its own choices", () => {
		// Schemas are kept by what they read (the type, the field, the ids): another draw is another schema.
		const a = choice(single, "a");
		expect(parseAttemptForm([single], { [single.field]: a })).toMatchObject({ success: true });
		const redrawn = { ...single, choices: single.choices.map((c) => ({ ...c, id: `${c.id}-2` })) };
		expect(parseAttemptForm([redrawn], { [single.field]: a })).toEqual({
			success: false,
			errors: { [single.field]: "unknown-choice" },
		});
		const several = { ...single, single: false };
		expect(parseAttemptForm([several], { [single.field]: a })).toMatchObject({
			responses: { single: { kind: "choices", choiceIds: [a] } },
		});
	});

	test("a single checkbox arrives as a string; repeats count once", () => {
		const a = choice(multi, "a");
		expect(parseAttemptForm(view, { q2: a })).toMatchObject({ responses: { multi: { choiceIds: [a] } } });
		expect(parseAttemptForm(view, { q2: [a, a] })).toMatchObject({ responses: { multi: { choiceIds: [a] } } });
	});

	test("names each refused field and why", () => {
		expect(
			parseAttemptForm(view, {
				q1: "a-forged",
				q2: [choice(multi, "a"), "a-forged"],
				q3: ["true", "false"],
				q4: "x".repeat(501),
				q5: "about twelve",
				"q6.s1": "c-forged",
			}),
		).toEqual({
			success: false,
			errors: {
				q1: "unknown-choice",
				q2: "unknown-choice",
				q3: "one-value-expected",
				q4: "too-long",
				q5: "not-a-number",
				"q6.s1": "unknown-choice",
			},
		});
	});
});

describe("readLearnerNumber", () => {
	test.each([
		["3.5", 3.5],
		["3,5", 3.5],
		[" -12 ", -12],
		["\u221212", -12],
		["1 822", 1822],
		["1\u00a0822,25", 1822.25],
		["1e3", 1000],
		[".5", 0.5],
	])("%s is %d", (typed, value) => {
		expect(readLearnerNumber(typed)).toBe(value);
	});

	test.each(["", "twelve", "1,822.5", "1,2,3", "3 .5", "12abc", "0x1A"])("%j is not a number", (typed) => {
		expect(readLearnerNumber(typed)).toBeUndefined();
	});
});

describe("unansweredQuestions", () => {
	test("numbers the questions left blank as the page numbers them, descriptions aside", () => {
		const blank = parseAttemptForm(view, {});
		if (!blank.success) throw new Error("a blank form is no error");
		expect(unansweredQuestions(view, blank.responses)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		const some = parseAttemptForm(view, { q1: choice(single, "a"), q5: "4420", "q6.s1": matchChoice("1"), q7: "  " });
		if (!some.success) throw new Error("these answers are no error");
		expect(unansweredQuestions(view, some.responses)).toEqual([2, 3, 4, 7]);
	});
});
