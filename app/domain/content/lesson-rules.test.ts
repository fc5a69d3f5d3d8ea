import { describe, expect, test } from "vitest";
import { checkLessonFile } from "./lesson-rules";
import { countWords } from "./mdx";

const assets = new Set(["images/flows.svg"]);

function problems(body: string, kind: "module" | "section" | "trainer" = "section") {
	return checkLessonFile(body, kind, assets).problems;
}

describe("checkLessonFile", () => {
	test("the components with their props, images of the module, and lesson links pass", () => {
		const body = `### Heading

<Definition term="Migrant" source="UN, para. 32">Text.</Definition>

<Example country="Moldova" title="A case">Text.</Example>

<Note>Text.</Note>

<Figure src="./images/flows.svg" alt="Flows" caption="Flows" />

![Flows](images/flows.svg) and [a lesson](/modules/x/y), [the web](https://un.org), [a place](#top).

<Exercise title="Do it" link="assessment">Text.</Exercise>

{/* a comment for authors */}

<KeyPoints>
- one
</KeyPoints>
`;
		const { facts: _facts, ...report } = checkLessonFile(body, "section", assets);
		expect(report).toEqual({
			problems: [],
			moduleLinks: [{ url: "/modules/x/y", line: 11 }],
			words: 13,
		});
	});

	test("props written as expressions or spread are refused", () => {
		expect(problems('<Figure src={img} alt="a" caption="b" {...rest} />')).toEqual([
			{ line: 1, message: "<Figure> src={…}: write props as plain text in quotes" },
			{ line: 1, message: "<Figure> {...props}: write props as plain text in quotes" },
		]);
	});

	test("HTML elements are not lesson components either", () => {
		expect(problems("Line<br />break")).toEqual([
			{ line: 1, message: "<br> is not a lesson component: use Definition, Example, Note, Figure, Exercise, ModelAnswer, KeyPoints, Term, or markdown" },
		]);
	});

	test.each([
		["![Map](/images/map.png)", "the image /images/map.png: name images relative to the module folder (images/…)"],
		["![Map](../other/images/map.png)", "the image ../other/images/map.png is not in the module's images/ folder"],
		["![Map](images/../secret.png)", "the image images/../secret.png is not in the module's images/ folder"],
		["![Map](//cdn.example.org/map.png)", "the image //cdn.example.org/map.png is on the web: put it in the module's images/ folder"],
	])("%s is refused", (body, message) => {
		expect(problems(body)).toEqual([{ line: 1, message }]);
	});

	test("only sections keep their headings at ### and below", () => {
		expect(problems("## Section", "module")).toEqual([]);
		expect(problems("# Title\n\n#### Deep")).toEqual([
			{ line: 1, message: "a # heading: headings in a section start at ### (the page gives the section ##)" },
		]);
	});

	test("a trainer guide has its five ## sections, in any wording that starts with their names", () => {
		const guide = [
			"## Session plan (three hours)",
			"## Discussion questions",
			"## Common misconceptions and how to address them",
			"## Answers to the exercise",
			"## Delivering it online",
		].join("\n\n");
		expect(problems(guide, "trainer")).toEqual([]);
		expect(problems("## Session plan", "trainer")).toHaveLength(4);
	});

	test("MDX that would not compile is reported on its line", () => {
		expect(problems("Text\n\nA brace { left open\n")).toEqual([
			{ line: 3, message: expect.stringMatching(/^MDX does not compile: /) },
		]);
	});
});

describe("countWords", () => {
	test("counts words of letters or digits, in any script; 12-month and don't are one word", () => {
		expect(countWords("A 12-month stay doesn't change — Обычное место жительства, 2026.")).toBe(9);
	});

	test("the lesson count leaves out code blocks, HTML, props and link targets", () => {
		const body = 'One `two` [three](/modules/x)\n\n```\nnot counted\n```\n\n<Note title="not counted">four</Note>\n';
		expect(checkLessonFile(body, "module", assets).words).toBe(4);
	});
});

describe("Term, ModelAnswer and the exercise's sandbox id", () => {
	test("a term stands in a sentence, never inside a link, with a slug for an id", () => {
		expect(problems('A <Term id="stock">stock</Term> counts.')).toEqual([]);
		expect(problems('<Term id="stock">\nstock\n</Term>')).toEqual([
			{ line: 1, message: "<Term> stands inside a sentence, not on a line of its own" },
		]);
		expect(problems('[a <Term id="stock">stock</Term>](/glossary)')).toEqual([
			{ line: 1, message: "<Term> inside a link: a link cannot hold another link" },
		]);
		expect(problems('A <Term id="Stock_1">stock</Term>.')).toEqual([
			{ line: 1, message: '<Term id="Stock_1">: a term\'s id is a lowercase slug' },
		]);
		expect(problems("A <Term>stock</Term>.")).toEqual([{ line: 1, message: '<Term> needs id="…"' }]);
	});

	test("a model answer is the last thing in its exercise or right after it", () => {
		const inside = '<Exercise title="Do it">\nTask.\n\n<ModelAnswer>\nAnswer.\n</ModelAnswer>\n</Exercise>\n';
		const after = '<Exercise title="Do it">\nTask.\n</Exercise>\n\n<ModelAnswer>\nAnswer.\n</ModelAnswer>\n';
		const alone = "Text.\n\n<ModelAnswer>\nAnswer.\n</ModelAnswer>\n";
		const elsewhere = '<Note>\n<ModelAnswer>\nAnswer.\n</ModelAnswer>\n</Note>\n';
		expect(problems(inside)).toEqual([]);
		expect(problems(after)).toEqual([]);
		expect(problems(alone)).toEqual([{ line: 3, message: "<ModelAnswer> belongs inside an <Exercise>, or right after one" }]);
		expect(problems(elsewhere)).toEqual([{ line: 2, message: "<ModelAnswer> belongs inside an <Exercise>, or right after one" }]);
	});

	test("an exercise's sandbox id comes with link=sandbox and is a slug", () => {
		expect(problems('<Exercise title="T" link="sandbox" exercise="find-and-fix">\nTask.\n</Exercise>')).toEqual([]);
		expect(problems('<Exercise title="T" link="sandbox" exercise="find-and-fix-ind5">\nTask.\n</Exercise>')).toEqual([
			{
				line: 1,
				message:
					'<Exercise exercise="find-and-fix-ind5">: the sandbox has no such exercise (app/domain/sandbox/exercises.ts)',
			},
		]);
		expect(problems('<Exercise title="T" link="assessment" exercise="Find fix">\nTask.\n</Exercise>')).toEqual([
			{ line: 1, message: '<Exercise exercise="Find fix">: a sandbox exercise needs link="sandbox"' },
			{ line: 1, message: '<Exercise exercise="Find fix">: the exercise is a lowercase slug' },
		]);
	});
});
