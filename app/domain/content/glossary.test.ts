import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { avoidedFormProblems, glossaryByLetter, readGlossary } from "./glossary";

const VALID = fs.readFileSync("tests/fixtures/content/valid/glossary/terms.yaml", "utf8");

function entry(id: string, en: string, ru: string, extra = "") {
	return `  - id: ${id}
    en: ${en}
    ru: ${ru}
    source: A source
    definition: { en: One line., ru: Одна строка. }
${extra}`;
}

describe("readGlossary", () => {
	test("the fixture's terms, by id", () => {
		const { glossary, problems } = readGlossary(VALID);
		expect(problems).toEqual([]);
		expect(glossary.terms.map((term) => term.id)).toEqual([
			"flow",
			"long-term-migrant",
			"metadata",
			"note",
			"stock",
			"usual-residence",
			"validation",
		]);
		expect(glossary.byId.get("note")).toMatchObject({ en: "NOTE", ru: "пояснительная записка (NOTE)", avoid: ["примечани* к таблице"] });
	});

	test("ids, English and Russian terms used twice, an unsorted entry, a bad id, a missing field, an unknown key", () => {
		const yaml = `terms:
${entry("b-term", "stock", "численность")}${entry("a-term", "Stock", "ЧИСЛЕННОСТЬ")}${entry("a-term", "flow", "поток", "    sorce: typo\n")}  - id: Bad_Id
    en: other
    ru: другое
    source: A source
    definition: { en: One line. }
`;
		const { glossary, problems } = readGlossary(yaml);
		expect(problems).toEqual([
			{ line: 17, message: "terms.2.sorce: unknown key" },
			{ line: 18, message: "terms.3.id: an id is a lowercase slug: asylum-seeker" },
			{ line: 22, message: "terms.3.definition.ru: required" },
			{ line: 8, message: 'en "Stock" is already the en of the term on line 2' },
			{ line: 9, message: 'ru "ЧИСЛЕННОСТЬ" is already the ru of the term on line 2' },
			{ line: 7, message: "terms are sorted by id: a-term comes before b-term" },
			{ line: 12, message: 'id "a-term" is already the id of the term on line 7' },
		]);
		// The entries that fit the schema still serve the site.
		expect(glossary.terms.map((term) => term.id)).toEqual(["b-term", "a-term", "a-term"]);
	});

	test("an avoided form with a * inside a word, and one that forbids a prescribed term", () => {
		const yaml = `terms:
${entry("a-term", "application", "ходатайство", '    avoid: ["зая*вление"]\n')}`;
		expect(readGlossary(yaml).problems).toEqual([
			{ line: 7, message: "terms.0.avoid.0: a * stands only at the end of a word: заявлени* о предоставлении убежища" },
		]);
		const bad = `terms:\n${entry("b-term", "stock", "запас", '    avoid: ["запас"]\n')}`;
		expect(readGlossary(bad).problems).toEqual([
			{ line: 4, message: "the Russian term «запас» is itself a form that b-term says to avoid («запас»)" },
		]);
	});

	test("a file that is not YAML", () => {
		expect(readGlossary("terms:\n  - id: x\n   en: y\n").problems[0]?.message).toMatch(/^not valid YAML/);
	});
});

describe("avoided forms", () => {
	const { glossary } = readGlossary(`terms:
${entry("asylum-application", "asylum application", "ходатайство о предоставлении убежища", '    avoid: ["заявлени* о предоставлении убежища", "проситель убежища"]\n')}`);

	test.each([
		["Заявление о предоставлении убежища подано.", "«Заявление о предоставлении убежища»"],
		["число заявлений\nо предоставлении убежища", "«заявлений о предоставлении убежища»"],
		["**Заявления** о предоставлении <Term id=\"x\">убежища</Term>", '«Заявления** о предоставлении <Term id="x">убежища»'],
		["ПРОСИТЕЛЬ УБЁЖИЩА", "«ПРОСИТЕЛЬ УБЁЖИЩА»"],
	])("%s is found", (text, found) => {
		expect(avoidedFormProblems(text, glossary).map((problem) => problem.message.split(":")[0])).toEqual([found]);
	});

	test("whole words only, and the line of each", () => {
		expect(avoidedFormProblems("Ходатайство о предоставлении убежища.\nпросители убежища", glossary)).toEqual([]);
		expect(avoidedFormProblems("строка\nзаявление о предоставлении убежища", glossary)).toEqual([
			{
				line: 2,
				message:
					"«заявление о предоставлении убежища»: the glossary says not to use this form; write «ходатайство о предоставлении убежища» (term asylum-application)",
			},
		]);
	});
});

describe("glossaryByLetter", () => {
	const { glossary } = readGlossary(VALID);

	test("in English: by the English term, with the Russian beside it", () => {
		const groups = glossaryByLetter(glossary, "en", "en-GB");
		expect(groups.map((group) => [group.letter, group.entries.map((e) => e.term)])).toEqual([
			["F", ["flow"]],
			["L", ["long-term migrant"]],
			["M", ["metadata"]],
			["N", ["NOTE"]],
			["S", ["stock"]],
			["U", ["usual residence"]],
			["V", ["validation"]],
		]);
		expect(groups.at(-1)!.entries[0]).toEqual({
			id: "validation",
			term: "validation",
			abbr: "VAL",
			other: { lang: "ru", term: "проверка" },
			definition: "Checking a table against the rules of the mechanism before it is accepted.",
			source: "DSM validation rules",
		});
	});

	test("in Russian: by the Russian term, with its note", () => {
		const groups = glossaryByLetter(glossary, "ru", "ru-RU");
		expect(groups.map((group) => group.letter)).toEqual(["Д", "М", "О", "П", "Ч"]);
		expect(groups.find((group) => group.letter === "П")!.entries.map((e) => e.term)).toEqual([
			"поток",
			"пояснительная записка (NOTE)",
			"проверка",
		]);
		expect(groups.find((group) => group.letter === "П")!.entries[1]).toMatchObject({
			other: { lang: "en", term: "NOTE" },
			note: "В тексте МОД — «пояснительная записка (NOTE)», затем «пояснительная записка».",
		});
	});
});
