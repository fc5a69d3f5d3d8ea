import { expect, test } from "vitest";
import { listModules } from "./modules";
import { DEFAULT_ATTEMPTS } from "./schema";
import type { ModuleFolder } from "./source";

function folder(name: string, number: number): ModuleFolder {
	const module = `---
number: ${number}
title: { en: Module ${number}, ru: Модуль ${number} }
summary: { en: Summary, ru: Резюме }
durationMinutes: 30
objectives: [{ en: One }, { en: Two }, { en: Three }]
audience: [it-staff]
level: advanced
version: 1.0.0
lastReviewed: 2026-11-28
sources: [{ title: A source }]
---
`;
	const section = "---\ntitle: { en: Only section }\n---\n\n### Text\n";
	return { name, files: new Map([["module.mdx", module], ["01.only.mdx", section]]), assets: new Set() };
}

test("lists the modules by number, with quiz defaults, and leaves out a broken one with its problems", () => {
	const broken: ModuleFolder = { name: "03.broken", files: new Map(), assets: new Set() };
	const { modules, problems } = listModules([folder("12.later", 12), broken, folder("02.earlier", 2)]);
	expect(modules.map((module) => [module.slug, module.number, module.sections.map((section) => section.title.en)])).toEqual([
		["earlier", 2, ["Only section"]],
		["later", 12, ["Only section"]],
	]);
	expect(modules[0]?.frontmatter.quiz).toMatchObject({
		passMark: 70,
		attempts: DEFAULT_ATTEMPTS,
		waitMinutes: 0,
		questionsPerAttempt: null,
		shuffle: true,
	});
	expect(problems.map((problem) => problem.file)).toEqual(["modules/03.broken/module.mdx", "modules/03.broken"]);
});

test("a folder whose number disagrees with its frontmatter is left out", () => {
	const { modules, problems } = listModules([folder("05.misnumbered", 4)]);
	expect(modules).toEqual([]);
	expect(problems).toEqual([
		{ file: "modules/05.misnumbered/module.mdx", line: 2, message: "number is 4, but the folder is numbered 5" },
	]);
});
