import { z } from "zod";
import { readYaml, yamlLine, type LineProblem } from "./frontmatter";
import { SLUG } from "./schema";

/**
 * The curriculum's term list, content/glossary/terms.yaml (docs/decisions/0040-bilingual-content.md,
 * docs/content-format.md "The glossary"): every technical term in English and Russian, with its
 * source, a one-line definition in both languages, and the Russian forms not to use.
 */

/** Where the glossary lives, from the content folder. */
export const GLOSSARY_FILE = "glossary/terms.yaml";

const text = z.string().trim().min(1);

/** An avoided form: words, any of which may end in `*` ("any ending"). */
const avoidForm = text.refine((form) => !/\*(?!\s|$)/.test(form) && !/(^|\s)\*/.test(form), {
	message: "a * stands only at the end of a word: заявлени* о предоставлении убежища",
});

export const glossaryTermSchema = z.object({
	/** kebab-case and stable: lessons link to /glossary#<id>. */
	id: z.string().regex(SLUG, "an id is a lowercase slug: asylum-seeker"),
	en: text,
	ru: text,
	abbr: z
		.object({ en: text.optional(), ru: text.optional() })
		.refine((abbr) => abbr.en !== undefined || abbr.ru !== undefined, { message: "abbr gives en, ru or both" })
		.optional(),
	avoid: z.array(avoidForm).min(1).optional(),
	source: text,
	definition: z.object({ en: text, ru: text }),
	note: z.object({ en: text.optional(), ru: text.optional() }).optional(),
});

export const glossarySchema = z.object({ terms: z.array(glossaryTermSchema).min(1) });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export interface Glossary {
	/** In the file's order (by id). */
	terms: readonly GlossaryTerm[];
	byId: ReadonlyMap<string, GlossaryTerm>;
	/** The `avoid` forms of every term, as patterns. */
	avoided: readonly AvoidedForm[];
}

export const EMPTY_GLOSSARY: Glossary = { terms: [], byId: new Map(), avoided: [] };

/**
 * Reads terms.yaml: the schema (each problem on its key's line), then ids, English and Russian
 * terms used once each, entries sorted by id, and no avoided form that would forbid a term the
 * glossary itself prescribes. The glossary returned holds the entries that fit the schema, so
 * one broken entry does not hide the others from the site.
 */
export function readGlossary(source: string): { glossary: Glossary; problems: LineProblem[] } {
	const { data, problems } = readYaml(source, glossarySchema);
	const terms = data?.terms ?? soundEntries(source);
	const line = (index: number, key?: string) => yamlLine(source, key ? ["terms", index, key] : ["terms", index]);
	const seen = { id: new Map<string, number>(), en: new Map<string, number>(), ru: new Map<string, number>() };
	terms.forEach((term, index) => {
		for (const key of ["id", "en", "ru"] as const) {
			const value = key === "id" ? term.id : normalize(term[key]).toLowerCase();
			const earlier = seen[key].get(value);
			if (earlier !== undefined) {
				problems.push({ line: line(index, key), message: `${key} "${term[key]}" is already the ${key} of the term on line ${line(earlier)}` });
			} else seen[key].set(value, index);
		}
		const previous = terms[index - 1];
		if (previous && previous.id.localeCompare(term.id, "en") > 0) {
			problems.push({ line: line(index, "id"), message: `terms are sorted by id: ${term.id} comes before ${previous.id}` });
		}
	});
	const avoided = avoidedForms(terms);
	terms.forEach((term, index) => {
		for (const form of avoided) {
			if (matchAvoided(term.ru, [form]).length > 0) {
				problems.push({
					line: line(index, "ru"),
					message: `the Russian term «${term.ru}» is itself a form that ${form.termId} says to avoid («${form.form}»)`,
				});
			}
		}
	});
	return { glossary: { terms, byId: new Map(terms.map((term) => [term.id, term])), avoided }, problems };
}

/** The entries that fit the schema, when the file as a whole does not. */
function soundEntries(source: string): GlossaryTerm[] {
	const { data } = readYaml(source, z.looseObject({ terms: z.array(z.unknown()) }));
	return (data?.terms ?? []).flatMap((entry) => {
		const parsed = glossaryTermSchema.safeParse(entry);
		return parsed.success ? [parsed.data] : [];
	});
}

/** A Russian form the glossary says not to use, as a pattern over text. */
export interface AvoidedForm {
	termId: string;
	form: string;
	pattern: RegExp;
}

/**
 * The glossary's `avoid` forms as patterns: case-insensitive, whole words and phrases (any run of
 * white space between the words), `*` at the end of a word standing for any ending, and ё read as е.
 */
export function avoidedForms(terms: readonly GlossaryTerm[]): AvoidedForm[] {
	return terms.flatMap((term) =>
		(term.avoid ?? []).map((form) => {
			const words = normalize(form)
				.split(/\s+/)
				.map((word) =>
					word.endsWith("*") ? `${escapeRegExp(word.slice(0, -1))}[\\p{L}\\p{N}]*` : escapeRegExp(word),
				);
			return { termId: term.id, form, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "giu") };
		}),
	);
}

/**
 * Every place in `text` where an avoided form occurs, with its line. Tags (`<Term id="…">`),
 * emphasis and code marks count as spaces, so `**заявление** о…` is found as well as the plain text.
 */
export function matchAvoided(text: string, forms: readonly AvoidedForm[]): { line: number; found: string; form: AvoidedForm }[] {
	const masked = normalize(text)
		.replace(/<[^<>]*>/g, (tag) => tag.replace(/[^\n]/g, " "))
		.replace(/[*_`]/g, " ");
	return forms.flatMap((form) =>
		[...masked.matchAll(form.pattern)].map((match) => ({
			line: 1 + (text.slice(0, match.index).match(/\n/g)?.length ?? 0),
			found: text.slice(match.index, match.index + match[0].length).replace(/\s+/g, " "),
			form,
		})),
	);
}

/** Problems for each avoided form in a Russian text: what content:check prints for a twin or ru.json. */
export function avoidedFormProblems(text: string, glossary: Glossary): LineProblem[] {
	return matchAvoided(text, glossary.avoided).map(({ line, found, form }) => {
		const term = glossary.byId.get(form.termId);
		return {
			line,
			message: `«${found}»: the glossary says not to use this form; write «${term?.ru ?? form.termId}» (term ${form.termId})`,
		};
	});
}

/** ё is written or not; the glossary's forms match either way. */
function normalize(text: string): string {
	return text.replace(/ё/g, "е").replace(/Ё/g, "Е");
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A term as the glossary page shows it to a reader of `language`. */
export interface GlossaryEntry {
	id: string;
	/** The term in the reader's language, and its abbreviation there. */
	term: string;
	abbr?: string;
	/** The term in the other language, and its abbreviation there. */
	other: { lang: "en" | "ru"; term: string; abbr?: string };
	definition: string;
	source: string;
	note?: string;
}

/**
 * The glossary alphabetically in the reader's language, by first letter: what /glossary lists.
 * `locale` is the collation (`en-GB`, `ru-RU`); case and ё/е do not change the order.
 */
export function glossaryByLetter(
	glossary: Glossary,
	language: "en" | "ru",
	locale: string,
): { letter: string; entries: GlossaryEntry[] }[] {
	const other: "en" | "ru" = language === "en" ? "ru" : "en";
	const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
	const entries: GlossaryEntry[] = glossary.terms
		.map((term) => ({
			id: term.id,
			term: term[language],
			...(term.abbr?.[language] && { abbr: term.abbr[language] }),
			other: { lang: other, term: term[other], ...(term.abbr?.[other] && { abbr: term.abbr[other] }) },
			definition: term.definition[language],
			source: term.source,
			...(term.note?.[language] && { note: term.note[language] }),
		}))
		.sort((a, b) => collator.compare(a.term, b.term) || a.id.localeCompare(b.id));
	const groups = new Map<string, GlossaryEntry[]>();
	for (const entry of entries) {
		const first = entry.term.match(/[\p{L}\p{N}]/u)?.[0] ?? "#";
		const letter = /\p{N}/u.test(first) ? "0–9" : first.toLocaleUpperCase(locale).replace("Ё", "Е");
		groups.set(letter, [...(groups.get(letter) ?? []), entry]);
	}
	return [...groups].map(([letter, entries]) => ({ letter, entries }));
}
