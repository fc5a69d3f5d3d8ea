import fs from "node:fs";
import path from "node:path";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { contentComponents } from "~/components/content/components";
import { readContentSource } from "~/domain/content/content-source.server";
import { EMPTY_GLOSSARY, GLOSSARY_FILE, readGlossary, type Glossary } from "~/domain/content/glossary";
import { listModules as listContentModules, type ContentModule } from "~/domain/content/modules";
import { TRACK_FILE, type ModuleFrontmatter } from "~/domain/content/schema";
import type { ModuleFolder } from "~/domain/content/source";
import { listTracks, type ContentTrack } from "~/domain/content/tracks";
import { twinFile } from "~/domain/content/twins";
import { parseGift } from "~/domain/gift/parse";
import type { QuestionBank } from "~/domain/quiz/bank";
import { bilingualBanks, translationProblems, type BilingualBanks } from "~/domain/quiz/bilingual";
import type { LocalizedText, RenderedContent } from "~/components/content/content-body";
import { catalogues } from "./i18n.server";
import { I18nProvider, type Language } from "./i18n";
import { compileMdx } from "./mdx-compile.server";

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
	/** The parsed quiz.gift, and quiz.ru.gift on its key (app/domain/quiz/bilingual.ts); null when the module has no quiz. */
	banks: BilingualBanks | null;
};

export type TrackInfo = ContentTrack & { file: string; modules: ModuleInfo[] };

type Content = { modules: ModuleInfo[]; tracks: TrackInfo[]; glossary: Glossary; version: number };

/**
 * The content as the domain loader reads it (app/domain/content), kept in
 * memory and read again when a file is added, removed or changed. The files'
 * modification times are compared at most once a second.
 */
let loaded: { signature: string; content: Promise<Content>; files: ReadonlyMap<string, number> } | undefined;
let checkedAt = 0;
let loads = 0;

function loadContent(): Promise<Content> {
	return loadedContent().content;
}

function loadedContent() {
	if (loaded && Date.now() - checkedAt < 1000) return loaded;
	checkedAt = Date.now();
	const { signature, files } = contentSignature(CONTENT_ROOT);
	if (loaded?.signature !== signature) loaded = { signature, content: readContent(CONTENT_ROOT, ++loads), files };
	return loaded;
}

/**
 * A content file's modification time as the last look at the folder found it (at most a second
 * old), or undefined when there is no such file: a page asks no file system for it.
 */
function modifiedAt(file: string): number | undefined {
	const { files } = loadedContent();
	if (file.startsWith(CONTENT_ROOT + path.sep)) return files.get(file);
	return fs.existsSync(file) ? fs.statSync(file).mtimeMs : undefined;
}

async function readContent(root: string, version: number): Promise<Content> {
	const source = await readContentSource(root);
	const glossary =
		source.glossary === undefined ? { glossary: EMPTY_GLOSSARY, problems: [] } : readGlossary(source.glossary);
	const listed = listContentModules(source.modules);
	const modules = listed.modules.map((module) => moduleInfo(root, module, source.modules));
	const bySlug = new Map(modules.map((m) => [m.slug, m]));
	const listedTracks = listTracks(source.tracks, new Set(bySlug.keys()));
	const tracks = listedTracks.tracks.map((track) => ({
		...track,
		file: path.join(root, "tracks", source.tracks.find((f) => TRACK_FILE.exec(f.name)?.[1] === track.slug)!.name),
		modules: track.frontmatter.modules.map((slug) => bySlug.get(slug)!),
	}));
	const problems = [
		...listed.problems,
		...listedTracks.problems,
		...glossary.problems.map((problem) => ({ file: GLOSSARY_FILE, ...problem })),
	];
	if (problems.length) {
		// The site shows what is sound; `npm run content:check` names the rest.
		console.error(problems.map((p) => `content/${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`).join("\n"));
	}
	return { modules, tracks, glossary: glossary.glossary, version };
}

function moduleInfo(root: string, module: ContentModule, folders: readonly ModuleFolder[]): ModuleInfo {
	const dir = path.join(root, "modules", module.dir);
	const files = folders.find((f) => f.name === module.dir)!.files;
	const gift = files.get("quiz.gift");
	const giftRu = files.get("quiz.ru.gift");
	return {
		slug: module.slug,
		dir,
		meta: module.frontmatter,
		sections: module.sections.map((s) => ({ id: s.id, title: s.title, file: path.join(dir, s.file) })),
		hasQuiz: gift !== undefined,
		hasTrainerGuide: files.has("trainer.mdx"),
		banks: gift === undefined ? null : questionBanks(dir, gift, giftRu),
	};
}

/**
 * The module's banks. An English bank that does not parse is an error (run content:check); a
 * Russian one that does not parse or parts from the English key is left out, with its problems
 * logged, so that Russian readers see the English questions rather than a wrong key.
 */
function questionBanks(dir: string, gift: string, giftRu: string | undefined): BilingualBanks {
	const english = parseGift(gift);
	const report = (file: string, problems: readonly { line: number; message: string }[]) =>
		problems.map((p) => `${path.join(dir, file)}:${p.line}: ${p.message}`).join("\n");
	if (english.errors.length)
		throw new Error(`Invalid quiz (run npm run content:check):\n${report("quiz.gift", english.errors)}`);
	const russian = giftRu === undefined ? null : parseGift(giftRu);
	if (russian) {
		const problems = [...russian.errors, ...translationProblems(english.questions, russian.questions)];
		if (problems.length) {
			console.error(
				`${report("quiz.ru.gift", problems)}\nThe Russian quiz is not used until it fits quiz.gift (npm run content:check).`,
			);
			return bilingualBanks(english.questions, null);
		}
	}
	return bilingualBanks(english.questions, russian?.questions ?? null);
}

/** Every file's path and modification time: what tells that the content changed. */
function contentSignature(root: string) {
	const parts: string[] = [];
	const files = new Map<string, number>();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else {
				const mtimeMs = fs.statSync(full).mtimeMs;
				files.set(full, mtimeMs);
				parts.push(`${full}:${mtimeMs}`);
			}
		}
	};
	if (fs.existsSync(root)) walk(root);
	return { signature: parts.join("|"), files };
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

/** The glossary of content/glossary/terms.yaml, from memory. */
export async function getGlossary() {
	return (await loadContent()).glossary;
}

/**
 * An MDX file (a section, the introduction, the trainer guide, a track's
 * body) in the reader's language: its Russian twin (`….ru.mdx`) for a
 * Russian reader when there is one; else the English, marked `lang="en"`
 * and, for a Russian reader, `fallback` so the page says it is not yet
 * translated (docs/decisions/0040-bilingual-content.md). Compiled with
 * bundleMDX in a worker thread (mdx-compile.server.ts), rendered with the
 * lesson components, on the server only, so the browser needs no MDX
 * runtime (and the CSP no eval). Compiled once per modification time;
 * rendered once per language and glossary.
 */
export async function renderMdx(
	owner: { slug: string; dir: string },
	file: string,
	language: Language,
): Promise<RenderedContent> {
	const twin = twinFile(file);
	if (language === "ru" && modifiedAt(twin) !== undefined)
		return { html: await renderFile(owner, twin, "ru"), lang: "ru", fallback: false };
	return { html: await renderFile(owner, file, "en"), lang: "en", fallback: language !== "en" };
}

async function renderFile(owner: { slug: string; dir: string }, file: string, language: Language) {
	const { glossary, version } = await loadContent();
	const mtimeMs = modifiedAt(file);
	if (mtimeMs === undefined) throw new Error(`No content file ${file}`);
	let entry = compiled.get(file);
	if (!entry || entry.mtimeMs !== mtimeMs) {
		entry = { mtimeMs, code: compileMdx(file, owner.dir), version, html: new Map() };
		compiled.set(file, entry);
	} else if (entry.version !== version) {
		// The HTML holds the glossary's definitions: rendered again once the content (the glossary perhaps) changed.
		entry = { ...entry, version, html: new Map() };
		compiled.set(file, entry);
	}
	let html = entry.html.get(language);
	if (html === undefined) {
		const Content = getMDXComponent(await entry.code);
		html = renderToStaticMarkup(
			createElement(I18nProvider, {
				language,
				catalogue: catalogues[language],
				children: createElement(Content, { components: contentComponents(owner.slug, glossary) }),
			}),
		);
		entry.html.set(language, html);
	}
	return html;
}

const compiled = new Map<
	string,
	{ mtimeMs: number; code: Promise<string>; version: number; html: Map<Language, string> }
>();

/** Forgets every compiled file (for the benchmark's cold start). */
export function clearCompiledContent() {
	compiled.clear();
}

/** The module's question bank, parsed from quiz.gift: the key every attempt is drawn from and graded by. */
export function getQuestionBank(module: ModuleInfo): QuestionBank {
	if (!module.banks) throw new Response("Not found", { status: 404 });
	return module.banks.en;
}

/**
 * The bank a reader sees: the Russian one on the English key for a Russian reader when there is
 * one; else the English, with `fallback` for a Russian reader (shown `lang="en"` with a notice).
 */
export function getReaderBank(
	module: ModuleInfo,
	language: Language,
): { bank: QuestionBank; lang: Language; fallback: boolean } {
	const key = getQuestionBank(module);
	const russian = module.banks?.ru;
	if (language === "ru" && russian) return { bank: russian, lang: "ru", fallback: false };
	return { bank: key, lang: "en", fallback: language !== "en" };
}

export function localized(text: Localized, language: Language) {
	return (language === "ru" && text.ru) || text.en;
}

/** A text of the frontmatter in the reader's language, with `lang: "en"` where the Russian is missing. */
export function localizedText(text: Localized, language: Language): LocalizedText {
	return language === "ru" && !text.ru ? { text: text.en, lang: "en" } : { text: localized(text, language) };
}
