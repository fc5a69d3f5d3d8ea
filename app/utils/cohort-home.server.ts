import { dayOf, type Day } from "~/domain/cohorts/days";
import { dueDate, dueRuleOf, isOverdue, traineeDueDate } from "~/domain/cohorts/due-dates";
import { listModules, localized } from "./content.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "./db.server";
import { sqlDate, sqlDateOrNull } from "./raw-sql.server";
import type { Language } from "./i18n";
import type { getProgress } from "./progress.server";

/**
 * The cohorts on a user's home page: for a member, each cohort with its trainers, the next
 * module due, what is overdue and the trainers' latest messages; for a trainer, the cohorts they
 * run. A fixed number of queries however many cohorts.
 */
export async function memberCohorts(
	userId: string,
	language: Language,
	progressOf: () => ReturnType<typeof getProgress>,
	today = new Date(),
) {
	const memberships = await readMemberships(userId);
	if (memberships.length === 0) return [];
	const modules = await listModules();
	const bySlug = new Map(modules.map((m) => [m.slug, m]));
	const progress = await progressOf();
	const now = dayOf(today);
	return memberships.map((cohort) => {
		const startsOn = dayOf(cohort.startsOn);
		const extension = new Map(cohort.extensions.map((e) => [e.moduleSlug, dayOf(e.dueOn)]));
		const plan = cohort.modules.flatMap((row) => {
			const module = bySlug.get(row.moduleSlug);
			if (!module) return [];
			const rule = dueRuleOf({ dueOn: row.dueOn ? dayOf(row.dueOn) : null, dueDays: row.dueDays });
			const due = traineeDueDate(rule, startsOn, extension.get(row.moduleSlug));
			const completed = progress.get(module.slug)?.completed ?? false;
			return [
				{
					slug: module.slug,
					number: module.meta.number,
					title: localized(module.meta.title, language),
					due,
					completed,
					overdue: isOverdue(due, completed, now),
				},
			];
		});
		const upcoming = plan
			.filter((m) => !m.completed && !m.overdue)
			.sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"))[0];
		return {
			id: cohort.id,
			name: cohort.name,
			trainers: cohort.trainers,
			completed: plan.filter((m) => m.completed).length,
			total: plan.length,
			next: upcoming ?? null,
			overdue: plan.filter((m) => m.overdue),
			messages: cohort.messages,
		};
	});
}

/**
 * The member's cohorts, newest joined first, with their trainers, plan, the member's extensions
 * and the last three messages: five SQL statements (one when the user is in no cohort), however
 * many cohorts. In raw SQL, the same on SQLite and PostgreSQL: as one nested `findMany` the query
 * compiler made it 4 ms of CPU, most of the home page (docs/decisions/0094).
 */
async function readMemberships(userId: string) {
	const cohorts = await readRows<{ id: string; name: string; startsOn: unknown }>(Prisma.sql`
		SELECT c."id", c."name", c."startsOn"
		FROM "CohortMember" m JOIN "Cohort" c ON c."id" = m."cohortId"
		WHERE m."userId" = ${userId} AND m."removedAt" IS NULL AND c."archivedAt" IS NULL
		ORDER BY m."joinedAt" DESC`);
	if (cohorts.length === 0) return [];
	const ids = Prisma.join(cohorts.map((c) => c.id));
	const [trainers, modules, extensions, messages] = await Promise.all([
		readRows<{ cohortId: string; name: string }>(Prisma.sql`
			SELECT t."cohortId", u."name" FROM "CohortTrainer" t JOIN "User" u ON u."id" = t."userId"
			WHERE t."cohortId" IN (${ids}) ORDER BY t."addedAt", t."id"`),
		readRows<{ cohortId: string; moduleSlug: string; dueOn: unknown; dueDays: number | bigint | null }>(Prisma.sql`
			SELECT "cohortId", "moduleSlug", "dueOn", "dueDays" FROM "CohortModule"
			WHERE "cohortId" IN (${ids}) ORDER BY "position"`),
		readRows<{ cohortId: string; moduleSlug: string; dueOn: unknown }>(Prisma.sql`
			SELECT "cohortId", "moduleSlug", "dueOn" FROM "CohortExtension"
			WHERE "cohortId" IN (${ids}) AND "userId" = ${userId}`),
		readRows<{ cohortId: string; id: string; body: string; createdAt: unknown; author: string | null }>(Prisma.sql`
			SELECT "cohortId", "id", "body", "createdAt", "author" FROM (
				SELECT msg."cohortId", msg."id", msg."body", msg."createdAt", u."name" AS "author",
					ROW_NUMBER() OVER (PARTITION BY msg."cohortId" ORDER BY msg."createdAt" DESC, msg."id" DESC) AS "n"
				FROM "CohortMessage" msg LEFT JOIN "User" u ON u."id" = msg."authorId"
				WHERE msg."cohortId" IN (${ids})
			) recent
			WHERE "n" <= 3 ORDER BY "createdAt" DESC, "id" DESC`),
	]);
	const of = <T extends { cohortId: string }>(rows: T[], cohortId: string) =>
		rows.filter((r) => r.cohortId === cohortId);
	return cohorts.map((c) => ({
		id: c.id,
		name: c.name,
		startsOn: sqlDate(c.startsOn),
		trainers: of(trainers, c.id).map((t) => t.name),
		modules: of(modules, c.id).map((m) => ({
			moduleSlug: m.moduleSlug,
			dueOn: sqlDateOrNull(m.dueOn),
			dueDays: m.dueDays === null ? null : Number(m.dueDays),
		})),
		extensions: of(extensions, c.id).map((e) => ({ moduleSlug: e.moduleSlug, dueOn: sqlDate(e.dueOn) })),
		// As the card shows them: the day, and the author's name (null once the author is deleted).
		messages: of(messages, c.id).map((m) => ({
			id: m.id,
			body: m.body,
			at: dayOf(sqlDate(m.createdAt)),
			author: m.author,
		})),
	}));
}

export type MemberCohort = Awaited<ReturnType<typeof memberCohorts>>[number];

/** The cohorts a trainer runs that are not archived, with their size and the next due date. */
export async function trainerCohorts(trainerId: string, today = new Date()) {
	const cohorts = await prisma.cohort.findMany({
		where: { archivedAt: null, trainers: { some: { userId: trainerId } } },
		select: {
			id: true,
			name: true,
			startsOn: true,
			modules: { select: { dueOn: true, dueDays: true } },
			_count: { select: { members: { where: { removedAt: null } } } },
		},
		orderBy: { startsOn: "desc" },
	});
	const now = dayOf(today);
	return cohorts.map((cohort) => {
		const startsOn = dayOf(cohort.startsOn);
		const dues = cohort.modules
			.map((m) => dueDate(dueRuleOf({ dueOn: m.dueOn ? dayOf(m.dueOn) : null, dueDays: m.dueDays }), startsOn))
			.filter((d): d is Day => d !== null && d >= now)
			.sort();
		return { id: cohort.id, name: cohort.name, members: cohort._count.members, nextDue: dues[0] ?? null };
	});
}
