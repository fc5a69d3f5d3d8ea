import { describe, expect, it } from "vitest";
import { buildDashboard, filterRows, median, sortRows, type DashboardInput } from "./dashboard";

const member = (userId: string, name: string, agencyId: string | null = null) => ({
	userId,
	name,
	email: `${userId}@example.org`,
	agencyId,
	agencyName: agencyId ? `Agency ${agencyId}` : null,
});

const input: DashboardInput = {
	modules: [
		{ slug: "m1", sectionsTotal: 3, hasQuiz: true, due: "2026-10-01" },
		{ slug: "m2", sectionsTotal: 2, hasQuiz: true, due: null },
	],
	members: [member("a", "Zhanna", "x"), member("b", "Aibek", "y"), member("c", "Bakyt")],
	reads: [
		{ userId: "a", moduleSlug: "m1", sectionsRead: 3, lastAt: new Date("2026-09-20") },
		{ userId: "b", moduleSlug: "m1", sectionsRead: 1, lastAt: new Date("2026-09-10") },
		{ userId: "a", moduleSlug: "m2", sectionsRead: 2, lastAt: new Date("2026-09-25") },
	],
	quizzes: [
		{
			userId: "a",
			moduleSlug: "m1",
			attempts: 2,
			bestPercent: 90,
			passed: true,
			awaitingMark: 0,
			lastAt: new Date("2026-09-21"),
		},
		{
			userId: "b",
			moduleSlug: "m1",
			attempts: 1,
			bestPercent: 40,
			passed: false,
			awaitingMark: 1,
			lastAt: new Date("2026-09-11"),
		},
		{
			userId: "a",
			moduleSlug: "m2",
			attempts: 1,
			bestPercent: 60,
			passed: false,
			awaitingMark: 0,
			lastAt: new Date("2026-09-26"),
		},
	],
	extensions: [{ userId: "c", moduleSlug: "m1", dueOn: "2026-10-20" }],
	certified: new Set(["a"]),
	today: "2026-10-05",
};

describe("the dashboard", () => {
	const { rows, summaries } = buildDashboard(input);
	const row = (id: string) => rows.find((r) => r.member.userId === id)!;

	it("gives each member a cell per module with status, scores and due dates", () => {
		expect(row("a").cells[0]).toMatchObject({
			status: "completed",
			sectionsRead: 3,
			attempts: 2,
			bestPercent: 90,
			overdue: false,
		});
		// Everything read but the quiz not passed: in progress, not completed.
		expect(row("a").cells[1]).toMatchObject({ status: "in-progress", passed: false, due: null, overdue: false });
		expect(row("b").cells[0]).toMatchObject({
			status: "in-progress",
			awaitingMark: true,
			overdue: true,
			due: "2026-10-01",
		});
		expect(row("c").cells[0]).toMatchObject({
			status: "not-started",
			due: "2026-10-20",
			extended: true,
			overdue: false,
		});
		expect(row("a")).toMatchObject({ completed: 1, overdue: 0, certified: true });
		expect(row("a").lastActivity).toEqual(new Date("2026-09-26"));
		expect(row("c").lastActivity).toBeNull();
	});

	it("sums each module up: finished, started, median best score, who is overdue", () => {
		expect(summaries[0]).toMatchObject({ slug: "m1", finished: 1, started: 2, medianScore: 65 });
		expect(summaries[0]!.overdue.map((m) => m.userId)).toEqual(["b"]);
		expect(summaries[1]).toMatchObject({ finished: 0, started: 1, medianScore: 60, overdue: [] });
	});

	it("filters overdue, not started and by agency", () => {
		expect(filterRows(rows, { overdue: true }).map((r) => r.member.userId)).toEqual(["b"]);
		expect(filterRows(rows, { notStarted: true }).map((r) => r.member.userId)).toEqual(["c"]);
		expect(filterRows(rows, { agencyId: "x" }).map((r) => r.member.userId)).toEqual(["a"]);
		expect(filterRows(rows, {}).length).toBe(3);
	});

	it("sorts by name, agency, progress, activity and overdue work", () => {
		const collator = new Intl.Collator("en");
		const ids = (sort: Parameters<typeof sortRows>[1]) => sortRows(rows, sort, collator).map((r) => r.member.userId);
		expect(ids("name")).toEqual(["b", "c", "a"]);
		expect(ids("agency")).toEqual(["a", "b", "c"]);
		expect(ids("progress")).toEqual(["a", "b", "c"]);
		expect(ids("activity")).toEqual(["a", "b", "c"]);
		expect(ids("overdue")).toEqual(["b", "c", "a"]);
	});

	it("never counts more sections than the module has", () => {
		const { rows } = buildDashboard({
			...input,
			reads: [{ userId: "c", moduleSlug: "m2", sectionsRead: 5, lastAt: null }],
			quizzes: [
				{ userId: "c", moduleSlug: "m2", attempts: 1, bestPercent: 100, passed: true, awaitingMark: 0, lastAt: null },
			],
		});
		expect(rows.find((r) => r.member.userId === "c")!.cells[1]).toMatchObject({ sectionsRead: 2, status: "completed" });
	});
});

describe("median", () => {
	it("is the middle value, or the mean of the two middle ones", () => {
		expect(median([])).toBeNull();
		expect(median([70])).toBe(70);
		expect(median([90, 10, 50])).toBe(50);
		expect(median([40, 90, 10, 60])).toBe(50);
	});
});
