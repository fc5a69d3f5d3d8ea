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
}

/** What the content checks need to know of an MDX file, with file line numbers. */
export interface MdxFacts {
	components: ComponentUse[];
	/** Markdown links and link definitions. */
	links: { url: string; line: number }[];
	/** Markdown images. */
	images: { url: string; alt: string; line: number }[];
	headings: { depth: number; text: string; line: number }[];
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
	const facts: MdxFacts = { components: [], links: [], images: [], headings: [], code: [], words: 0 };
	collect(tree, facts);
	return { facts };
}

function collect(node: Nodes, facts: MdxFacts): void {
	const line = node.position?.start.line ?? 1;
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
		case "definition":
			facts.links.push({ url: node.url, line });
			break;
		case "heading":
			facts.headings.push({ depth: node.depth, text: plainText(node), line });
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
			const use: ComponentUse = { name: node.name ?? "", line, props: {}, dynamicProps: [] };
			for (const attribute of node.attributes) {
				if (attribute.type === "mdxJsxExpressionAttribute") use.dynamicProps.push("...");
				else if (attribute.value !== null && typeof attribute.value === "object") use.dynamicProps.push(attribute.name);
				else use.props[attribute.name] = attribute.value ?? "";
			}
			facts.components.push(use);
			break;
		}
	}
	if ("children" in node) for (const child of node.children) collect(child, facts);
}

function plainText(node: Nodes): string {
	if (node.type === "text" || node.type === "inlineCode") return node.value;
	return "children" in node ? node.children.map(plainText).join("") : "";
}

/** Words in the sense of a word count: runs of letters or digits, `12-month` and `don't` being one. */
export function countWords(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
