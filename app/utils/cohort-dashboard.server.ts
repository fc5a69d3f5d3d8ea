import {
	buildDashboard,
	DASHBOARD_SORTS,
	filterRows,
	sortRows,
	type DashboardFilter,
	type DashboardInput,
	type DashboardSort,
	type QuizFacts,
	type ReadFacts,
} from "~/domain/cohorts/dashboard";
import { Prisma } from "~/generated/prisma/client";
import { dayOf } from "~/domain/cohorts/days";
import { cohortModules, type CohortModule, type CohortRecord } from "./cohorts.server";
import { localized } from "./content.server";
import { encodeRow, type MatrixRow } from "~/components/cohorts/matrix-html";
import { prisma, readRows } from "./db.server";
import { sqlDateOrNull } from "./raw-sql.server";
import { onLearningChange } from "./learning-events.server";
import { INTL_LOCALES, type Language } from "./i18n";

/**
 * The data of the cohort dashboard (docs/decisions/0052-cohort-dashboard.md) in a fixed number of
 * queries, whatever the number of members: the database groups reads and attempts per member
 * and module, and the domain builds the cells.
 */
export async function loadDashboardFacts(cohort: CohortRecord, modules: readonly CohortModule[], today = new Date()) {
	const slugs = modules.map((m) => m.module.slug);
	const members = await prisma.cohortMember.findMany({
		where: { cohortId: cohort.id, removedAt: null },
		select: {
			user: {
				select: { id: true, name: true, email: true, agencyId: true, agency: { select: { name: true, nameRu: true } } },
			},
		},
	});
	const userIds = members.map((m) => m.user.id);
	const [reads, attempts, extensions, certificates] = await Promise.all([
		readFacts(userIds, modules),
		quizFacts(userIds, slugs),
		prisma.cohortExtension.findMany({
			where: { cohortId: cohort.id },
			select: { userId: true, moduleSlug: true, dueOn: true },
		}),
		cohort.trackSlug
			? prisma.certificate.findMany({
					where: { trackSlug: cohort.trackSlug, revokedAt: null, userId: { in: userIds } },
					select: { userId: true },
				})
			: [],
	]);
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
		reads,
		quizzes: attempts,
		extensions: extensions.map((e) => ({ userId: e.userId, moduleSlug: e.moduleSlug, dueOn: dayOf(e.dueOn) })),
		certified: new Set(certificates.map((c) => c.userId)),
		today: dayOf(today),
	};
	// Attempts with an answer awaiting a trainer: the marking queue's size, from the same facts.
	const toMark = attempts.reduce((total, q) => total + q.awaitingMark, 0);
	return { ...buildDashboard(input), toMark };
}

/*
 * The two aggregates below are the app's only SQL of its own (docs/decisions/0052-cohort-dashboard.md):
 * Prisma's groupBy gives the same rows at four times the cost, which a 200 × 16 dashboard cannot
 * afford. The SQL is plain (COUNT, MAX, SUM of CASE, quoted names) so that it runs on PostgreSQL
 * too; DateTime columns come back as text from SQLite and as dates from PostgreSQL.
 */

/**
 * Sections of each module read by each user, and when last. Only sections the module still has
 * count, as on the learner's own pages; the test is in the SELECT, so that SQLite reads the
 * covering index by user and module instead of probing it once per section.
 */
async function readFacts(userIds: readonly string[], modules: readonly CohortModule[]): Promise<ReadFacts[]> {
	const withSections = modules.filter(({ module }) => module.sections.length > 0);
	if (userIds.length === 0 || withSections.length === 0) return [];
	const current = Prisma.join(
		withSections.map(
			({ module }) =>
				Prisma.sql`("moduleSlug" = ${module.slug} AND "sectionId" IN (${Prisma.join(module.sections.map((s) => s.id))}))`,
		),
		" OR ",
	);
	const rows = await readRows<{ userId: string; moduleSlug: string; n: bigint | number; last: unknown }>(Prisma.sql`
		SELECT "userId", "moduleSlug", SUM(CASE WHEN ${current} THEN 1 ELSE 0 END) AS n, MAX("readAt") AS last
		FROM "SectionRead"
		WHERE "userId" IN (${Prisma.join(userIds)})
			AND "moduleSlug" IN (${Prisma.join(withSections.map(({ module }) => module.slug))})
		GROUP BY "userId", "moduleSlug"`);
	return rows.map((row) => ({
		userId: row.userId,
		moduleSlug: row.moduleSlug,
		sectionsRead: Number(row.n),
		lastAt: sqlDateOrNull(row.last),
	}));
}

/** Each user's submitted attempts at each module's quiz: how many, the best, passed, awaiting a mark, when last. */
async function quizFacts(userIds: readonly string[], slugs: readonly string[]): Promise<QuizFacts[]> {
	if (userIds.length === 0 || slugs.length === 0) return [];
	const rows = await readRows<{
		userId: string;
		moduleSlug: string;
		n: bigint | number;
		best: number | null;
		passed: bigint | number | null;
		awaiting: bigint | number | null;
		last: unknown;
	}>(Prisma.sql`
		SELECT "userId", "moduleSlug", COUNT(*) AS n, MAX("percent") AS best,
			SUM(CASE WHEN "passed" THEN 1 ELSE 0 END) AS passed,
			SUM(CASE WHEN "needsGrading" THEN 1 ELSE 0 END) AS awaiting,
			MAX("submittedAt") AS last
		FROM "QuizAttempt"
		WHERE "userId" IN (${Prisma.join(userIds)}) AND "moduleSlug" IN (${Prisma.join(slugs)})
			AND "submittedAt" IS NOT NULL
		GROUP BY "userId", "moduleSlug"`);
	return rows.map((row) => ({
		userId: row.userId,
		moduleSlug: row.moduleSlug,
		attempts: Number(row.n),
		bestPercent: row.best === null ? null : Number(row.best),
		passed: Number(row.passed ?? 0) > 0,
		awaitingMark: Number(row.awaiting ?? 0),
		lastAt: sqlDateOrNull(row.last),
	}));
}

export type DashboardQuery = { sort: DashboardSort; filter: DashboardFilter };

/** Rows as the query asks: filtered, then sorted by the reader's language. */
export function arrangeRows(
	rows: ReturnType<typeof buildDashboard>["rows"],
	query: DashboardQuery,
	language: Language,
) {
	let collator = collators.get(language);
	if (!collator) collators.set(language, (collator = new Intl.Collator(INTL_LOCALES[language])));
	return sortRows(filterRows(rows, query.filter), query.sort, collator);
}

const collators = new Map<Language, Intl.Collator>();

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

/**
 * The facts of each cohort's dashboard, kept for a short while: a learner's action in this
 * process forgets them at once (learning-events.server.ts), anything else within FACTS_SECONDS.
 * A trainer who reloads the page, a filter or a sort then costs no aggregate queries. Facts older
 * than that are still shown once while new ones are read on a turn of their own, so no trainer
 * waits for the aggregates, unless they are older than STALE_SECONDS. With several server
 * processes (WEB_CONCURRENCY > 1) a learner's action in another process would not reach this
 * one, so nothing is kept: every page reads the facts (docs/decisions/0103).
 */
const FACTS_SECONDS = 30;
const STALE_SECONDS = 300;
const MAX_COHORTS_KEPT = 50;

type Facts = Awaited<ReturnType<typeof loadDashboardFacts>>;
type Kept = {
	at: number;
	facts: Promise<Facts>;
	/** New facts are being read in place of these. */
	renewing?: boolean;
	/** The rows for each language, sort and filter asked for, and as the page carries them, kept with the facts they come from. */
	pages: Map<string, { rows: ReturnType<typeof arrangeRows>; page: MatrixRow[] }>;
};
const kept = new Map<string, Kept>();
onLearningChange(() => kept.clear());

/** Whether this process is one of several serving the app (server-cluster.js). */
function severalProcesses() {
	return Number(process.env.WEB_CONCURRENCY) > 1 || process.env.WEB_CONCURRENCY === "auto";
}

export function forgetDashboardFacts() {
	kept.clear();
}

function cachedFacts(cohort: CohortRecord, modules: readonly CohortModule[], now = new Date()): Kept {
	const key = [
		cohort.id,
		dayOf(now),
		...modules.map(({ module, due }) => `${module.slug}:${module.sections.length}:${due ?? ""}`),
	].join("|");
	const fresh = () => loadDashboardFacts(cohort, modules, now);
	if (severalProcesses()) return { at: now.getTime(), facts: fresh(), pages: new Map() };
	const hit = kept.get(key);
	const age = hit ? now.getTime() - hit.at : Infinity;
	if (hit && age < FACTS_SECONDS * 1000) return hit;
	if (hit && age < STALE_SECONDS * 1000) {
		if (!hit.renewing) {
			hit.renewing = true;
			setImmediate(() => renew(key, hit, cohort, modules));
		}
		return hit;
	}
	const facts = fresh();
	facts.catch(() => kept.delete(key));
	if (kept.size >= MAX_COHORTS_KEPT) kept.delete(kept.keys().next().value!);
	const entry = { at: now.getTime(), facts, pages: new Map() };
	kept.set(key, entry);
	return entry;
}

/**
 * Reads new facts in place of `stale`, shown until they are read. They take its place only if it
 * is still the one kept: a learner's action since has forgotten it, and the new facts may miss it.
 */
function renew(key: string, stale: Kept, cohort: CohortRecord, modules: readonly CohortModule[]) {
	if (kept.get(key) !== stale) return;
	const now = new Date();
	const facts = loadDashboardFacts(cohort, modules, now);
	facts.then(
		() => kept.get(key) === stale && kept.set(key, { at: now.getTime(), facts, pages: new Map() }),
		() => (stale.renewing = false),
	);
}

/** Everything the dashboard and its export show: the modules, the arranged rows, the per-module summary. */
export async function loadDashboard(cohort: CohortRecord, language: Language, query: DashboardQuery) {
	const modules = await cohortModules(cohort);
	const entry = cachedFacts(cohort, modules);
	const { rows, summaries, toMark } = await entry.facts;
	const agencies = new Map<string, string>();
	for (const { member } of rows) {
		if (member.agencyId)
			agencies.set(member.agencyId, (language === "ru" && member.agencyNameRu) || member.agencyName!);
	}
	const pageKey = `${language}|${query.sort}|${query.filter.overdue}|${query.filter.notStarted}|${query.filter.agencyId}`;
	let arrangement = entry.pages.get(pageKey);
	if (!arrangement) {
		const arranged = arrangeRows(rows, query, language);
		const page = arranged.map((row) =>
			encodeRow(row, row.member.agencyId ? (agencies.get(row.member.agencyId) ?? null) : null),
		);
		entry.pages.set(pageKey, (arrangement = { rows: arranged, page }));
	}
	const { rows: arranged, page } = arrangement;
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
		toMark,
		rows: arranged,
		/** The rows as the page carries them; the same array while the facts stand (matrix-html.ts keeps its HTML). */
		page,
		summaries,
		agencies: [...agencies]
			.map(([id, name]) => ({ id, name }))
			.sort((a, b) => a.name.localeCompare(b.name, INTL_LOCALES[language])),
	};
}
