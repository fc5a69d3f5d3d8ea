import matter from "gray-matter";
import { z } from "zod";

/** A problem on a line of one file. */
export interface LineProblem {
	line: number;
	message: string;
}

export type FrontmatterResult<T> =
	| {
			data: T;
			/** The file with its frontmatter blanked out, so that positions in it are positions in the file. */
			body: string;
			problems: [];
	  }
	| { data: undefined; body: string; problems: LineProblem[] };

/**
 * Reads the YAML frontmatter of a content file with gray-matter and checks it with `schema`.
 * Every problem names the line of the key it is about. A key the schema does not know is a
 * problem too: a misspelt optional key would otherwise be ignored without a word.
 */
export function readFrontmatter<T>(source: string, schema: z.ZodType<T>): FrontmatterResult<T> {
	const lines = source.split("\n");
	const closing = closingLine(lines);
	const body = lines.map((line, index) => (index <= closing ? "" : line)).join("\n");
	if (closing === -1) {
		return { data: undefined, body, problems: [{ line: 1, message: "the file must start with frontmatter between --- lines" }] };
	}
	let raw: unknown;
	try {
		raw = withDatesAsText(matter(source).data);
	} catch (error) {
		return { data: undefined, body, problems: [yamlProblem(error)] };
	}
	const yamlLines = lines.slice(1, closing);
	const lineOf = (path: readonly PropertyKey[]) => 2 + locateYamlPath(yamlLines, path);
	const problems: LineProblem[] = unknownKeys(raw, schema).map((path) => ({
		line: lineOf(path),
		message: `${path.join(".")}: unknown key`,
	}));
	const result = schema.safeParse(raw);
	if (!result.success) {
		problems.push(...result.error.issues.map((issue) => ({ line: lineOf(issue.path), message: describeIssue(issue, raw) })));
	}
	if (!result.success || problems.length > 0) return { data: undefined, body, problems };
	return { data: result.data, body, problems: [] };
}

/**
 * Reads a file that is YAML through and through (content/glossary/terms.yaml) as
 * `readFrontmatter` reads frontmatter: checked with `schema`, each problem on the line of its key.
 */
export function readYaml<T>(source: string, schema: z.ZodType<T>): { data: T | undefined; problems: LineProblem[] } {
	const { data, problems } = readFrontmatter(`---\n${source}\n---\n`, schema);
	return {
		data,
		problems: problems.map(({ line, message }) => ({
			line: Math.max(1, line - 1),
			message: message.replace(/^frontmatter is not valid YAML/, "not valid YAML").replace(/^frontmatter: /, "the file: "),
		})),
	};
}

/** The line, in a YAML file, of the key or list item a path leads to (see locateYamlPath). */
export function yamlLine(source: string, path: readonly PropertyKey[]): number {
	return Math.max(1, 1 + locateYamlPath(source.split("\n"), path));
}

/** The file line of the key or list item a path leads to (see locateYamlPath); the opening --- for the whole. */
export function frontmatterLine(source: string, path: readonly PropertyKey[]): number {
	const lines = source.split("\n");
	return 2 + locateYamlPath(lines.slice(1, Math.max(closingLine(lines), 1)), path);
}

/** The index of the line that closes the frontmatter, or -1 when the file has none. */
function closingLine(lines: readonly string[]): number {
	if (lines[0]?.trim() !== "---") return -1;
	return lines.findIndex((line, index) => index > 0 && line.trim() === "---");
}

function yamlProblem(error: unknown): LineProblem {
	const yaml = error as { reason?: string; mark?: { line: number } };
	if (yaml.mark === undefined) throw error;
	// The YAML gray-matter parses starts on the line of the opening ---.
	return { line: yaml.mark.line + 1, message: `frontmatter is not valid YAML: ${yaml.reason}` };
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
	const where = issue.path.length === 0 ? "frontmatter" : issue.path.join(".");
	const value = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], raw);
	return `${where}: ${issue.path.length > 0 && value === undefined ? "required" : issue.message}`;
}

/** YAML reads `2026-11-28` as a date; the schemas, like JSON, expect the text. */
function withDatesAsText(value: unknown): unknown {
	if (value instanceof Date) {
		const text = value.toISOString();
		return text.endsWith("T00:00:00.000Z") ? text.slice(0, 10) : text;
	}
	if (Array.isArray(value)) return value.map(withDatesAsText);
	if (value !== null && typeof value === "object") {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withDatesAsText(inner)]));
	}
	return value;
}

/** Paths of the keys in `value` that `schema` has no place for. */
function unknownKeys(value: unknown, schema: z.ZodType, path: PropertyKey[] = []): PropertyKey[][] {
	const inner = unwrap(schema);
	if (inner instanceof z.ZodObject && value !== null && typeof value === "object" && !Array.isArray(value)) {
		const shape = inner.shape as Record<string, z.ZodType>;
		return Object.entries(value).flatMap(([key, child]) => {
			const childSchema = shape[key];
			return childSchema ? unknownKeys(child, childSchema, [...path, key]) : [[...path, key]];
		});
	}
	if (inner instanceof z.ZodArray && Array.isArray(value)) {
		return value.flatMap((item, index) => unknownKeys(item, inner.element as z.ZodType, [...path, index]));
	}
	return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
		return unwrap(schema.unwrap() as z.ZodType);
	}
	return schema;
}

/**
 * The index, in the frontmatter's lines, of the key or list item a path leads to: as deep as
 * block-style YAML allows (a missing key or a flow-style list stops at its parent), -1 for the
 * frontmatter as a whole.
 */
export function locateYamlPath(lines: readonly string[], path: readonly PropertyKey[]): number {
	let node: YamlNode = { line: -1, column: -1, isItem: false };
	for (const segment of path) {
		const end = blockEnd(lines, node);
		const next =
			typeof segment === "number"
				? findItem(lines, node, end, segment)
				: findKey(lines, node, end, String(segment));
		if (!next) break;
		node = next;
	}
	return node.line;
}

/** A key or a list item: its line, and the column its key or dash starts at. */
interface YamlNode {
	line: number;
	column: number;
	isItem: boolean;
}

/** A key of `parent`, in the column of its first key; the first key of a list item stands on the item's line. */
function findKey(lines: readonly string[], parent: YamlNode, end: number, key: string): YamlNode | undefined {
	let childColumn: number | undefined;
	for (let line = parent.isItem ? parent.line : parent.line + 1; line < end; line++) {
		const match = /^((?:\s*-\s+)*\s*)([^\s#][^:]*?)\s*:(\s|$)/.exec(lines[line] ?? "");
		const column = match?.[1]?.length;
		if (column === undefined || column <= parent.column) continue;
		childColumn ??= column;
		if (column === childColumn && match?.[2] === key) return { line, column, isItem: false };
	}
	return undefined;
}

/** The index-th item of the list under `parent` (its dashes may stand in the key's own column). */
function findItem(lines: readonly string[], parent: YamlNode, end: number, index: number): YamlNode | undefined {
	const dashes: YamlNode[] = [];
	for (let line = parent.line + 1; line < end; line++) {
		const column = /^(\s*)-(\s|$)/.exec(lines[line] ?? "")?.[1]?.length;
		if (column !== undefined && column >= parent.column) dashes.push({ line, column, isItem: true });
	}
	const column = Math.min(...dashes.map((dash) => dash.column));
	return dashes.filter((dash) => dash.column === column)[index];
}

/** The line after the last one of a node's block: the next line indented no deeper (a sibling). */
function blockEnd(lines: readonly string[], node: YamlNode): number {
	if (node.line === -1) return lines.length;
	for (let line = node.line + 1; line < lines.length; line++) {
		const text = lines[line] ?? "";
		if (text.trim() === "" || text.trimStart().startsWith("#")) continue;
		const indent = text.length - text.trimStart().length;
		const isDash = /^\s*-(\s|$)/.test(text);
		if (node.isItem ? indent <= node.column : indent < node.column || (indent === node.column && !isDash)) return line;
	}
	return lines.length;
}
