import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { exportGift } from "./export";
import { parseGift } from "./parse";
import type { GiftQuestion } from "./types";

const moodle = (text: string) => ({ text, format: "moodle" as const });

function roundTrip(source: string): { exported: string; questions: GiftQuestion[]; again: GiftQuestion[] } {
	const { questions, errors } = parseGift(source);
	expect(errors).toEqual([]);
	const exported = exportGift(questions);
	const reread = parseGift(exported);
	expect(reread.errors).toEqual([]);
	const strip = (list: GiftQuestion[]) => list.map(({ line: _line, ...question }) => question);
	return { exported, questions: strip(questions), again: strip(reread.questions) };
}

describe("exportGift", () => {
	test("every type of the project's own fixture reads back to the same questions", () => {
		const { questions, again, exported } = roundTrip(fs.readFileSync("tests/fixtures/gift/every-type.gift", "utf8"));
		expect(again).toEqual(questions);
		expect(exported).toMatchSnapshot();
	});

	test("writes $CATEGORY when the category changes, doubling a / inside a level", () => {
		const { exported } = roundTrip("$CATEGORY: top/A//B\n\nA{}\n\nB{}\n\n$CATEGORY: top/C\n\nC{}");
		expect(exported).toBe("$CATEGORY: top/A//B\n\nA{}\n\nB{}\n\n$CATEGORY: top/C\n\nC{}\n\n");
	});

	test("writes [id:…] and [tag:…] on a comment line, escaping ]", () => {
		expect(roundTrip("// [id:a\\]b] [tag:x]\nQ{}").exported).toBe("// [id:a\\]b] [tag:x]\nQ{}\n\n");
	});

	test("writes a format tag where the format differs, or where the text would read as tagged", () => {
		const question: GiftQuestion = {
			tags: [],
			text: { text: "[html] is a tag", format: "moodle" },
			generalFeedback: { text: "<b>why</b>", format: "html" },
			type: "essay",
		};
		const exported = exportGift([question]);
		expect(exported).toBe("[moodle][html] is a tag{####[html]<b>why</b>}\n\n");
		expect(parseGift(exported).questions[0]).toMatchObject(question);
	});

	test("escapes control characters and new lines in every text", () => {
		const { exported, questions, again } = roundTrip("::a\\:b::x \\{y\\} \\\\ z\\nw{=1 \\= 1#so \\# it is}");
		expect(exported).toBe("::a\\:b::x \\{y\\} \\\\ z\\nw{\n\t=%100%1 \\= 1#so \\# it is\n}\n\n");
		expect(again).toEqual(questions);
	});

	test.each([
		["Q{T}", "Q{TRUE}\n\n"],
		["Q{F#only wrong}", "Q{FALSE#only wrong}\n\n"],
		["Q{T##only right}", "Q{TRUE##only right}\n\n"],
	])("true/false %s leaves out empty feedback at the end", (source, expected) => {
		expect(roundTrip(source).exported).toBe(expected);
	});

	test("numerical answers keep their form: value:tolerance, range, weighted *, catch-all", () => {
		const question: GiftQuestion = {
			tags: [],
			text: moodle("Q"),
			generalFeedback: moodle(""),
			type: "numerical",
			answers: [
				{ match: { kind: "value", value: 3, tolerance: 0 }, fraction: 1, feedback: moodle("") },
				{ match: { kind: "range", min: 1, max: 5 }, fraction: 0.5, feedback: moodle("near") },
				{ match: { kind: "any" }, fraction: 0.1, feedback: moodle("anything") },
				{ match: { kind: "any" }, fraction: 0, feedback: moodle("no") },
			],
		};
		const exported = exportGift([question]);
		expect(exported).toBe("Q{#\n\t=%100%3:0#\n\t=%50%1..5#near\n\t=%10%*#anything\n\t~#no\n}\n\n");
		expect(parseGift(exported).questions[0]).toMatchObject(question);
	});
});
