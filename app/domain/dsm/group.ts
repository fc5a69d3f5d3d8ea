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

/** Anything reported under a rule: the engine's issues, the sandbox's findings on its cells. */
export type RuleFinding = { readonly rule: string; readonly severity: Severity; readonly section: string };

/** One rule's findings: how many, and the first few with their place in the list (their anchor). */
export type RuleGroup<T> = {
	readonly rule: string;
	readonly severity: Severity;
	readonly section: string;
	readonly count: number;
	readonly examples: ReadonlyArray<{ readonly index: number; readonly item: T }>;
};

const groupKey = (finding: RuleFinding) => `${finding.severity}\u0000${finding.rule}`;

/**
 * Groups findings by rule (and severity, should one rule ever report both), errors first, then
 * by rule id, so that a file with 1,800 wrong codes reads as one group of 1,800 with its first
 * examples. Linear in the number of findings; the input is not changed.
 */
export function groupByRule<T extends RuleFinding>(
	findings: readonly T[],
	examples = 5,
): { groups: RuleGroup<T>[]; errors: number; warnings: number } {
	const limit = Math.max(0, Math.floor(examples));
	const byRule = new Map<
		string,
		{ rule: string; severity: Severity; section: string; count: number; examples: { index: number; item: T }[] }
	>();
	let errors = 0;
	findings.forEach((item, index) => {
		if (item.severity === "error") errors += 1;
		const key = groupKey(item);
		let group = byRule.get(key);
		if (!group) {
			group = { rule: item.rule, severity: item.severity, section: item.section, count: 0, examples: [] };
			byRule.set(key, group);
		}
		group.count += 1;
		if (group.examples.length < limit) group.examples.push({ index, item });
	});
	const groups = [...byRule.values()].sort(
		(a, b) =>
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
	);
	return { groups, errors, warnings: findings.length - errors };
}

const cellKey = (cell: CellRef) => `${cell.sheet ?? ""}\u0000${cell.row}\u0000${cell.column ?? ""}`;

/** The engine's issues grouped by rule (groupByRule), each group with the first cells it concerns, and the header's counts. */
export function groupIssues(issues: readonly Issue[], { examples = 5 }: GroupOptions = {}): GroupedIssues {
	const limit = Math.max(0, Math.floor(examples));
	const ruled = groupByRule(issues, limit);
	const cellsOf = new Map(
		ruled.groups.map((group) => [groupKey(group), { cells: [] as CellRef[], seen: new Set<string>() }]),
	);
	for (const issue of issues) {
		const kept = cellsOf.get(groupKey(issue))!;
		for (const cell of issue.cells) {
			if (kept.cells.length >= limit) break;
			const id = cellKey(cell);
			if (kept.seen.has(id)) continue;
			kept.seen.add(id);
			kept.cells.push(cell);
		}
	}
	const groups: IssueGroup[] = ruled.groups.map((group) => ({
		rule: group.rule,
		severity: group.severity,
		count: group.count,
		examples: group.examples.map(({ item }) => item),
		cells: cellsOf.get(groupKey(group))!.cells,
		section: group.section,
	}));
	return {
		groups,
		summary: {
			total: issues.length,
			bySeverity: { error: ruled.errors, warning: ruled.warnings },
			byRule: groups.map(({ rule, severity, count }) => ({ rule, severity, count })),
		},
	};
}
