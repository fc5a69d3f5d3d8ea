import { Prisma } from "~/generated/prisma/client";
import crypto from "node:crypto";
import { addDays, dateOf, dayOf, daysBetween, type Day } from "~/domain/cohorts/days";
import { dueDate, dueRuleColumns, dueRuleOf, ruleForCopy, type DueRule } from "~/domain/cohorts/due-dates";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinRefusal, normalizeJoinCode } from "~/domain/cohorts/join-code";
import { requireUser, type SessionUser } from "./auth.server";
import { listModules, localized } from "./content.server";
import { prisma, readRows } from "./db.server";
import { sqlDate, sqlDateOrNull } from "./raw-sql.server";
import { learningChanged } from "./learning-events.server";
import { customAlphabet } from "./random.server";
import { hasRole } from "./roles";
import type { Language } from "./i18n";
import { awardCompletedTracks, enrol, getTrack, getTracks } from "./tracks.server";

/**
 * Cohorts on the database (docs/decisions/0050-cohorts.md): who may see and run which cohort,
 * and the writes that admit, remove and plan. The rules themselves (due dates, join codes, the
 * dashboard) are in app/domain/cohorts.
 */

/**
 * A cohort as every cohort page reads it: its country, trainers in the order they were added, and
 * modules in their order. Three raw reads past Prisma's client (docs/decisions/0097): the nested
 * `findUnique` it replaces cost 2-4 ms of CPU on every page of a cohort.
 */
export async function findCohort(cohortId: string | undefined) {
	if (!cohortId) throw new Response("Not found", { status: 404 });
	const [[cohort], trainers, modules] = await Promise.all([
		readRows<{
			id: string;
			name: string;
			countryCode: string;
			nameEn: string;
			nameRu: string;
			trackSlug: string | null;
			startsOn: unknown;
			endsOn: unknown;
			joinCode: string;
			joinCodeExpiresAt: unknown;
			archivedAt: unknown;
		}>(Prisma.sql`
			SELECT c."id", c."name", c."countryCode", k."nameEn", k."nameRu", c."trackSlug", c."startsOn", c."endsOn",
				c."joinCode", c."joinCodeExpiresAt", c."archivedAt"
			FROM "Cohort" c JOIN "Country" k ON k."code" = c."countryCode"
			WHERE c."id" = ${cohortId}`),
		readRows<{ userId: string; name: string; email: string }>(Prisma.sql`
			SELECT t."userId", u."name", u."email" FROM "CohortTrainer" t JOIN "User" u ON u."id" = t."userId"
			WHERE t."cohortId" = ${cohortId} ORDER BY t."addedAt", t."id"`),
		readRows<{ moduleSlug: string; dueOn: unknown; dueDays: number | null }>(Prisma.sql`
			SELECT "moduleSlug", "dueOn", "dueDays" FROM "CohortModule" WHERE "cohortId" = ${cohortId}
			ORDER BY "position", "id"`),
	]);
	if (!cohort) throw new Response("Not found", { status: 404 });
	return {
		id: cohort.id,
		name: cohort.name,
		countryCode: cohort.countryCode,
		country: { nameEn: cohort.nameEn, nameRu: cohort.nameRu },
		trackSlug: cohort.trackSlug,
		startsOn: sqlDate(cohort.startsOn),
		endsOn: sqlDateOrNull(cohort.endsOn),
		joinCode: cohort.joinCode,
		joinCodeExpiresAt: sqlDateOrNull(cohort.joinCodeExpiresAt),
		archivedAt: sqlDateOrNull(cohort.archivedAt),
		trainers: trainers.map((t) => ({ userId: t.userId, user: { name: t.name, email: t.email } })),
		modules: modules.map((m) => ({ moduleSlug: m.moduleSlug, dueOn: sqlDateOrNull(m.dueOn), dueDays: m.dueDays })),
	};
}

export type CohortRecord = Awaited<ReturnType<typeof findCohort>>;

/** What a user may do with a cohort: run it (its trainers, admins), or only read it (the coordinator of its country). */
export type CohortAccess = "manage" | "read" | null;

export function cohortAccess(
	user: Pick<SessionUser, "id" | "roles" | "countryCode">,
	cohort: CohortRecord,
): CohortAccess {
	if (hasRole(user, "admin")) return "manage";
	if (hasRole(user, "trainer") && cohort.trainers.some((t) => t.userId === user.id)) return "manage";
	if (hasRole(user, "coordinator") && user.countryCode === cohort.countryCode) return "read";
	return null;
}

const forbidden = () => new Response("Forbidden", { status: 403, statusText: "Forbidden" });

/** A trainer of this cohort, or an admin; 404 when there is no such cohort, 403 for anyone else. */
export async function requireCohortTrainer(request: Request, cohortId: string | undefined) {
	const user = await requireUser(request);
	const cohort = await findCohort(cohortId);
	if (cohortAccess(user, cohort) !== "manage") throw forbidden();
	return { user, cohort };
}

/** Anyone who may see the cohort: its trainers and admins, and read-only the coordinator of its country. */
export async function requireCohortViewer(request: Request, cohortId: string | undefined) {
	const user = await requireUser(request);
	const cohort = await findCohort(cohortId);
	const access = cohortAccess(user, cohort);
	if (!access) throw forbidden();
	return { user, cohort, canManage: access === "manage" };
}

/** What every cohort page shows in its header. */
export function cohortHeading(cohort: CohortRecord, language: Language, canManage: boolean, trackTitle: string | null) {
	return {
		id: cohort.id,
		name: cohort.name,
		country: language === "ru" ? cohort.country.nameRu : cohort.country.nameEn,
		startsOn: dayOf(cohort.startsOn),
		endsOn: cohort.endsOn ? dayOf(cohort.endsOn) : null,
		archived: cohort.archivedAt !== null,
		trainers: cohort.trainers.map((t) => t.user.name),
		trackTitle,
		canManage,
	};
}

export type CohortHeading = ReturnType<typeof cohortHeading>;

/** The title of the cohort's track in the reader's language, or null when it follows its own modules. */
export async function cohortTrackTitle(cohort: Pick<CohortRecord, "trackSlug">, language: Language) {
	if (!cohort.trackSlug) return null;
	const track = await getTrack(cohort.trackSlug);
	return track ? localized(track.frontmatter.title, language) : cohort.trackSlug;
}

/** The cohort's modules as the content has them, in the cohort's order, with each one's due day. */
export async function cohortModules(cohort: Pick<CohortRecord, "modules" | "startsOn">) {
	const bySlug = new Map((await listModules()).map((m) => [m.slug, m]));
	const startsOn = dayOf(cohort.startsOn);
	return cohort.modules.flatMap((row) => {
		const module = bySlug.get(row.moduleSlug);
		if (!module) return [];
		const rule = dueRuleOf({ dueOn: row.dueOn ? dayOf(row.dueOn) : null, dueDays: row.dueDays });
		return [{ module, rule, due: dueDate(rule, startsOn) }];
	});
}

export type CohortModule = Awaited<ReturnType<typeof cohortModules>>[number];

/** The cohorts a user may open, newest first: those they run, their country's (coordinators), or all (admins). */
export async function listCohortsFor(user: SessionUser, options: { archived: boolean }) {
	const either = [
		...(hasRole(user, "trainer") ? [{ trainers: { some: { userId: user.id } } }] : []),
		...(hasRole(user, "coordinator") && user.countryCode ? [{ countryCode: user.countryCode }] : []),
	];
	const admin = hasRole(user, "admin");
	if (!admin && either.length === 0) return [];
	return prisma.cohort.findMany({
		where: { ...(admin ? {} : { OR: either }), archivedAt: options.archived ? { not: null } : null },
		select: {
			id: true,
			name: true,
			countryCode: true,
			trackSlug: true,
			startsOn: true,
			endsOn: true,
			archivedAt: true,
			trainers: { select: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
			_count: { select: { members: { where: { removedAt: null } }, modules: true } },
		},
		orderBy: [{ startsOn: "desc" }, { name: "asc" }],
	});
}

/**
 * The trainees a trainer trains: the members of the cohorts they run that are not archived.
 * Other features (the sandbox's review queue) hang their own trainer checks on this.
 */
export async function traineesOf(trainerId: string): Promise<Array<{ userId: string; cohortIds: string[] }>> {
	const memberships = await prisma.cohortMember.findMany({
		where: { removedAt: null, cohort: { archivedAt: null, trainers: { some: { userId: trainerId } } } },
		select: { userId: true, cohortId: true },
	});
	const byUser = new Map<string, string[]>();
	for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m.cohortId]);
	return [...byUser].map(([userId, cohortIds]) => ({ userId, cohortIds }));
}

/** Whether the trainer runs a cohort (not archived) that the trainee is a member of. */
export async function trainsTrainee(trainerId: string, traineeId: string) {
	const count = await prisma.cohortMember.count({
		where: {
			userId: traineeId,
			removedAt: null,
			cohort: { archivedAt: null, trainers: { some: { userId: trainerId } } },
		},
	});
	return count > 0;
}

const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

/** A join code no cohort has. */
async function uniqueJoinCode() {
	for (;;) {
		const code = newJoinCode();
		if (!(await prisma.cohort.findUnique({ where: { joinCode: code }, select: { id: true } }))) return code;
	}
}

export type CohortPlan = { trackSlug: string | null; moduleSlugs: string[] };

export type CohortFields = {
	name: string;
	countryCode: string;
	startsOn: Day;
	endsOn: Day | null;
} & CohortPlan;

export async function createCohort(fields: CohortFields, trainerId: string) {
	const cohort = await prisma.cohort.create({
		data: {
			name: fields.name,
			countryCode: fields.countryCode,
			trackSlug: fields.trackSlug,
			startsOn: dateOf(fields.startsOn),
			endsOn: fields.endsOn ? dateOf(fields.endsOn) : null,
			joinCode: await uniqueJoinCode(),
			createdById: trainerId,
			trainers: { create: { userId: trainerId } },
			modules: { create: fields.moduleSlugs.map((moduleSlug, position) => ({ moduleSlug, position })) },
		},
		select: { id: true },
	});
	return cohort.id;
}

/** Saves the cohort's fields and plan; modules that stay keep their due dates. */
export async function updateCohort(cohortId: string, fields: CohortFields) {
	const kept = await prisma.cohortModule.findMany({
		where: { cohortId },
		select: { moduleSlug: true, dueOn: true, dueDays: true },
	});
	const due = new Map(kept.map((m) => [m.moduleSlug, { dueOn: m.dueOn, dueDays: m.dueDays }]));
	await prisma.$transaction([
		prisma.cohort.update({
			where: { id: cohortId },
			data: {
				name: fields.name,
				countryCode: fields.countryCode,
				trackSlug: fields.trackSlug,
				startsOn: dateOf(fields.startsOn),
				endsOn: fields.endsOn ? dateOf(fields.endsOn) : null,
			},
		}),
		prisma.cohortModule.deleteMany({ where: { cohortId } }),
		prisma.cohortModule.createMany({
			data: fields.moduleSlugs.map((moduleSlug, position) => ({
				cohortId,
				moduleSlug,
				position,
				dueOn: due.get(moduleSlug)?.dueOn ?? null,
				dueDays: due.get(moduleSlug)?.dueDays ?? null,
			})),
		}),
	]);
	learningChanged();
}

export async function setDueRules(cohortId: string, rules: ReadonlyMap<string, DueRule>) {
	await prisma.$transaction(
		[...rules].map(([moduleSlug, rule]) => {
			const { dueOn, dueDays } = dueRuleColumns(rule);
			return prisma.cohortModule.updateMany({
				where: { cohortId, moduleSlug },
				data: { dueOn: dueOn ? dateOf(dueOn) : null, dueDays },
			});
		}),
	);
	learningChanged();
}

/**
 * A copy for another group: the plan, the due dates (those set as days stay, dates move with the
 * start) and the trainers; a new join code, no members, no messages.
 */
export async function copyCohort(cohort: CohortRecord, copy: { name: string; startsOn: Day }, trainerId: string) {
	const fromStart = dayOf(cohort.startsOn);
	const shift = daysBetween(fromStart, copy.startsOn);
	const trainerIds = [...new Set([trainerId, ...cohort.trainers.map((t) => t.userId)])];
	const created = await prisma.cohort.create({
		data: {
			name: copy.name,
			countryCode: cohort.countryCode,
			trackSlug: cohort.trackSlug,
			startsOn: dateOf(copy.startsOn),
			endsOn: cohort.endsOn ? dateOf(addDays(dayOf(cohort.endsOn), shift)) : null,
			joinCode: await uniqueJoinCode(),
			createdById: trainerId,
			copiedFromId: cohort.id,
			trainers: { create: trainerIds.map((userId) => ({ userId })) },
			modules: {
				create: cohort.modules.map((m, position) => {
					const rule = dueRuleOf({ dueOn: m.dueOn ? dayOf(m.dueOn) : null, dueDays: m.dueDays });
					const { dueOn, dueDays } = dueRuleColumns(ruleForCopy(rule, fromStart, copy.startsOn));
					return { moduleSlug: m.moduleSlug, position, dueOn: dueOn ? dateOf(dueOn) : null, dueDays };
				}),
			},
		},
		select: { id: true },
	});
	return created.id;
}

export async function setArchived(cohortId: string, archived: boolean) {
	await prisma.cohort.update({ where: { id: cohortId }, data: { archivedAt: archived ? new Date() : null } });
	learningChanged();
}

export async function rotateJoinCode(cohortId: string) {
	await prisma.cohort.update({ where: { id: cohortId }, data: { joinCode: await uniqueJoinCode() } });
}

export async function setJoinCodeExpiry(cohortId: string, expiresAt: Date | null) {
	await prisma.cohort.update({ where: { id: cohortId }, data: { joinCodeExpiresAt: expiresAt } });
}

/** A co-trainer must have the trainer role; returns why not, or null when added. */
export async function addCoTrainer(cohortId: string, email: string): Promise<"unknown" | "not-trainer" | null> {
	const user = await prisma.user.findUnique({
		where: { email },
		select: { id: true, roles: { select: { name: true } } },
	});
	if (!user) return "unknown";
	if (!user.roles.some((r) => r.name === "trainer")) return "not-trainer";
	await prisma.cohortTrainer.upsert({
		where: { cohortId_userId: { cohortId, userId: user.id } },
		create: { cohortId, userId: user.id },
		update: {},
	});
	return null;
}

export async function removeCoTrainer(cohortId: string, userId: string) {
	await prisma.cohortTrainer.deleteMany({ where: { cohortId, userId } });
	learningChanged();
}

/**
 * Admits a user: a membership (again, if they had been removed) and the cohort's track, and the
 * track's certificate if they have completed it already.
 */
async function admit(cohort: { id: string; trackSlug: string | null }, userId: string) {
	await prisma.cohortMember.upsert({
		where: { cohortId_userId: { cohortId: cohort.id, userId } },
		create: { cohortId: cohort.id, userId },
		update: { removedAt: null, joinedAt: new Date() },
	});
	if (cohort.trackSlug) {
		await enrol(userId, cohort.trackSlug);
		await awardCompletedTracks(userId);
	}
	learningChanged();
}

export type JoinResult =
	{ ok: true; cohortId: string; name: string } | { ok: false; reason: ReturnType<typeof joinRefusal> };

/** Joins the cohort of a typed code, or says why not (docs/decisions/0051-admitting-trainees.md). */
export async function joinWithCode(userId: string, typed: string, now = new Date()): Promise<JoinResult> {
	const code = normalizeJoinCode(typed);
	const cohort = code
		? await prisma.cohort.findUnique({
				where: { joinCode: code },
				select: {
					id: true,
					name: true,
					trackSlug: true,
					archivedAt: true,
					joinCodeExpiresAt: true,
					members: { where: { userId, removedAt: null }, select: { id: true } },
				},
			})
		: null;
	const refusal = joinRefusal(cohort, now, (cohort?.members.length ?? 0) > 0);
	if (refusal || !cohort) return { ok: false, reason: refusal ?? "unknown" };
	await admit(cohort, userId);
	return { ok: true, cohortId: cohort.id, name: cohort.name };
}

/** The cohort a code opens, for the page that asks to confirm joining it; null when the code is none. */
export async function findCohortByCode(typed: string) {
	const code = normalizeJoinCode(typed);
	if (!code) return null;
	return prisma.cohort.findUnique({
		where: { joinCode: code },
		select: {
			id: true,
			name: true,
			joinCode: true,
			archivedAt: true,
			joinCodeExpiresAt: true,
			startsOn: true,
			trainers: { select: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
		},
	});
}

export type AddByEmailResult = { added: string[]; already: string[]; invited: Array<{ email: string; token: string }> };

/**
 * Adds the people of a pasted list: accounts that exist are members at once; for the others a
 * personal sign-up link (an invitation) that admits them when they sign up.
 */
export async function addMembersByEmail(
	cohort: { id: string; trackSlug: string | null },
	emails: readonly string[],
	invitedById: string,
): Promise<AddByEmailResult> {
	const users = await prisma.user.findMany({
		where: { email: { in: [...emails] } },
		select: {
			id: true,
			email: true,
			cohortMemberships: { where: { cohortId: cohort.id, removedAt: null }, select: { id: true } },
		},
	});
	const result: AddByEmailResult = { added: [], already: [], invited: [] };
	for (const user of users) {
		if (user.cohortMemberships.length) {
			result.already.push(user.email);
			continue;
		}
		await admit(cohort, user.id);
		result.added.push(user.email);
	}
	const known = new Set(users.map((u) => u.email));
	for (const email of emails.filter((e) => !known.has(e))) {
		const invitation = await prisma.cohortInvitation.upsert({
			where: { cohortId_email: { cohortId: cohort.id, email } },
			create: { cohortId: cohort.id, email, token: newInvitationToken(), invitedById },
			update: {},
			select: { token: true },
		});
		result.invited.push({ email, token: invitation.token });
	}
	return result;
}

/** 128 random bits, base64url: the personal part of a sign-up link. */
function newInvitationToken() {
	return crypto.randomBytes(16).toString("base64url");
}

/** The invitation of a sign-up link, while it is unused and its cohort open. */
export async function findInvitation(token: string | null | undefined) {
	if (!token) return null;
	const invitation = await prisma.cohortInvitation.findUnique({
		where: { token },
		select: { email: true, acceptedAt: true, cohort: { select: { name: true, archivedAt: true } } },
	});
	return invitation && !invitation.acceptedAt && !invitation.cohort.archivedAt ? invitation : null;
}

/**
 * At sign-up through a personal link: its invitation admits the new user, once. Only the link
 * does (accounts are not verified by e-mail, so an address alone proves nothing); a trainer adds
 * someone who signed up without it by their address, which then exists.
 */
export async function acceptInvitation(userId: string, token: string | null) {
	if (!token) return null;
	const invitation = await prisma.cohortInvitation.findUnique({
		where: { token },
		select: {
			id: true,
			acceptedAt: true,
			cohort: { select: { id: true, name: true, trackSlug: true, archivedAt: true } },
		},
	});
	if (!invitation || invitation.acceptedAt || invitation.cohort.archivedAt) return null;
	const { count } = await prisma.cohortInvitation.updateMany({
		where: { id: invitation.id, acceptedAt: null },
		data: { acceptedAt: new Date(), acceptedById: userId },
	});
	if (count === 0) return null;
	await admit(invitation.cohort, userId);
	return invitation.cohort.name;
}

export async function withdrawInvitation(cohortId: string, invitationId: string) {
	await prisma.cohortInvitation.deleteMany({ where: { id: invitationId, cohortId, acceptedAt: null } });
}

/** Removes a member from the cohort; their reading, attempts and certificates are theirs and stay. */
export async function removeMember(cohortId: string, userId: string) {
	await prisma.cohortMember.updateMany({
		where: { cohortId, userId, removedAt: null },
		data: { removedAt: new Date() },
	});
	learningChanged();
}

export async function setExtension(cohortId: string, userId: string, moduleSlug: string, dueOn: Day | null) {
	if (dueOn === null) {
		await prisma.cohortExtension.deleteMany({ where: { cohortId, userId, moduleSlug } });
	} else {
		await prisma.cohortExtension.upsert({
			where: { cohortId_userId_moduleSlug: { cohortId, userId, moduleSlug } },
			create: { cohortId, userId, moduleSlug, dueOn: dateOf(dueOn) },
			update: { dueOn: dateOf(dueOn) },
		});
	}
	learningChanged();
}

export async function isMember(cohortId: string, userId: string) {
	return (await prisma.cohortMember.count({ where: { cohortId, userId, removedAt: null } })) > 0;
}

export async function postMessage(cohortId: string, authorId: string, body: string) {
	await prisma.cohortMessage.create({ data: { cohortId, authorId, body } });
}

/** The choices of the cohort form: countries, tracks and modules, in the reader's language. */
export async function cohortFormOptions(language: Language) {
	const [countries, tracks, modules] = await Promise.all([
		prisma.country.findMany({ select: { code: true, nameEn: true, nameRu: true }, orderBy: { nameEn: "asc" } }),
		getTracks(),
		listModules(),
	]);
	return {
		countries: countries
			.map((c) => ({ value: c.code, label: language === "ru" ? c.nameRu : c.nameEn }))
			.sort((a, b) => a.label.localeCompare(b.label, language)),
		tracks: tracks.map((track) => ({ value: track.slug, label: localized(track.frontmatter.title, language) })),
		modules: modules.map((m) => ({ value: m.slug, label: `${m.meta.number}. ${localized(m.meta.title, language)}` })),
	};
}

/**
 * The plan a valid form gives: a track's modules in its order, or the chosen modules in the
 * programme's order; errors by field when a track, module or country does not exist.
 */
export async function resolvePlan(form: {
	countryCode: string;
	plan: "track" | "modules";
	trackSlug?: string;
	modules: string[];
}): Promise<{ plan: CohortPlan; errors: null } | { plan: null; errors: Record<string, string[]> }> {
	const errors: Record<string, string[]> = {};
	if (!(await prisma.country.findUnique({ where: { code: form.countryCode }, select: { code: true } }))) {
		errors.countryCode = ["errors.unknownCountry"];
	}
	let plan: CohortPlan | null = null;
	if (form.plan === "track") {
		const track = await getTrack(form.trackSlug);
		if (!track) errors.trackSlug = ["cohorts.errors.chooseTrack"];
		else plan = { trackSlug: track.slug, moduleSlugs: track.modules.map((m) => m.slug) };
	} else {
		const all = await listModules();
		const chosen = new Set(form.modules);
		if (form.modules.some((slug) => !all.some((m) => m.slug === slug)))
			errors.modules = ["cohorts.errors.chooseModules"];
		else plan = { trackSlug: null, moduleSlugs: all.filter((m) => chosen.has(m.slug)).map((m) => m.slug) };
	}
	return plan && Object.keys(errors).length === 0 ? { plan, errors: null } : { plan: null, errors };
}
