import { describe, expect, test } from "vitest";
import { z } from "zod";
import { frontmatterLine, locateYamlPath, readFrontmatter } from "./frontmatter";

const YAML = `number: 4
title:
  en: Basic concepts
  ru: Основные понятия
objectives:
  - en: First
    ru: Первая
  - en: Second
sources:
- title: UN
  url: https://un.org
audience: [data-officers, trainers]
quiz:
  passMark: 70`.split("\n");

describe("locateYamlPath", () => {
	test.each([
		[["number"], 0],
		[["title", "ru"], 3],
		[["objectives"], 4],
		[["objectives", 1], 7],
		[["objectives", 0, "ru"], 6],
		[["objectives", 1, "ru"], 7],
		[["sources", 0, "url"], 10],
		[["audience", 1], 11],
		[["quiz", "passMark"], 13],
		[["quiz", "attempts"], 12],
		[["missing"], -1],
		[[], -1],
	])("%j is on line index %i", (path, line) => {
		expect(locateYamlPath(YAML, path)).toBe(line);
	});

	test("a key is found in its own block, not in a nested one", () => {
		expect(locateYamlPath(["sources:", "  - title: A", "title:", "  en: B"], ["title", "en"])).toBe(3);
	});
});

describe("readFrontmatter", () => {
	const schema = z.object({ title: z.object({ en: z.string() }), lastReviewed: z.iso.date(), tags: z.array(z.string()).optional() });

	test("reads the data, dates as text, and blanks the frontmatter out of the body", () => {
		const source = "---\ntitle:\n  en: T\nlastReviewed: 2026-11-28\n---\nBody\n";
		expect(readFrontmatter(source, schema)).toEqual({
			data: { title: { en: "T" }, lastReviewed: "2026-11-28" },
			body: "\n\n\n\n\nBody\n",
			problems: [],
		});
	});

	test("names the line of each problem: wrong values, missing and unknown keys", () => {
		const source = "---\ntitle:\n  fr: T\nlastReviewed: soon\ntags:\n  - a\n  - 3\n---\n";
		expect(readFrontmatter(source, schema).problems).toEqual([
			{ line: 3, message: "title.fr: unknown key" },
			{ line: 2, message: "title.en: required" },
			{ line: 4, message: "lastReviewed: Invalid ISO date" },
			{ line: 7, message: "tags.1: Invalid input: expected string, received number" },
		]);
	});

	test("reports YAML that does not parse, on its line", () => {
		expect(readFrontmatter("---\ntitle: [a\nlastReviewed: x\n---\n", schema).problems).toEqual([
			{ line: 3, message: expect.stringMatching(/^frontmatter is not valid YAML: /) },
		]);
	});

	test("a file without frontmatter is a problem on line 1", () => {
		expect(readFrontmatter("# Just text\n", schema)).toMatchObject({
			data: undefined,
			problems: [{ line: 1, message: "the file must start with frontmatter between --- lines" }],
		});
	});

	test("frontmatterLine counts lines of the file", () => {
		expect(frontmatterLine("---\na: 1\nb:\n  - x\n  - y\n---\n", ["b", 1])).toBe(5);
		expect(frontmatterLine("---\na: 1\n---\n", ["z"])).toBe(1);
	});
});
