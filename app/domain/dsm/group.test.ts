import { describe, expect, it } from "vitest";
import { CONTEXT, cleanSubmission } from "../../../tests/fixtures/dsm/clean-submission";
import { groupIssues } from "./group";
import type { Issue, Severity } from "./issues";
import { validate } from "./validate";

const issue = (rule: string, severity: Severity, row: number, column = "OBS_VALUE"): Issue => ({
	rule,
	severity,
	message: { en: `${rule} at ${row}`, ru: `${rule} в строке ${row}` },
	cells: [{ row, column }],
	section: `/modules/data-sharing-mechanism/${rule.toLowerCase()}`,
});

describe("groupIssues", () => {
	it("turns 1,800 wrong codes into one group with the count and the first five examples", () => {
		const clean = cleanSubmission();
		const wrong = clean.map((observation, index) =>
			index < 1800 ? { ...observation, dimensions: { ...observation.dimensions, SEX: "X" } } : observation,
		);
		const issues = validate(wrong, CONTEXT);
		const codeIssues = issues.filter((found) => found.rule === "CODE");
		expect(codeIssues).toHaveLength(1800);

		const { groups, summary } = groupIssues(issues);
		const code = groups.filter((group) => group.rule === "CODE");
		expect(code).toHaveLength(1);
		expect(code[0]).toMatchObject({ rule: "CODE", severity: "error", count: 1800 });
		expect(code[0]!.examples).toEqual(codeIssues.slice(0, 5));
		expect(code[0]!.cells).toEqual(codeIssues.slice(0, 5).map((found) => found.cells[0]));
		expect(code[0]!.section).toBe("/modules/data-sharing-mechanism/dimensions-and-codelists");
		expect(summary.byRule.find((rule) => rule.rule === "CODE")).toEqual({
			rule: "CODE",
			severity: "error",
			count: 1800,
		});
		expect(summary.total).toBe(issues.length);
		expect(summary.bySeverity.error + summary.bySeverity.warning).toBe(issues.length);
		expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(issues.length);
	});

	it("orders errors first, then by rule id, whatever order the findings came in", () => {
		const issues = [
			issue("ROUND5", "warning", 9),
			issue("UNIT", "error", 4),
			issue("CHANGE", "warning", 3),
			issue("ADD-SEX", "error", 7),
			issue("UNIT", "error", 2),
		];
		const forward = groupIssues(issues);
		const backward = groupIssues([...issues].reverse());
		const order = ["ADD-SEX", "UNIT", "CHANGE", "ROUND5"];
		expect(forward.groups.map((group) => group.rule)).toEqual(order);
		expect(backward.groups.map((group) => group.rule)).toEqual(order);
		expect(forward.summary).toEqual({
			total: 5,
			bySeverity: { error: 3, warning: 2 },
			byRule: [
				{ rule: "ADD-SEX", severity: "error", count: 1 },
				{ rule: "UNIT", severity: "error", count: 2 },
				{ rule: "CHANGE", severity: "warning", count: 1 },
				{ rule: "ROUND5", severity: "warning", count: 1 },
			],
		});
		// Examples keep the order the findings were met in.
		expect(forward.groups[1]!.examples.map((found) => found.cells[0]!.row)).toEqual([4, 2]);
	});

	it("keeps as many examples and cells as asked, without repeating a cell", () => {
		const twice: Issue = {
			...issue("ADD-AGE", "error", 1),
			cells: [
				{ row: 1, column: "OBS_VALUE" },
				{ row: 2, column: "OBS_VALUE" },
			],
		};
		const issues = [twice, { ...twice }, issue("ADD-AGE", "error", 3), issue("ADD-AGE", "error", 4)];
		const [group] = groupIssues(issues, { examples: 2 }).groups;
		expect(group!.count).toBe(4);
		expect(group!.examples).toHaveLength(2);
		expect(group!.cells).toEqual([
			{ row: 1, column: "OBS_VALUE" },
			{ row: 2, column: "OBS_VALUE" },
		]);
		expect(groupIssues(issues, { examples: 10 }).groups[0]!.cells.map((cell) => cell.row)).toEqual([1, 2, 3, 4]);
		expect(groupIssues(issues, { examples: 0 }).groups[0]).toMatchObject({ count: 4, examples: [], cells: [] });
	});

	it("gives an empty report for no findings", () => {
		expect(groupIssues([])).toEqual({
			groups: [],
			summary: { total: 0, bySeverity: { error: 0, warning: 0 }, byRule: [] },
		});
	});
});
