import { dayOf, type Day } from "~/domain/cohorts/days";
import { dueDate, dueRuleOf, isOverdue, traineeDueDate } from "~/domain/cohorts/due-dates";
import { listModules, localized } from "./content.server";
import { prisma } from "./db.server";
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
	const memberships = await prisma.cohortMember.findMany({
		where: { userId, removedAt: null, cohort: { archivedAt: null } },
		select: {
			cohort: {
				select: {
					id: true,
					name: true,
					startsOn: true,
					trainers: { select: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
					modules: { select: { moduleSlug: true, dueOn: true, dueDays: true }, orderBy: { position: "asc" } },
					extensions: { where: { userId }, select: { moduleSlug: true, dueOn: true } },
					messages: {
						select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
						orderBy: { createdAt: "desc" },
						take: 3,
					},
				},
			},
		},
		orderBy: { joinedAt: "desc" },
	});
	if (memberships.length === 0) return [];
	const modules = await listModules();
	const bySlug = new Map(modules.map((m) => [m.slug, m]));
	const progress = await progressOf();
	const now = dayOf(today);
	return memberships.map(({ cohort }) => {
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
			trainers: cohort.trainers.map((t) => t.user.name),
			completed: plan.filter((m) => m.completed).length,
			total: plan.length,
			next: upcoming ?? null,
			overdue: plan.filter((m) => m.overdue),
			messages: cohort.messages.map((m) => ({
				id: m.id,
				body: m.body,
				at: dayOf(m.createdAt),
				author: m.author?.name ?? null,
			})),
		};
	});
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
