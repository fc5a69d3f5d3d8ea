import { describe, expect, it } from "vitest";
import { addDays, daysBetween, parseDay } from "./days";
import { dueDate, dueRuleColumns, dueRuleOf, isOverdue, ruleForCopy, traineeDueDate } from "./due-dates";

describe("days", () => {
	it("reads real calendar days only", () => {
		expect(parseDay("2026-12-01")).toBe("2026-12-01");
		expect(parseDay(" 2028-02-29 ")).toBe("2028-02-29");
		expect(parseDay("2026-02-29")).toBeNull();
		expect(parseDay("2026-13-01")).toBeNull();
		expect(parseDay("1.12.2026")).toBeNull();
	});

	it("counts days across months, years and leap days", () => {
		expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
		expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
		expect(daysBetween("2026-01-15", "2027-01-15")).toBe(365);
		expect(daysBetween("2027-01-15", "2026-01-15")).toBe(-365);
	});
});

describe("due dates", () => {
	const start = "2026-09-01";

	it("is a date, a number of days after the start, or nothing", () => {
		expect(dueDate({ kind: "date", on: "2026-10-15" }, start)).toBe("2026-10-15");
		expect(dueDate({ kind: "days", days: 14 }, start)).toBe("2026-09-15");
		expect(dueDate({ kind: "none" }, start)).toBeNull();
	});

	it("round-trips through the stored columns, a date winning over days", () => {
		for (const rule of [{ kind: "date", on: "2026-10-15" }, { kind: "days", days: 0 }, { kind: "none" }] as const) {
			expect(dueRuleOf(dueRuleColumns(rule))).toEqual(rule);
		}
		expect(dueRuleOf({ dueOn: "2026-10-15", dueDays: 3 })).toEqual({ kind: "date", on: "2026-10-15" });
	});

	it("gives a trainee's extension precedence", () => {
		expect(traineeDueDate({ kind: "days", days: 14 }, start, "2026-09-30")).toBe("2026-09-30");
		expect(traineeDueDate({ kind: "days", days: 14 }, start, null)).toBe("2026-09-15");
		expect(traineeDueDate({ kind: "none" }, start, "2026-09-30")).toBe("2026-09-30");
	});

	it("is overdue from the day after the due day, unless the module is completed", () => {
		expect(isOverdue("2026-09-15", false, "2026-09-15")).toBe(false);
		expect(isOverdue("2026-09-15", false, "2026-09-16")).toBe(true);
		expect(isOverdue("2026-09-15", true, "2026-10-01")).toBe(false);
		expect(isOverdue(null, false, "2030-01-01")).toBe(false);
	});

	it("keeps its place in the plan when the cohort is copied to a later start", () => {
		const next = "2027-09-01";
		expect(ruleForCopy({ kind: "days", days: 14 }, start, next)).toEqual({ kind: "days", days: 14 });
		expect(ruleForCopy({ kind: "date", on: "2026-10-15" }, start, next)).toEqual({ kind: "date", on: "2027-10-15" });
		expect(ruleForCopy({ kind: "none" }, start, next)).toEqual({ kind: "none" });
	});
});
