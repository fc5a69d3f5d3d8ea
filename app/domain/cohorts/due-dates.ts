import { addDays, daysBetween, type Day } from "./days";

/**
 * When a module of a cohort is due (docs/decisions/0050-cohorts.md): on a date, or a number of
 * days after the cohort starts, so that a cohort copied for next year keeps its plan. A trainee
 * may have a later date of their own (an extension).
 */
export type DueRule = { kind: "none" } | { kind: "date"; on: Day } | { kind: "days"; days: number };

export const NO_DUE: DueRule = { kind: "none" };

/** The rule of a stored module row: a date wins over a number of days. */
export function dueRuleOf(row: { dueOn: Day | null; dueDays: number | null }): DueRule {
	if (row.dueOn !== null) return { kind: "date", on: row.dueOn };
	if (row.dueDays !== null) return { kind: "days", days: row.dueDays };
	return NO_DUE;
}

/** The rule as the row stores it. */
export function dueRuleColumns(rule: DueRule): { dueOn: Day | null; dueDays: number | null } {
	switch (rule.kind) {
		case "date":
			return { dueOn: rule.on, dueDays: null };
		case "days":
			return { dueOn: null, dueDays: rule.days };
		case "none":
			return { dueOn: null, dueDays: null };
	}
}

export function dueDate(rule: DueRule, startsOn: Day): Day | null {
	switch (rule.kind) {
		case "date":
			return rule.on;
		case "days":
			return addDays(startsOn, rule.days);
		case "none":
			return null;
	}
}

/** The trainee's due date: their extension when they have one, else the cohort's. */
export function traineeDueDate(rule: DueRule, startsOn: Day, extension: Day | null | undefined): Day | null {
	return extension ?? dueDate(rule, startsOn);
}

/** Overdue: past the due day and not completed. The due day itself is still in time. */
export function isOverdue(due: Day | null, completed: boolean, today: Day): boolean {
	return due !== null && !completed && today > due;
}

/**
 * The rule for a copy of the cohort that starts on another day: "N days after the start" stays
 * as it is; a fixed date moves with the start, so it keeps its place in the plan.
 */
export function ruleForCopy(rule: DueRule, fromStart: Day, toStart: Day): DueRule {
	return rule.kind === "date" ? { kind: "date", on: addDays(rule.on, daysBetween(fromStart, toStart)) } : rule;
}
