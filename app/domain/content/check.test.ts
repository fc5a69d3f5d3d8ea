import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkContent } from "./check";
import { readContentSource } from "./content-source.server";
import { listModules } from "./modules";
import type { Problem } from "./source";

const FIXTURES = path.resolve("tests/fixtures/content");

function print({ file, line, message }: Problem): string {
	return `${file}${line === undefined ? "" : `:${line}`}: ${message}`;
}

describe("checkContent on fixture folders", () => {
	test("a module that keeps every rule, and a track, have no problem", async () => {
		const source = await readContentSource(path.join(FIXTURES, "valid"));
		expect(source.modules.map((module) => module.name)).toEqual(["01.counting-migrants"]);
		expect(source.tracks.map((track) => track.name)).toEqual(["data-officers.mdx", "data-officers.ru.mdx"]);
		expect(source.glossary).toContain("id: usual-residence");
		expect(checkContent(source).map(print)).toEqual([]);
	});

	test("the valid module is listed with its sections in reading order", async () => {
		const { modules, problems } = listModules((await readContentSource(path.join(FIXTURES, "valid"))).modules);
		expect(problems).toEqual([]);
		expect(modules.map(({ dir, number, slug, sections }) => ({ dir, number, slug, sections: sections.map((section) => section.id) }))).toEqual([
			{
				dir: "01.counting-migrants",
				number: 1,
				slug: "counting-migrants",
				sections: ["usual-residence", "stocks-and-flows", "sources-and-metadata", "checking-the-figures"],
			},
		]);
		expect(modules[0]?.frontmatter).toMatchObject({ lastReviewed: "2026-11-28", quiz: { passMark: 70, attempts: 3 } });
	});

	test("every broken rule is reported with its file and line", async () => {
		const problems = checkContent(await readContentSource(path.join(FIXTURES, "broken")));
		expect(problems.map(print)).toEqual([
			"glossary/terms.yaml: missing: the glossary of the curriculum's terms (docs/content-format.md)",
			"modules/02.broken-frontmatter: the module has no section files (01.section-id.mdx …)",
			"modules/02.broken-frontmatter/module.mdx: the sections hold 0 words of lesson text; a module needs at least 2,500",
			"modules/02.broken-frontmatter/module.mdx:3: title.ru: required",
			"modules/02.broken-frontmatter/module.mdx:9: objectives: Too small: expected array to have >=3 items",
			"modules/02.broken-frontmatter/module.mdx:12: audience.1: Invalid option: expected one of \"data-officers\"|\"policy-makers\"|\"it-staff\"|\"trainers\"",
			"modules/02.broken-frontmatter/module.mdx:14: version: version must look like 1.0.0",
			"modules/02.broken-frontmatter/module.mdx:18: sources.0.url: Invalid URL",
			"modules/02.broken-frontmatter/module.mdx:19: quizz: unknown key",
			"modules/02.broken-frontmatter/module.ru.mdx: missing: the Russian translation of module.mdx",
			"modules/02.broken-frontmatter/quiz.gift: missing: every module has a quiz",
			"modules/02.broken-frontmatter/trainer.mdx: missing: every module has a trainer guide",
			"modules/03.broken-lesson/01.intro.mdx:6: a ## heading: headings in a section start at ### (the page gives the section ##)",
			"modules/03.broken-lesson/01.intro.mdx:8: <Warning> is not a lesson component: use Definition, Example, Note, Figure, Exercise, ModelAnswer, KeyPoints, Term, or markdown",
			"modules/03.broken-lesson/01.intro.mdx:10: <Definition> needs source=\"…\"",
			"modules/03.broken-lesson/01.intro.mdx:12: <Figure> has no prop width",
			"modules/03.broken-lesson/01.intro.mdx:12: <Figure> needs alt=\"…\"",
			"modules/03.broken-lesson/01.intro.mdx:12: the image images/missing.svg does not exist",
			"modules/03.broken-lesson/01.intro.mdx:14: the image https://example.org/photo.png is on the web: put it in the module's images/ folder",
			"modules/03.broken-lesson/01.intro.mdx:14: the image https://example.org/photo.png has no alt text: ![what it shows](https://example.org/photo.png)",
			"modules/03.broken-lesson/01.intro.mdx:16: the link /modules/nowhere goes nowhere: there is no module nowhere",
			"modules/03.broken-lesson/01.intro.mdx:16: the link /modules/broken-lesson/missing-section goes nowhere: module broken-lesson has no section missing-section",
			"modules/03.broken-lesson/01.intro.mdx:17: the relative link ../04.x/01.y.mdx goes nowhere on the site: link lessons as /modules/<slug>/<section-id>",
			"modules/03.broken-lesson/01.intro.mdx:17: the link /modules/broken-lesson/intro/more goes nowhere: link /modules/<slug> or /modules/<slug>/<section-id>",
			"modules/03.broken-lesson/01.intro.mdx:19: <Exercise link=\"elsewhere\">: link is sandbox or assessment",
			"modules/03.broken-lesson/01.intro.mdx:21: {…} is JavaScript, not lesson text: write \\{ for a literal brace",
			"modules/03.broken-lesson/01.intro.mdx:23: import and export are not used in lessons: the page provides the components",
			"modules/03.broken-lesson/01.intro.ru.mdx: missing: the Russian translation of 01.intro.mdx",
			"modules/03.broken-lesson/02.syntax.mdx:6: MDX does not compile: Expected a closing tag for `<Note>` (6:1-6:7)",
			"modules/03.broken-lesson/02.syntax.ru.mdx: missing: the Russian translation of 02.syntax.mdx",
			"modules/03.broken-lesson/04.gap.mdx: sections are numbered 01, 02… without gaps or repeats; expected 03",
			"modules/03.broken-lesson/04.gap.mdx:2: title: Invalid input: expected object, received string",
			"modules/03.broken-lesson/04.gap.ru.mdx: missing: the Russian translation of 04.gap.mdx",
			"modules/03.broken-lesson/05.latin.mdx: the file is not UTF-8",
			"modules/03.broken-lesson/images/photo.jpg: figures are SVG or PNG files in images/",
			"modules/03.broken-lesson/module.mdx: the sections hold 44 words of lesson text; a module needs at least 2,500",
			"modules/03.broken-lesson/module.mdx:12: objective 2 is tested by no question: tag one [tag:objective-2] in quiz.gift",
			"modules/03.broken-lesson/module.mdx:21: quiz.questionsPerAttempt is 20, but quiz.gift has 6 questions",
			"modules/03.broken-lesson/module.ru.mdx: missing: the Russian translation of module.mdx",
			"modules/03.broken-lesson/notes.md: not a file of a module: sections are named NN.section-id.mdx, beside module.mdx, quiz.gift and trainer.mdx, each with its Russian twin (….ru.mdx, quiz.ru.gift)",
			"modules/03.broken-lesson/quiz.gift:1: the quiz has 6 questions; a module needs at least 12",
			"modules/03.broken-lesson/quiz.gift:2: \"m03-q01 No feedback\": the answer \"right\" has no feedback (#…)",
			"modules/03.broken-lesson/quiz.gift:2: \"m03-q01 No feedback\": the answer \"wrong\" has no feedback (#…)",
			"modules/03.broken-lesson/quiz.gift:5: [id:m03-q01] is already the id of the question on line 2",
			"modules/03.broken-lesson/quiz.gift:8: \"m03-q02 Objective out of range\": [tag:objective-9], but the module has 3 objectives",
			"modules/03.broken-lesson/quiz.gift:11: \"m03-q02 Same id in the title\": the id m03-q02 is already used by the question on line 8",
			"modules/03.broken-lesson/quiz.gift:14: \"m03-q03 Wrong module, no objective\": the title starts with m03-q03 but the comment gives [id:m04-q03]",
			"modules/03.broken-lesson/quiz.gift:14: \"m03-q03 Wrong module, no objective\": the id m04-q03 belongs to module 4, not 3",
			"modules/03.broken-lesson/quiz.gift:14: \"m03-q03 Wrong module, no objective\": tests no objective: add [tag:objective-N] to the comment above it",
			"modules/03.broken-lesson/quiz.gift:14: \"m03-q03 Wrong module, no objective\": a matching question explains itself in general feedback (####…)",
			"modules/03.broken-lesson/quiz.gift:16: \"No id\": no id: put [id:m04-q01] in the comment above it, or start the title with the id",
			"modules/03.broken-lesson/quiz.gift:16: \"No id\": tests no objective: add [tag:objective-N] to the comment above it",
			"modules/03.broken-lesson/quiz.gift:19: \"Untitled?\": no title: write ::m04-q01 Short title:: before the text",
			"modules/03.broken-lesson/quiz.gift:19: \"Untitled?\": no id: put [id:m04-q01] in the comment above it, or start the title with the id",
			"modules/03.broken-lesson/quiz.gift:19: \"Untitled?\": no feedback for a right answer (after the second #)",
			"modules/03.broken-lesson/quiz.gift:22: '{' without '}': close the answers, and keep blank lines out of a question (use \\n)",
			"modules/03.broken-lesson/quiz.ru.gift: missing: the Russian translation of quiz.gift",
			"modules/03.broken-lesson/trainer.mdx:1: the trainer guide has no \"## Discussion questions\" section",
			"modules/03.broken-lesson/trainer.mdx:1: the trainer guide has no \"## Common misconceptions\" section",
			"modules/03.broken-lesson/trainer.mdx:1: the trainer guide has no \"## Answers to the exercise\" section",
			"modules/03.broken-lesson/trainer.mdx:1: the trainer guide has no \"## Delivering it online\" section",
			"modules/03.broken-lesson/trainer.ru.mdx: missing: the Russian translation of trainer.mdx",
			"modules/1.bad-name: a module folder is named NN.slug: two digits, a dot, a lowercase slug (04.basic-concepts)",
			"modules/1.bad-name: the module has no section files (01.section-id.mdx …)",
			"modules/1.bad-name/module.mdx: the sections hold 0 words of lesson text; a module needs at least 2,500",
			"modules/1.bad-name/module.mdx:1: title: required",
			"modules/1.bad-name/module.mdx:1: summary: required",
			"modules/1.bad-name/module.mdx:1: durationMinutes: required",
			"modules/1.bad-name/module.mdx:1: objectives: required",
			"modules/1.bad-name/module.mdx:1: audience: required",
			"modules/1.bad-name/module.mdx:1: level: required",
			"modules/1.bad-name/module.mdx:1: version: required",
			"modules/1.bad-name/module.mdx:1: lastReviewed: required",
			"modules/1.bad-name/module.mdx:1: sources: required",
			"modules/1.bad-name/quiz.gift: missing: every module has a quiz",
			"modules/1.bad-name/trainer.mdx: missing: every module has a trainer guide",
			"modules/README.md: modules/ holds module folders only",
			"tracks/Bad Name.md: a track file is named after its slug: data-officers.mdx",
			"tracks/Bad Name.md:1: summary: required",
			"tracks/Bad Name.md:1: audience: required",
			"tracks/Bad Name.md:1: modules: required",
			"tracks/Bad Name.md:2: title.ru: required",
			"tracks/policy-makers.mdx:11: modules: there is no module nowhere",
			"tracks/policy-makers.mdx:12: modules: broken-lesson comes twice",
			"tracks/readme.txt: tracks/ holds track files (.mdx or .md) only",
		]);
	});

	test("an empty content folder is a problem, not a pass", () => {
		expect(checkContent({ modules: [], tracks: [], strayFiles: [], notUtf8: [] })).toEqual([
			{ file: "glossary/terms.yaml", message: "missing: the glossary of the curriculum's terms (docs/content-format.md)" },
			{ file: "modules", message: "there are no modules" },
		]);
	});
});
