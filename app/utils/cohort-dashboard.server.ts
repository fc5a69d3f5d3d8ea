import {
	buildDashboard,
	DASHBOARD_SORTS,
	filterRows,
	sortRows,
	type DashboardFilter,
	type DashboardInput,
	type DashboardSort,
} from "~/domain/cohorts/dashboard";
import { dayOf } from "~/domain/cohorts/days";
import { cohortModules, type CohortModule, type CohortRecord } from "./cohorts.server";
import { localized } from "./content.server";
import { prisma } from "./db.server";
import { INTL_LOCALES, type Language } from "./i18n";

/**
 * The data of the cohort dashboard (docs/decisions/0052-cohort-dashboard.md) in a fixed number of
 * queries, whatever the number of members: the database groups reads and attempts per member
 * and module, and the domain builds the cells.
 */
export async function loadDashboardFacts(cohort: CohortRecord, modules: readonly CohortModule[], today = new Date()) {
	const slugs = modules.map((m) => m.module.slug);
	const inCohort = { cohortMemberships: { some: { cohortId: cohort.id, removedAt: null } } };
	const submitted = { user: inCohort, moduleSlug: { in: slugs }, submittedAt: { not: null } };
	const [members, reads, attempts, passed, awaiting, extensions, certificates] = await Promise.all([
		prisma.cohortMember.findMany({
			where: { cohortId: cohort.id, removedAt: null },
			select: {
				user: {
					select: {
						id: true,
						name: true,
						email: true,
						agencyId: true,
						agency: { select: { name: true, nameRu: true } },
					},
				},
			},
		}),
		// Only sections the modules still have count, as on the learner's own pages.
		prisma.sectionRead.groupBy({
			by: ["userId", "moduleSlug"],
			where: {
				user: inCohort,
				OR: modules.map(({ module }) => ({
					moduleSlug: module.slug,
					sectionId: { in: module.sections.map((s) => s.id) },
				})),
			},
			_count: { _all: true },
			_max: { readAt: true },
		}),
		prisma.quizAttempt.groupBy({
			by: ["userId", "moduleSlug"],
			where: submitted,
			_count: { _all: true },
			_max: { percent: true, submittedAt: true },
		}),
		prisma.quizAttempt.groupBy({
			by: ["userId", "moduleSlug"],
			where: { ...submitted, passed: true },
			_count: { _all: true },
		}),
		prisma.quizAttempt.groupBy({
			by: ["userId", "moduleSlug"],
			where: { ...submitted, needsGrading: true },
			_count: { _all: true },
		}),
		prisma.cohortExtension.findMany({
			where: { cohortId: cohort.id },
			select: { userId: true, moduleSlug: true, dueOn: true },
		}),
		cohort.trackSlug
			? prisma.certificate.findMany({
					where: { trackSlug: cohort.trackSlug, revokedAt: null, user: inCohort },
					select: { userId: true },
				})
			: [],
	]);
	const pairKey = (g: { userId: string; moduleSlug: string }) => `${g.userId}\u0000${g.moduleSlug}`;
	const passedKeys = new Set(passed.map(pairKey));
	const awaitingCounts = new Map(awaiting.map((g) => [pairKey(g), g._count._all]));
	const input: DashboardInput = {
		modules: modules.map(({ module, due }) => ({
			slug: module.slug,
			sectionsTotal: module.sections.length,
			hasQuiz: module.hasQuiz,
			due,
		})),
		members: members.map(({ user }) => ({
			userId: user.id,
			name: user.name,
			email: user.email,
			agencyId: user.agencyId,
			agencyName: user.agency?.name ?? null,
			agencyNameRu: user.agency?.nameRu || null,
		})),
		reads: reads.map((g) => ({
			userId: g.userId,
			moduleSlug: g.moduleSlug,
			sectionsRead: g._count._all,
			lastAt: g._max.readAt,
		})),
		quizzes: attempts.map((g) => ({
			userId: g.userId,
			moduleSlug: g.moduleSlug,
			attempts: g._count._all,
			bestPercent: g._max.percent,
			passed: passedKeys.has(pairKey(g)),
			awaitingMark: awaitingCounts.get(pairKey(g)) ?? 0,
			lastAt: g._max.submittedAt,
		})),
		extensions: extensions.map((e) => ({ userId: e.userId, moduleSlug: e.moduleSlug, dueOn: dayOf(e.dueOn) })),
		certified: new Set(certificates.map((c) => c.userId)),
		today: dayOf(today),
	};
	return buildDashboard(input);
}

export type DashboardQuery = { sort: DashboardSort; filter: DashboardFilter };

/** Rows as the query asks: filtered, then sorted by the reader's language. */
export function arrangeRows(
	rows: ReturnType<typeof buildDashboard>["rows"],
	query: DashboardQuery,
	language: Language,
) {
	return sortRows(filterRows(rows, query.filter), query.sort, new Intl.Collator(INTL_LOCALES[language]));
}

/** The sort and filters of the dashboard's address (plain links and a GET form set them). */
export function parseDashboardQuery(params: URLSearchParams): DashboardQuery {
	const sort = params.get("sort");
	return {
		sort: (DASHBOARD_SORTS as readonly string[]).includes(sort ?? "") ? (sort as DashboardSort) : "name",
		filter: {
			overdue: params.get("overdue") === "1",
			notStarted: params.get("notStarted") === "1",
			agencyId: params.get("agency") || null,
		},
	};
}

/** Everything the dashboard and its export show: the modules, the arranged rows, the per-module summary. */
export async function loadDashboard(cohort: CohortRecord, language: Language, query: DashboardQuery) {
	const modules = await cohortModules(cohort);
	const { rows, summaries } = await loadDashboardFacts(cohort, modules);
	const agencies = new Map<string, string>();
	for (const { member } of rows) {
		if (member.agencyId)
			agencies.set(member.agencyId, (language === "ru" && member.agencyNameRu) || member.agencyName!);
	}
	return {
		modules: modules.map(({ module, due }) => ({
			slug: module.slug,
			number: module.meta.number,
			title: localized(module.meta.title, language),
			sections: module.sections.length,
			hasQuiz: module.hasQuiz,
			due,
		})),
		total: rows.length,
		rows: arrangeRows(rows, query, language),
		summaries,
		agencies: [...agencies]
			.map(([id, name]) => ({ id, name }))
			.sort((a, b) => a.name.localeCompare(b.name, INTL_LOCALES[language])),
	};
}
