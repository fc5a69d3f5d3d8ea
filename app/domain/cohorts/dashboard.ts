import type { Day } from "./days";
import { isOverdue } from "./due-dates";

/**
 * The cohort dashboard as data (docs/decisions/0052-cohort-dashboard.md): every member × every
 * module of the cohort, from facts the database aggregates per member and module, so that the
 * work grows with the cells and never with the attempts behind them.
 */

export interface DashboardModule {
	slug: string;
	sectionsTotal: number;
	hasQuiz: boolean;
	/** The cohort's due day for the module, before extensions. */
	due: Day | null;
}

export interface DashboardMember {
	userId: string;
	name: string;
	email: string;
	agencyId: string | null;
	agencyName: string | null;
	/** The agency's Russian name, when it has one. */
	agencyNameRu?: string | null;
}

/** Sections of one module one member has read (those the module still has), and when last. */
export interface ReadFacts {
	userId: string;
	moduleSlug: string;
	sectionsRead: number;
	lastAt: Date | null;
}

/** One member's submitted attempts at one module's quiz. */
export interface QuizFacts {
	userId: string;
	moduleSlug: string;
	attempts: number;
	bestPercent: number | null;
	passed: boolean;
	/** Attempts with an answer still awaiting a trainer's mark. */
	awaitingMark: number;
	lastAt: Date | null;
}

export interface DashboardInput {
	modules: readonly DashboardModule[];
	members: readonly DashboardMember[];
	reads: readonly ReadFacts[];
	quizzes: readonly QuizFacts[];
	extensions: ReadonlyArray<{ userId: string; moduleSlug: string; dueOn: Day }>;
	/** Members who hold the certificate of the cohort's track. */
	certified: ReadonlySet<string>;
	today: Day;
}

export type CellStatus = "not-started" | "in-progress" | "completed";

export interface DashboardCell {
	status: CellStatus;
	sectionsRead: number;
	attempts: number;
	bestPercent: number | null;
	passed: boolean;
	awaitingMark: boolean;
	/** The member's due day: their extension, else the cohort's. */
	due: Day | null;
	extended: boolean;
	overdue: boolean;
}

export interface DashboardRow {
	member: DashboardMember;
	cells: DashboardCell[];
	completed: number;
	overdue: number;
	lastActivity: Date | null;
	certified: boolean;
}

export interface ModuleSummary {
	slug: string;
	finished: number;
	started: number;
	/** The median of the members' best scores, among those who took the quiz. */
	medianScore: number | null;
	/** Members overdue on the module, for the message to all of them. */
	overdue: DashboardMember[];
}

const key = (userId: string, slug: string) => `${userId}\u0000${slug}`;

export function buildDashboard(input: DashboardInput): { rows: DashboardRow[]; summaries: ModuleSummary[] } {
	const reads = new Map(input.reads.map((r) => [key(r.userId, r.moduleSlug), r]));
	const quizzes = new Map(input.quizzes.map((q) => [key(q.userId, q.moduleSlug), q]));
	const extensions = new Map(input.extensions.map((e) => [key(e.userId, e.moduleSlug), e.dueOn]));
	const rows = input.members.map((member): DashboardRow => {
		let lastActivity: Date | null = null;
		const cells = input.modules.map((module): DashboardCell => {
			const read = reads.get(key(member.userId, module.slug));
			const quiz = quizzes.get(key(member.userId, module.slug));
			const extension = extensions.get(key(member.userId, module.slug));
			const sectionsRead = Math.min(read?.sectionsRead ?? 0, module.sectionsTotal);
			const passed = quiz?.passed ?? false;
			const completed = sectionsRead === module.sectionsTotal && (passed || !module.hasQuiz);
			const attempts = quiz?.attempts ?? 0;
			const due = extension ?? module.due;
			for (const at of [read?.lastAt, quiz?.lastAt]) if (at && (!lastActivity || at > lastActivity)) lastActivity = at;
			return {
				status: completed ? "completed" : sectionsRead > 0 || attempts > 0 ? "in-progress" : "not-started",
				sectionsRead,
				attempts,
				bestPercent: quiz?.bestPercent ?? null,
				passed,
				awaitingMark: (quiz?.awaitingMark ?? 0) > 0,
				due,
				extended: extension !== undefined,
				overdue: isOverdue(due, completed, input.today),
			};
		});
		return {
			member,
			cells,
			completed: cells.filter((c) => c.status === "completed").length,
			overdue: cells.filter((c) => c.overdue).length,
			lastActivity,
			certified: input.certified.has(member.userId),
		};
	});
	const summaries = input.modules.map((module, index): ModuleSummary => {
		const cells = rows.map((row) => row.cells[index]!);
		return {
			slug: module.slug,
			finished: cells.filter((c) => c.status === "completed").length,
			started: cells.filter((c) => c.status !== "not-started").length,
			medianScore: median(cells.flatMap((c) => (c.bestPercent === null ? [] : [c.bestPercent]))),
			overdue: rows.filter((row) => row.cells[index]!.overdue).map((row) => row.member),
		};
	});
	return { rows, summaries };
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[middle]!;
}

export const DASHBOARD_SORTS = ["name", "agency", "progress", "activity", "overdue"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export interface DashboardFilter {
	/** Only members overdue on some module (or on this one, when `module` is given). */
	overdue?: boolean;
	/** Only members who have not started any module of the cohort. */
	notStarted?: boolean;
	agencyId?: string | null;
}

export function filterRows(rows: readonly DashboardRow[], filter: DashboardFilter): DashboardRow[] {
	return rows.filter(
		(row) =>
			(!filter.overdue || row.overdue > 0) &&
			(!filter.notStarted || row.cells.every((c) => c.status === "not-started")) &&
			(!filter.agencyId || row.member.agencyId === filter.agencyId),
	);
}

/**
 * Rows in the order asked for; ties go by name. Progress and overdue put the most first;
 * activity puts the most recent first and those never active last.
 */
export function sortRows(rows: readonly DashboardRow[], sort: DashboardSort, collator: Intl.Collator): DashboardRow[] {
	const byName = (a: DashboardRow, b: DashboardRow) => collator.compare(a.member.name, b.member.name);
	const compare: Record<DashboardSort, (a: DashboardRow, b: DashboardRow) => number> = {
		name: byName,
		agency: (a, b) =>
			collator.compare(a.member.agencyName ?? "\uffff", b.member.agencyName ?? "\uffff") || byName(a, b),
		progress: (a, b) => b.completed - a.completed || byName(a, b),
		activity: (a, b) => (b.lastActivity?.getTime() ?? -1) - (a.lastActivity?.getTime() ?? -1) || byName(a, b),
		overdue: (a, b) => b.overdue - a.overdue || byName(a, b),
	};
	return [...rows].sort(compare[sort]);
}
