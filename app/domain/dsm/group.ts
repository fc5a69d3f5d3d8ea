import type { CellRef, Issue, Severity } from "./issues";

/** All findings of one rule: how many, the first few as examples, and the cells they concern. */
export type IssueGroup = {
	readonly rule: string;
	readonly severity: Severity;
	readonly count: number;
	/** The first findings, in the order they were found. */
	readonly examples: readonly Issue[];
	/** The first cells the findings concern, without repeats. */
	readonly cells: readonly CellRef[];
	/** The module section that explains the rule (the same for every finding of it). */
	readonly section: string;
};

/** What a report header shows: counts per severity and per rule, in the groups' order. */
export type IssueSummary = {
	readonly total: number;
	readonly bySeverity: { readonly error: number; readonly warning: number };
	readonly byRule: ReadonlyArray<{ readonly rule: string; readonly severity: Severity; readonly count: number }>;
};

export type GroupedIssues = { readonly groups: readonly IssueGroup[]; readonly summary: IssueSummary };

export type GroupOptions = {
	/** How many findings and cells each group keeps; 5 unless told. */
	readonly examples?: number;
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };

const cellKey = (cell: CellRef) => `${cell.sheet ?? ""}\u0000${cell.row}\u0000${cell.column ?? ""}`;

type Building = {
	rule: string;
	severity: Severity;
	section: string;
	count: number;
	examples: Issue[];
	cells: CellRef[];
	seen: Set<string>;
};

/**
 * Groups findings by rule (and severity, should one rule ever report both), errors first, then
 * by rule id, so that a file with 1,800 wrong codes reads as one group of 1,800 with its first
 * examples. Linear in the number of findings; the input is not changed.
 */
export function groupIssues(issues: readonly Issue[], { examples = 5 }: GroupOptions = {}): GroupedIssues {
	const limit = Math.max(0, Math.floor(examples));
	const byRule = new Map<string, Building>();
	let errors = 0;
	let warnings = 0;
	for (const issue of issues) {
		if (issue.severity === "error") errors += 1;
		else warnings += 1;
		const key = `${issue.severity}\u0000${issue.rule}`;
		let group = byRule.get(key);
		if (!group) {
			group = {
				rule: issue.rule,
				severity: issue.severity,
				section: issue.section,
				count: 0,
				examples: [],
				cells: [],
				seen: new Set(),
			};
			byRule.set(key, group);
		}
		group.count += 1;
		if (group.examples.length < limit) group.examples.push(issue);
		for (const cell of issue.cells) {
			if (group.cells.length >= limit) break;
			const id = cellKey(cell);
			if (group.seen.has(id)) continue;
			group.seen.add(id);
			group.cells.push(cell);
		}
	}
	const groups: IssueGroup[] = [...byRule.values()]
		.sort(
			(a, b) =>
				SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
		)
		.map(({ rule, severity, section, count, examples: kept, cells }) => ({
			rule,
			severity,
			count,
			examples: kept,
			cells,
			section,
		}));
	return {
		groups,
		summary: {
			total: issues.length,
			bySeverity: { error: errors, warning: warnings },
			byRule: groups.map(({ rule, severity, count }) => ({ rule, severity, count })),
		},
	};
}
