import fs from "node:fs";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import remarkGfm from "remark-gfm";
import { contentComponents } from "~/components/content/components";
import { readContentSource } from "~/domain/content/content-source.server";
import { listModules as listContentModules, type ContentModule } from "~/domain/content/modules";
import { TRACK_FILE, type ModuleFrontmatter } from "~/domain/content/schema";
import type { ModuleFolder } from "~/domain/content/source";
import { listTracks, type ContentTrack } from "~/domain/content/tracks";
import { parseGift } from "~/domain/gift/parse";
import { createQuestionBank, type QuestionBank } from "~/domain/quiz/bank";
import { catalogues } from "./i18n.server";
import { I18nProvider, type Language } from "./i18n";

/**
 * Training content, read from content/ and kept in memory; editing it needs
 * no restart. Lessons are compiled and rendered on the server.
 */

/**
 * The programme's fourteen modules; modules numbered after them are the
 * trainer track's own units (docs/decisions/0009-trainer-units-as-modules.md).
 */
export const PROGRAMME_MODULES = 14;

export function isProgrammeModule(module: ModuleInfo) {
	return module.meta.number <= PROGRAMME_MODULES;
}

/** The content folder: modules/ and tracks/ (docs/content-format.md). */
export const CONTENT_ROOT = path.resolve(process.env.CONTENT_DIR ?? "content");

export type Localized = { en: string; ru?: string };

export type SectionInfo = { id: string; title: Localized; file: string };

export type ModuleInfo = {
	slug: string;
	/** The module's folder, absolute. */
	dir: string;
	meta: ModuleFrontmatter;
	sections: SectionInfo[];
	hasQuiz: boolean;
	hasTrainerGuide: boolean;
	/** The parsed quiz.gift; null when the module has none. */
	bank: QuestionBank | null;
};

export type TrackInfo = ContentTrack & { file: string; modules: ModuleInfo[] };

type Content = { modules: ModuleInfo[]; tracks: TrackInfo[] };

/**
 * The content as the domain loader reads it (app/domain/content), kept in
 * memory and read again when a file is added, removed or changed. The files'
 * modification times are compared at most once a second.
 */
let loaded: { signature: string; content: Promise<Content> } | undefined;
let checkedAt = 0;

function loadContent(): Promise<Content> {
	if (loaded && Date.now() - checkedAt < 1000) return loaded.content;
	checkedAt = Date.now();
	const signature = contentSignature(CONTENT_ROOT);
	if (loaded?.signature !== signature) loaded = { signature, content: readContent(CONTENT_ROOT) };
	return loaded.content;
}

async function readContent(root: string): Promise<Content> {
	const source = await readContentSource(root);
	const listed = listContentModules(source.modules);
	const modules = listed.modules.map((module) => moduleInfo(root, module, source.modules));
	const bySlug = new Map(modules.map((m) => [m.slug, m]));
	const listedTracks = listTracks(source.tracks, new Set(bySlug.keys()));
	const tracks = listedTracks.tracks.map((track) => ({
		...track,
		file: path.join(root, "tracks", source.tracks.find((f) => TRACK_FILE.exec(f.name)?.[1] === track.slug)!.name),
		modules: track.frontmatter.modules.map((slug) => bySlug.get(slug)!),
	}));
	const problems = [...listed.problems, ...listedTracks.problems];
	if (problems.length) {
		// The site shows what is sound; `npm run content:check` names the rest.
		console.error(problems.map((p) => `content/${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`).join("\n"));
	}
	return { modules, tracks };
}

function moduleInfo(root: string, module: ContentModule, folders: readonly ModuleFolder[]): ModuleInfo {
	const dir = path.join(root, "modules", module.dir);
	const files = folders.find((f) => f.name === module.dir)!.files;
	const gift = files.get("quiz.gift");
	return {
		slug: module.slug,
		dir,
		meta: module.frontmatter,
		sections: module.sections.map((s) => ({ id: s.id, title: s.title, file: path.join(dir, s.file) })),
		hasQuiz: gift !== undefined,
		hasTrainerGuide: files.has("trainer.mdx"),
		bank: gift === undefined ? null : questionBank(gift, path.join(dir, "quiz.gift")),
	};
}

function questionBank(source: string, file: string) {
	const { questions, errors } = parseGift(source);
	if (errors.length) {
		const lines = errors.map((e) => `${file}:${e.line}: ${e.message}`).join("\n");
		throw new Error(`Invalid quiz (run npm run content:check):\n${lines}`);
	}
	return createQuestionBank(questions);
}

/** Every file's path and modification time: what tells that the content changed. */
function contentSignature(root: string) {
	const parts: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else parts.push(`${full}:${fs.statSync(full).mtimeMs}`);
		}
	};
	if (fs.existsSync(root)) walk(root);
	return parts.join("|");
}

/** Every module, in the order of its number. */
export async function listModules() {
	return (await loadContent()).modules;
}

export async function getModule(slug: string) {
	return (await listModules()).find((module) => module.slug === slug);
}

/** Every track, in file-name order. */
export async function listTracksInfo() {
	return (await loadContent()).tracks;
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
	if (!module.bank) throw new Response("Not found", { status: 404 });
	return module.bank;
}

export function localized(text: Localized, language: Language) {
	return (language === "ru" && text.ru) || text.en;
}
