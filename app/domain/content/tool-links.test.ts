import { describe, expect, test } from "vitest";
import { analyzeMdx, type MdxFacts } from "./mdx";
import { sentences, toolLinkProblems } from "./tool-links";

function problems(body: string) {
	const analysis = analyzeMdx(body);
	if ("problem" in analysis) throw new Error(analysis.problem.message);
	return toolLinkProblems(analysis.facts as MdxFacts).map(({ line, message }) => `${line}: ${message.split(" sends")[0]}`);
}

describe("a sentence that sends the reader to a tool has its link", () => {
	test.each([
		"Prepare the table in the DSM practice sandbox.",
		"Then open the sandbox and start an IND2 submission.",
		"The wizard keeps every assessment as a version.",
		"Проверьте таблицу в учебной песочнице.",
		"Откройте учебную песочницу и начните отправку.",
		"Ответы сохраняет мастер самооценки.",
	])("%s is found", (sentence) => {
		expect(problems(sentence)).toHaveLength(1);
	});

	test.each([
		"Prepare the table in [the DSM practice sandbox](/sandbox).",
		"[Open the sandbox](/sandbox/exercises/find-and-fix) and start.",
		"The [self-assessment wizard](/assessment) keeps every assessment.",
		"Проверьте таблицу в [учебной песочнице](/sandbox).",
		"The sandbox teaches the work; a lesson teaches the words.",
		"After each sandbox exercise, look at the submissions together.",
		"Мастерство приходит с практикой, как на мастер-классе.",
	])("%s passes", (sentence) => {
		expect(problems(sentence)).toEqual([]);
	});

	test("inside an exercise that opens the same tool, a sentence needs no link of its own", () => {
		expect(problems('<Exercise title="T" link="sandbox">\nOpen the sandbox and start.\n</Exercise>')).toEqual([]);
		expect(problems('<Exercise title="T" link="assessment">\nOpen the sandbox and start.\n</Exercise>')).toEqual([
			'2: "Open the sandbox"',
		]);
	});

	test("the link must be in the same sentence, to the same tool, and the problem is on the phrase's line", () => {
		expect(problems("See [the tool](/sandbox). Then work\nin the sandbox for an hour.")).toEqual(['2: "in the sandbox"']);
		expect(problems("Work in the sandbox: [the wizard](/assessment) comes later.")).toEqual(['1: "in the sandbox"']);
	});

	test("headings and tables are not prose", () => {
		expect(problems("### Work in the sandbox\n\n| a |\n| --- |\n| in the sandbox |\n")).toEqual([]);
	});
});

test("sentences end at . ! ? … before white space", () => {
	const text = "One. Two! «Three?» Four… five";
	expect(sentences(text).map(({ start, end }) => text.slice(start, end).trim())).toEqual([
		"One.",
		"Two!",
		"«Three?»",
		"Four…",
		"five",
	]);
});
