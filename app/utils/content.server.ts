import fs from "node:fs";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import remarkGfm from "remark-gfm";
import { contentComponents } from "~/components/content/components";
import { readFrontmatter } from "~/domain/content/frontmatter";
import {
	MODULE_DIR,
	moduleFrontmatterSchema,
	SECTION_FILE,
	sectionFrontmatterSchema,
	type ModuleFrontmatter,
} from "~/domain/content/schema";
import { parseGift } from "~/domain/gift/parse";
import { createQuestionBank, type QuestionBank } from "~/domain/quiz/bank";
import { catalogues } from "./i18n.server";
import { I18nProvider, type Language } from "./i18n";

/**
 * Training content, read from content/modules and kept in memory. Every
 * cached value remembers the modification time of the file it came from and
 * is read again when the file changes, so editing content needs no restart.
 */

/**
 * The programme's fourteen modules; modules numbered after them are the
 * trainer track's own units (docs/decisions/0009-trainer-units-as-modules.md).
 */
export const PROGRAMME_MODULES = 14;

export function isProgrammeModule(module: ModuleInfo) {
	return module.meta.number <= PROGRAMME_MODULES;
}

export const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? "content/modules");

export type Localized = { en: string; ru?: string };

export type SectionInfo = { id: string; title: Localized; file: string };

export type ModuleInfo = {
	slug: string;
	dir: string;
	meta: ModuleFrontmatter;
	sections: SectionInfo[];
	hasQuiz: boolean;
	hasTrainerGuide: boolean;
};

const byFile = new Map<string, { mtimeMs: number; value: unknown }>();

/** `read(file)` once per modification time of `file`. */
function cachedByFile<T>(file: string, key: string, read: () => T): T {
	const mtimeMs = fs.statSync(file).mtimeMs;
	const cacheKey = `${key}\0${file}`;
	const hit = byFile.get(cacheKey);
	if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
	const value = read();
	byFile.set(cacheKey, { mtimeMs, value });
	return value;
}

/** Every module, in the order of its number. */
export function listModules(): ModuleInfo[] {
	return fs
		.readdirSync(CONTENT_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && MODULE_DIR.test(entry.name))
		.map((entry) => readModule(path.join(CONTENT_DIR, entry.name)))
		.sort((a, b) => a.meta.number - b.meta.number);
}

export function getModule(slug: string): ModuleInfo | undefined {
	return listModules().find((module) => module.slug === slug);
}

function readModule(dir: string): ModuleInfo {
	const [, , slug] = MODULE_DIR.exec(path.basename(dir))!;
	const metaFile = path.join(dir, "module.mdx");
	const meta = cachedByFile(metaFile, "meta", () => readValid(metaFile, moduleFrontmatterSchema));
	const files = fs.readdirSync(dir);
	const sections = files
		.filter((name) => SECTION_FILE.test(name))
		.sort()
		.map((name) => {
			const file = path.join(dir, name);
			const { title } = cachedByFile(file, "section", () => readValid(file, sectionFrontmatterSchema));
			return { id: SECTION_FILE.exec(name)![2]!, title, file };
		});
	return {
		slug: slug!,
		dir,
		meta,
		sections,
		hasQuiz: files.includes("quiz.gift"),
		hasTrainerGuide: files.includes("trainer.mdx"),
	};
}

function readValid<T>(file: string, schema: Parameters<typeof readFrontmatter<T>>[1]): T {
	const result = readFrontmatter(fs.readFileSync(file, "utf8"), schema);
	if (result.problems.length) {
		const problems = result.problems.map((p) => `${file}:${p.line}: ${p.message}`).join("\n");
		throw new Error(`Invalid content (run npm run content:check):\n${problems}`);
	}
	return result.data as T;
}

/**
 * The HTML of an MDX file (a section, the introduction or the trainer
 * guide): compiled with bundleMDX, rendered with the components made for
 * this material, in the reader's language. Rendered on the server only, so
 * the browser needs no MDX runtime (and the CSP no eval). Compiled once per
 * modification time; rendered once per language.
 */
export async function renderMdx(owner: { slug: string; dir: string }, file: string, language: Language) {
	const mtimeMs = fs.statSync(file).mtimeMs;
	let entry = compiled.get(file);
	if (!entry || entry.mtimeMs !== mtimeMs) {
		entry = { mtimeMs, code: compileMdx(file, owner.dir), html: new Map() };
		compiled.set(file, entry);
	}
	let html = entry.html.get(language);
	if (html === undefined) {
		const Content = getMDXComponent(await entry.code);
		html = renderToStaticMarkup(
			createElement(I18nProvider, {
				language,
				catalogue: catalogues[language],
				children: createElement(Content, { components: contentComponents(owner.slug) }),
			}),
		);
		entry.html.set(language, html);
	}
	return html;
}

const compiled = new Map<string, { mtimeMs: number; code: Promise<string>; html: Map<Language, string> }>();

/** Forgets every compiled file (for the benchmark's cold start). */
export function clearCompiledContent() {
	compiled.clear();
}

export async function compileMdx(file: string, cwd: string) {
	const { code } = await bundleMDX({
		source: fs.readFileSync(file, "utf8"),
		cwd,
		mdxOptions(options) {
			options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
			return options;
		},
	});
	return code;
}

/** The module's question bank, parsed from quiz.gift. */
export function getQuestionBank(module: ModuleInfo): QuestionBank {
	const file = path.join(module.dir, "quiz.gift");
	return cachedByFile(file, "bank", () => {
		const { questions, errors } = parseGift(fs.readFileSync(file, "utf8"));
		if (errors.length) {
			const lines = errors.map((e) => `${file}:${e.line}: ${e.message}`).join("\n");
			throw new Error(`Invalid quiz (run npm run content:check):\n${lines}`);
		}
		return createQuestionBank(questions);
	});
}

export function localized(text: Localized, language: Language) {
	return (language === "ru" && text.ru) || text.en;
}
