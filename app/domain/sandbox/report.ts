import { groupByRule, type RuleGroup } from "../dsm/group";
import type { Finding } from "./findings";

/**
 * The validation report of a revision: a header with counts per severity and per rule, then one
 * group per rule (errors first, then by rule id) with its count and first examples, so that a
 * file with 1,800 wrong codes reads as one group, not 1,800 lines. The engine's grouping
 * (groupByRule, app/domain/dsm/group.ts), over findings that also name workspace cells; each
 * example keeps its index in the revision's list, its anchor on the page.
 */
export type FindingGroup = RuleGroup<Finding>;

export type Report = {
	readonly groups: readonly FindingGroup[];
	readonly errors: number;
	readonly warnings: number;
};

export function groupFindings(findings: readonly Finding[], examples = 5): Report {
	return groupByRule(findings, examples);
}
