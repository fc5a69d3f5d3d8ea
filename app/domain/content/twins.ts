import type { LineProblem } from "./frontmatter";
import type { ComponentUse, MdxFacts } from "./mdx";
import { numberDifference, readNumbers } from "./numbers";
import { INLINE_COMPONENTS, KEY_PROPS, type ContentComponent } from "./schema";

/**
 * Russian twins of the English content files (docs/decisions/0040-bilingual-content.md): named
 * with `.ru` before the extension, beside their English file, and kept in step with it.
 */

/** `01.usual-residence.ru.mdx`, `module.ru.mdx`, `quiz.ru.gift`, `data-officers.ru.mdx`. */
export const TWIN_FILE = /\.ru\.(mdx|md|gift)$/;

/** The twin's name: `01.usual-residence.mdx` → `01.usual-residence.ru.mdx`, `quiz.gift` → `quiz.ru.gift`. */
export function twinFile(file: string): string {
	return file.replace(/\.(mdx|md|gift)$/, ".ru.$1");
}

/** The English file a twin translates. */
export function englishFile(twin: string): string {
	return twin.replace(TWIN_FILE, ".$1");
}

/** A twin has no frontmatter: titles, summaries and objectives stay in the English file as `{ en, ru }`. */
export function twinFrontmatterProblem(text: string): LineProblem | undefined {
	return text.split("\n", 1)[0]?.trim() === "---"
		? { line: 1, message: "a translation has no frontmatter: its title stays in the English file's frontmatter as { en, ru }" }
		: undefined;
}

/**
 * Where a twin's structure leaves its English file's: the headings by level; the block components
 * in order, where they stand and their props that are not text (`link`, `exercise`, `src`); the
 * tables and their shape; the set of `<Term>` ids; and the numbers of each worked example (every
 * `<Example>` and table), read by locale. Problems are on the twin's lines.
 */
export function compareTwin(english: MdxFacts, russian: MdxFacts): LineProblem[] {
	return [
		...compareSequences(
			"heading",
			english.headings.map((heading) => ({ line: heading.line, label: "#".repeat(heading.depth) })),
			russian.headings.map((heading) => ({ line: heading.line, label: "#".repeat(heading.depth) })),
		),
		...compareSequences("block", blocks(english), blocks(russian)),
		...compareSequences(
			"table",
			english.tables.map((table) => ({ line: table.line, label: tableShape(table.cells) })),
			russian.tables.map((table) => ({ line: table.line, label: tableShape(table.cells) })),
		),
		...compareTerms(english.components, russian.components),
		...compareNumbers(english.workedExamples, russian.workedExamples),
	];
}

interface Item {
	line: number;
	label: string;
}

/** The first place where two sequences part, as one problem: after it, every item would differ. */
function compareSequences(kind: string, english: readonly Item[], russian: readonly Item[]): LineProblem[] {
	const index = english.findIndex((item, i) => russian[i]?.label !== item.label);
	const at = index === -1 ? english.length : index;
	if (at === english.length && russian.length === english.length) return [];
	const here = russian[at];
	const there = english[at];
	if (here && there) {
		return [{ line: here.line, message: `${kind} ${at + 1} is ${here.label} here but ${there.label} in the English (line ${there.line})` }];
	}
	if (there) {
		const line = russian.at(-1)?.line ?? 1;
		return [{ line, message: `the English has ${english.length} ${kind}s and this file ${russian.length}: ${there.label} (English line ${there.line}) and what follows are missing` }];
	}
	return [{ line: here!.line, message: `the English has ${english.length} ${kind}s and this file ${russian.length}: ${here!.label} here is not in the English` }];
}

/** The block components in document order, each with where it stands and its props that are not text. */
function blocks(facts: MdxFacts): Item[] {
	return facts.components
		.filter((use) => !INLINE_COMPONENTS.includes(use.name as ContentComponent))
		.map((use) => ({ line: use.line, label: blockLabel(use) }));
}

function blockLabel(use: ComponentUse): string {
	const props = KEY_PROPS.filter((prop) => use.props[prop] !== undefined).map((prop) => ` ${prop}="${use.props[prop]}"`);
	return `<${use.name}${props.join("")}>${use.parent ? ` in <${use.parent}>` : ""}`;
}

function tableShape(cells: readonly number[]): string {
	return `a table of ${cells.length} rows × ${Math.max(0, ...cells)} columns`;
}

function compareTerms(english: readonly ComponentUse[], russian: readonly ComponentUse[]): LineProblem[] {
	const ids = (uses: readonly ComponentUse[]) => {
		const byId = new Map<string, number>();
		for (const use of uses) if (use.name === "Term" && use.props.id) byId.set(use.props.id, byId.get(use.props.id) ?? use.line);
		return byId;
	};
	const en = ids(english);
	const ru = ids(russian);
	return [
		...[...en].filter(([id]) => !ru.has(id)).map(([id, line]) => ({ line: 1, message: `<Term id="${id}"> is in the English (line ${line}) but not here` })),
		...[...ru].filter(([id]) => !en.has(id)).map(([id, line]) => ({ line, message: `<Term id="${id}"> is not in the English` })),
	];
}

/** The i-th example (or table) of the twin holds the numbers of the English's i-th, whatever the order of its words. */
function compareNumbers(english: MdxFacts["workedExamples"], russian: MdxFacts["workedExamples"]): LineProblem[] {
	return (["Example", "table"] as const).flatMap((kind) => {
		const en = english.filter((example) => example.kind === kind);
		const ru = russian.filter((example) => example.kind === kind);
		if (en.length !== ru.length) return []; // reported as a block or table out of step
		return en.flatMap((example, index) => {
			const twin = ru[index]!;
			const { missing, extra } = numberDifference(readNumbers(example.text, "en"), readNumbers(twin.text, "ru"));
			if (missing.length === 0 && extra.length === 0) return [];
			const name = kind === "Example" ? "this <Example>" : "this table";
			const parts = [
				...(missing.length ? [`lacks ${listNumbers(missing)}`] : []),
				...(extra.length ? [`has ${listNumbers(extra)}, which the English does not`] : []),
			];
			return [{ line: twin.line, message: `${name} ${parts.join(" and ")} (English line ${example.line}; numbers are read as 1,250.5 in English and 1 250,5 in Russian)` }];
		});
	});
}

function listNumbers(numbers: readonly number[]): string {
	return numbers.map((value) => String(value)).join(", ");
}
