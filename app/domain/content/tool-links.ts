import type { LineProblem } from "./frontmatter";
import type { MdxFacts } from "./mdx";

/**
 * A lesson sentence that sends the reader to the DSM sandbox or to the IT self-assessment wizard
 * must let the reader get there (issue 11, item 7; docs/decisions/0041-bilingual-checks.md):
 *
 * - A *sentence* is a piece of a prose paragraph (list items and the text inside components
 *   included; headings, tables, component props and code are not prose) ending in `.`, `!`, `?`
 *   or `…` followed by white space, or at the paragraph's end.
 * - It *sends the reader to the sandbox* when it contains, as whole words and in any case:
 *   English "in the … sandbox" or "open(s) the … sandbox" (at most three words between "the" and
 *   "sandbox": "in the DSM practice sandbox"); Russian «в … песочнице» or «открыть / откройте /
 *   откроете … песочницу» (at most two words between).
 * - It *sends the reader to the wizard* when it contains English "wizard" or Russian «мастер»
 *   in any case form («мастера», «мастере»…; not «мастерство» or «мастер-класс»).
 * - Such a sentence passes when it stands inside an `<Exercise link="…">` that opens the same
 *   tool, or when it carries a markdown link to that tool: a URL starting `/sandbox` for the
 *   sandbox, `/assessment` for the wizard.
 */
export const TOOL_PHRASES: Record<Tool, RegExp[]> = {
	sandbox: [
		/(?<![\p{L}\p{N}])(?:in|opens?|opening)\s+the\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}sandbox(?![\p{L}\p{N}])/iu,
		/(?<![\p{L}\p{N}])в\s+(?:[\p{L}\p{N}-]+\s+){0,2}песочнице(?![\p{L}\p{N}])/iu,
		/(?<![\p{L}\p{N}])(?:открыть|откройте|откроете|откроет|открываете|открывайте)\s+(?:[\p{L}\p{N}-]+\s+){0,2}песочницу(?![\p{L}\p{N}])/iu,
	],
	assessment: [/(?<![\p{L}\p{N}])wizard(?![\p{L}\p{N}-])/iu, /(?<![\p{L}\p{N}])мастер(?:а|у|ом|е|ов|ам|ами|ах)?(?![\p{L}\p{N}-])/iu],
};

export type Tool = "sandbox" | "assessment";

const TOOL_NAMES: Record<Tool, string> = { sandbox: "the DSM sandbox", assessment: "the self-assessment wizard" };

export function toolLinkProblems(facts: MdxFacts): LineProblem[] {
	return facts.paragraphs.flatMap((paragraph) =>
		sentences(paragraph.text).flatMap(({ start, end }) => {
			const sentence = paragraph.text.slice(start, end);
			return (Object.keys(TOOL_PHRASES) as Tool[]).flatMap((tool) => {
				const phrase = TOOL_PHRASES[tool].map((pattern) => pattern.exec(sentence)).find(Boolean);
				if (!phrase) return [];
				if (paragraph.exerciseLink === tool) return [];
				const linked = paragraph.links.some((link) => link.start < end && link.end > start && link.url.startsWith(`/${tool}`));
				if (linked) return [];
				const line = paragraph.line + (paragraph.text.slice(0, start + phrase.index).match(/\n/g)?.length ?? 0);
				return [
					{
						line,
						message: `"${phrase[0].replace(/\s+/g, " ")}" sends the reader to ${TOOL_NAMES[tool]}: link it ([…](/${tool})) or put the sentence in an <Exercise link="${tool}">`,
					},
				];
			});
		}),
	);
}

/** The spans of the sentences of a paragraph's text. */
export function sentences(text: string): { start: number; end: number }[] {
	const spans: { start: number; end: number }[] = [];
	const boundary = /[.!?…]+["»”’)]*\s+/gu;
	let start = 0;
	for (const match of text.matchAll(boundary)) {
		const end = match.index + match[0].length;
		spans.push({ start, end });
		start = end;
	}
	if (start < text.length) spans.push({ start, end: text.length });
	return spans;
}
