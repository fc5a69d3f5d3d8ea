import { createProcessor } from "@mdx-js/mdx";
import type { Nodes } from "mdast";
import remarkGfm from "remark-gfm";
import type { LineProblem } from "./frontmatter";

/** A JSX element of a lesson: `<Definition term="…">`. */
export interface ComponentUse {
	/** Empty for a fragment `<>`. */
	name: string;
	line: number;
	/** Props written as strings; a bare prop (`<Note open>`) is the empty string. */
	props: Record<string, string>;
	/** Props written as expressions (`src={…}`), and `...` for a spread. */
	dynamicProps: string[];
	/** Written inside a sentence (`text <Term>…</Term> text`) rather than as a block of its own. */
	inline: boolean;
	/** The nearest element it stands in (`Exercise` for a ModelAnswer inside one); null at the top. */
	parent: string | null;
	/** The element just before it among its siblings, when that sibling is an element; null otherwise. */
	previous: string | null;
	/** Inside a markdown link. */
	inLink: boolean;
}

/** A paragraph of prose (list items and the text inside components included), with where its links are. */
export interface ProseParagraph {
	/** The paragraph's text, markup removed; soft line breaks kept as `\n`. */
	text: string;
	line: number;
	/** The links of the paragraph: their URL and the span of their text in `text`. */
	links: { url: string; start: number; end: number }[];
	/** Inside an `<Exercise link="…">`: the tool the exercise opens. */
	exerciseLink: string | null;
}

/** A table: its line and the number of cells in each row, header first. */
export interface TableShape {
	line: number;
	cells: number[];
}

/** What the content checks need to know of an MDX file, with file line numbers. */
export interface MdxFacts {
	components: ComponentUse[];
	/** Markdown links and link definitions. */
	links: { url: string; line: number }[];
	/** Markdown images. */
	images: { url: string; alt: string; line: number }[];
	headings: { depth: number; text: string; line: number }[];
	tables: TableShape[];
	/** The text of each worked example, in order: every `<Example>` and every table. */
	workedExamples: { kind: "Example" | "table"; line: number; text: string }[];
	paragraphs: ProseParagraph[];
	/** `import`/`export` statements and `{…}` expressions other than comments: code, not content. */
	code: { kind: "import or export" | "expression"; line: number }[];
	/** Words of prose: text and inline code, outside code blocks, HTML and JSX props. */
	words: number;
}

/** The parser and plugins the site compiles lessons with (bundleMDX with remark-gfm). */
const processor = createProcessor({ remarkPlugins: [remarkGfm] });

/**
 * Parses MDX as the site compiles it, so that a file that would not compile fails here first,
 * with its line. `body` is the file with its frontmatter blanked out.
 */
export function analyzeMdx(body: string): { facts: MdxFacts } | { problem: LineProblem } {
	let tree: Nodes;
	try {
		tree = processor.parse(body);
	} catch (error) {
		const { line, reason = String(error) } = error as { line?: number; reason?: string };
		// Some messages carry their place only in their text: "Expected a closing tag for `<Note>` (6:1-6:7)".
		const placed = /\((\d+):\d+-\d+:\d+\)$/.exec(reason)?.[1];
		return { problem: { line: line ?? (placed ? Number(placed) : 1), message: `MDX does not compile: ${reason}` } };
	}
	const facts: MdxFacts = {
		components: [],
		links: [],
		images: [],
		headings: [],
		tables: [],
		workedExamples: [],
		paragraphs: [],
		code: [],
		words: 0,
	};
	collect(tree, facts, { parent: null, previous: null, inLink: false, exerciseLink: null });
	return { facts };
}

interface Context {
	parent: string | null;
	previous: string | null;
	inLink: boolean;
	exerciseLink: string | null;
}

function collect(node: Nodes, facts: MdxFacts, context: Context): void {
	const line = node.position?.start.line ?? 1;
	let inner: Context = { ...context, previous: null };
	switch (node.type) {
		case "code":
		case "html":
			return;
		case "text":
		case "inlineCode":
			facts.words += countWords(node.value);
			return;
		case "image":
			facts.images.push({ url: node.url, alt: node.alt ?? "", line });
			return;
		case "link":
			inner = { ...inner, inLink: true };
			facts.links.push({ url: node.url, line });
			break;
		case "definition":
			facts.links.push({ url: node.url, line });
			break;
		case "heading":
			facts.headings.push({ depth: node.depth, text: plainText(node), line });
			break;
		case "table":
			facts.tables.push({ line, cells: node.children.map((row) => row.children.length) });
			facts.workedExamples.push({ kind: "table", line, text: blockText(node) });
			break;
		case "paragraph":
			facts.paragraphs.push({ line, exerciseLink: context.exerciseLink, ...prose(node) });
			break;
		case "mdxjsEsm":
			facts.code.push({ kind: "import or export", line });
			return;
		case "mdxFlowExpression":
		case "mdxTextExpression":
			if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) facts.code.push({ kind: "expression", line });
			return;
		case "mdxJsxFlowElement":
		case "mdxJsxTextElement": {
			const use: ComponentUse = {
				name: node.name ?? "",
				line,
				props: {},
				dynamicProps: [],
				inline: node.type === "mdxJsxTextElement",
				parent: context.parent,
				previous: context.previous,
				inLink: context.inLink,
			};
			for (const attribute of node.attributes) {
				if (attribute.type === "mdxJsxExpressionAttribute") use.dynamicProps.push("...");
				else if (attribute.value !== null && typeof attribute.value === "object") use.dynamicProps.push(attribute.name);
				else use.props[attribute.name] = attribute.value ?? "";
			}
			facts.components.push(use);
			if (use.name === "Example") facts.workedExamples.push({ kind: "Example", line, text: blockText(node) });
			inner = {
				...inner,
				parent: use.name,
				exerciseLink: use.name === "Exercise" ? (use.props.link ?? null) : context.exerciseLink,
			};
			break;
		}
	}
	if (!("children" in node)) return;
	for (const child of node.children) {
		collect(child, facts, inner);
		// Blank text between blocks does not part an element from the one before it.
		const blank = child.type === "text" && child.value.trim() === "";
		if (!blank) inner = { ...inner, previous: isElement(child) ? (child.name ?? "") : null };
	}
}

function isElement(node: Nodes): node is Extract<Nodes, { type: "mdxJsxFlowElement" | "mdxJsxTextElement" }> {
	return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function plainText(node: Nodes): string {
	if (node.type === "text" || node.type === "inlineCode") return node.value;
	return "children" in node ? node.children.map(plainText).join("") : "";
}

/** The text of a block, its blocks and table cells kept apart, so that numbers in two cells never run together. */
function blockText(node: Nodes): string {
	if (node.type === "text" || node.type === "inlineCode") return node.value;
	if (node.type === "code") return node.value;
	if (!("children" in node)) return "";
	const phrasing = node.type === "paragraph" || node.type === "heading" || node.type === "tableCell";
	return node.children.map(blockText).join(phrasing ? "" : "\n");
}

/** A paragraph's text and the spans of its links. */
function prose(paragraph: Nodes): Pick<ProseParagraph, "text" | "links"> {
	let text = "";
	const links: ProseParagraph["links"] = [];
	const walk = (node: Nodes) => {
		if (node.type === "text" || node.type === "inlineCode") {
			text += node.value;
			return;
		}
		if (node.type === "break") text += "\n";
		if (!("children" in node)) return;
		const start = text.length;
		for (const child of node.children) walk(child);
		if (node.type === "link") links.push({ url: node.url, start, end: text.length });
	};
	walk(paragraph);
	return { text, links };
}

/** Words in the sense of a word count: runs of letters or digits, `12-month` and `don't` being one. */
export function countWords(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
