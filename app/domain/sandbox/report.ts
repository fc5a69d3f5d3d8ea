import type { Severity } from "../dsm/issues";
import type { Finding } from "./findings";

/**
 * The validation report of a revision: a header with counts per severity and per rule, then one
 * group per rule (errors first, then by rule id) with its count and first examples, so that a
 * file with 1,800 wrong codes reads as one group, not 1,800 lines. Same grouping as the
 * engine's groupIssues (app/domain/dsm/group.ts), over findings that also name workspace cells.
 */
export type FindingGroup = {
	readonly rule: string;
	readonly severity: Severity;
	readonly section: string;
	readonly count: number;
	/** The first findings, with their index in the revision's list (their anchor). */
	readonly examples: ReadonlyArray<{ readonly index: number; readonly finding: Finding }>;
};

export type Report = {
	readonly groups: readonly FindingGroup[];
	readonly errors: number;
	readonly warnings: number;
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };

export function groupFindings(findings: readonly Finding[], examples = 5): Report {
	const groups = new Map<
		string,
		{
			rule: string;
			severity: Severity;
			section: string;
			count: number;
			examples: Array<{ index: number; finding: Finding }>;
		}
	>();
	let errors = 0;
	findings.forEach((finding, index) => {
		if (finding.severity === "error") errors += 1;
		const id = `${finding.severity}|${finding.rule}`;
		let group = groups.get(id);
		if (!group) {
			group = { rule: finding.rule, severity: finding.severity, section: finding.section, count: 0, examples: [] };
			groups.set(id, group);
		}
		group.count += 1;
		if (group.examples.length < examples) group.examples.push({ index, finding });
	});
	const sorted = [...groups.values()].sort(
		(a, b) =>
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
	);
	return { groups: sorted, errors, warnings: findings.length - errors };
}
