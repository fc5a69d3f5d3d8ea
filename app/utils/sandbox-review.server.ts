import { Prisma } from "~/generated/prisma/client";
import type { Observation } from "~/domain/dsm/observation";
import { sharedView } from "~/domain/dsm/share";
import { decodeContent } from "~/domain/sandbox/content";
import {
	exerciseById,
	exerciseSetting,
	scoreExercise,
	seedFor,
	startingContent,
	type ExerciseScore,
	type SandboxExercise,
} from "~/domain/sandbox/exercises";
import type { Finding } from "~/domain/sandbox/findings";
import { notesToKeep, submitRefusal, type Outcome, type SubmitRefusal } from "~/domain/sandbox/submit";
import { requireUser, type SessionUser } from "./auth.server";
import { prisma, readRows } from "./db.server";
import { hasRole } from "./roles";
import { statusOf } from "~/domain/sandbox/status";
import { saveRevision, type Workspace } from "./sandbox.server";

/**
 * Submitting sandbox revisions to trainers and reviewing them
 * (docs/decisions/0066-sandbox-submit-and-review.md), and opening exercises
 * (docs/decisions/0065-sandbox-exercises-and-scores.md). Who reviews whom is the cohorts' rule
 * (app/utils/cohorts.server.ts): the trainers of the cohort a submission was sent to, while the
 * trainee is a member of it and it is not archived.
 */

const notFound = () => new Response("Not found", { status: 404, statusText: "Not Found" });
const forbidden = () => new Response("Forbidden", { status: 403, statusText: "Forbidden" });

/** The cohort a trainee's submission goes to: the one they joined last that is running and has a trainer. */
export async function reviewingCohortOf(traineeId: string): Promise<string | null> {
	const membership = await prisma.cohortMember.findFirst({
		where: { userId: traineeId, removedAt: null, cohort: { archivedAt: null, trainers: { some: {} } } },
		select: { cohortId: true },
		orderBy: { joinedAt: "desc" },
	});
	return membership?.cohortId ?? null;
}

/** A trainer's (or admin's) page: the review queue. Anyone else gets a 403. */
export async function requireSandboxReviewer(request: Request) {
	const user = await requireUser(request);
	if (!hasRole(user, "trainer", "admin")) throw forbidden();
	return user;
}

/** The cohorts whose submissions a trainer reviews: those they run, not archived. */
async function reviewedCohortIds(trainerId: string): Promise<string[]> {
	const rows = await prisma.cohortTrainer.findMany({
		where: { userId: trainerId, cohort: { archivedAt: null } },
		select: { cohortId: true },
	});
	return rows.map((row) => row.cohortId);
}

/** What a user may do with a submission: review it (its cohort's trainers), read it (the coordinator of the cohort's country: confidential values withheld), or nothing. */
export type SubmissionAccess = "review" | "read" | null;

export async function submissionAccess(
	user: Pick<SessionUser, "id" | "roles" | "countryCode">,
	submission: { cohortId: string | null; submitterId: string },
): Promise<SubmissionAccess> {
	if (!submission.cohortId) return null;
	const cohort = await prisma.cohort.findUnique({
		where: { id: submission.cohortId },
		select: {
			archivedAt: true,
			countryCode: true,
			trainers: { where: { userId: user.id }, select: { userId: true } },
			members: { where: { userId: submission.submitterId, removedAt: null }, select: { id: true } },
		},
	});
	if (!cohort || cohort.members.length === 0) return null;
	if (hasRole(user, "trainer") && cohort.trainers.length > 0 && !cohort.archivedAt) return "review";
	if (hasRole(user, "coordinator") && user.countryCode === cohort.countryCode) return "read";
	return null;
}

const submissionSelect = {
	id: true,
	number: true,
	workspaceId: true,
	cohortId: true,
	submitterId: true,
	submittedAt: true,
	warningNotes: true,
	score: true,
	maxScore: true,
	scoring: true,
	submitter: { select: { name: true, email: true } },
	review: { select: { outcome: true, comment: true, decidedAt: true, reviewer: { select: { name: true } } } },
	revision: {
		select: {
			id: true,
			number: true,
			createdAt: true,
			observations: true,
			findings: true,
			errorCount: true,
			warningCount: true,
		},
	},
	workspace: {
		select: { id: true, kind: true, exerciseId: true, seed: true, refArea: true, title: true, indicators: true },
	},
} as const;

/**
 * A submission opened for review: 404 when there is none, 403 for a user who neither trains the
 * trainee in the cohort it went to nor coordinates that cohort's country.
 */
export async function requireSubmission(request: Request, submissionId: string | undefined) {
	const user = await requireUser(request);
	const row = submissionId
		? await prisma.sandboxSubmission.findUnique({ where: { id: submissionId }, select: submissionSelect })
		: null;
	if (!row) throw notFound();
	const access = await submissionAccess(user, row);
	if (!access) throw forbidden();
	return { user, access, submission: row };
}

export type SubmissionRow = Awaited<ReturnType<typeof requireSubmission>>["submission"];

/** Who may see confidential values (DSM rule 23): the submitter and their trainers; anyone else sees them withheld. */
export function contentFor(observations: readonly Observation[], seesConfidential: boolean): Observation[] {
	return seesConfidential ? [...observations] : sharedView(observations);
}

export function decodeSubmission(row: SubmissionRow, seesConfidential: boolean) {
	return {
		observations: contentFor(decodeContent(row.revision.observations), seesConfidential),
		findings: JSON.parse(row.revision.findings) as Finding[],
		notes: JSON.parse(row.warningNotes) as Record<string, string>,
		scoring: row.scoring ? (JSON.parse(row.scoring) as ExerciseScore) : null,
	};
}

export type SubmitResult = { ok: true; number: number; score?: ExerciseScore } | { ok: false; refusal: SubmitRefusal };

/**
 * Submits the workspace's latest revision (or the one given): refused with errors, without a note
 * per warning, or while an earlier submission waits for its review. An exercise is scored now.
 */
export async function submitRevision(
	workspace: Pick<Workspace, "id" | "ownerId" | "exerciseId" | "seed">,
	submitterId: string,
	notes: Readonly<Record<string, string>>,
	revisionNumber?: number,
): Promise<SubmitResult> {
	const [revision, latest] = await Promise.all([
		prisma.sandboxRevision.findFirst({
			where: { workspaceId: workspace.id, ...(revisionNumber === undefined ? {} : { number: revisionNumber }) },
			select: { id: true, observations: true, findings: true },
			orderBy: { number: "desc" },
		}),
		prisma.sandboxSubmission.findFirst({
			where: { workspaceId: workspace.id },
			select: { number: true, review: { select: { outcome: true } } },
			orderBy: { number: "desc" },
		}),
	]);
	const findings = revision ? (JSON.parse(revision.findings) as Finding[]) : [];
	const refusal = submitRefusal(revision && { findings }, notes, statusOf(latest ?? undefined) === "submitted");
	if (refusal || !revision) return { ok: false, refusal: refusal ?? { reason: "no-revision" } };
	const exercise = exerciseById(workspace.exerciseId ?? undefined);
	const score =
		exercise && workspace.seed !== null
			? scoreExercise(exercise, workspace.seed, decodeContent(revision.observations))
			: undefined;
	const cohortId = await reviewingCohortOf(submitterId);
	for (let attempt = 0; attempt < 5; attempt++) {
		const number =
			((
				await prisma.sandboxSubmission.findFirst({
					where: { workspaceId: workspace.id },
					select: { number: true },
					orderBy: { number: "desc" },
				})
			)?.number ?? 0) + 1;
		try {
			await prisma.sandboxSubmission.create({
				data: {
					workspaceId: workspace.id,
					number,
					revisionId: revision.id,
					submitterId,
					cohortId,
					warningNotes: JSON.stringify(notesToKeep(findings, notes)),
					score: score?.score ?? null,
					maxScore: score?.maxScore ?? null,
					scoring: score ? JSON.stringify(score) : null,
				},
			});
			return { ok: true, number, ...(score ? { score } : {}) };
		} catch (error) {
			if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
		}
	}
	throw new Response("The submission could not be saved; try again.", { status: 503 });
}

/** A trainer's decision, once per submission: false when it was already decided. */
export async function decide(submissionId: string, reviewerId: string, outcome: Outcome, comment: string) {
	try {
		await prisma.sandboxReview.create({ data: { submissionId, reviewerId, outcome, comment } });
		return true;
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
		throw error;
	}
}

export async function addComment(input: {
	revisionId: string;
	submissionId: string | null;
	authorId: string;
	cellKey: string | null;
	body: string;
}) {
	await prisma.sandboxComment.create({ data: input });
}

/** The comments on a workspace's revisions, oldest first, with the revision's number. */
export async function commentsOfWorkspace(workspaceId: string) {
	return prisma.sandboxComment.findMany({
		where: { revision: { workspaceId } },
		select: {
			id: true,
			cellKey: true,
			body: true,
			createdAt: true,
			author: { select: { name: true } },
			revision: { select: { number: true } },
			submission: { select: { number: true } },
		},
		orderBy: { createdAt: "asc" },
	});
}

/** How many comments the trainers made on a workspace's revisions (the workspace page's link says so). */
export async function commentCount(workspaceId: string): Promise<number> {
	return prisma.sandboxComment.count({ where: { revision: { workspaceId } } });
}

/** The comments on one submission's revision. */
export async function commentsOfSubmission(submissionId: string) {
	return prisma.sandboxComment.findMany({
		where: { submissionId },
		select: { id: true, cellKey: true, body: true, createdAt: true, author: { select: { name: true } } },
		orderBy: { createdAt: "asc" },
	});
}

/** A workspace's submissions, newest first, with their reviews. */
export async function submissionsOf(workspaceId: string) {
	return prisma.sandboxSubmission.findMany({
		where: { workspaceId },
		select: {
			id: true,
			number: true,
			submittedAt: true,
			cohortId: true,
			score: true,
			maxScore: true,
			scoring: true,
			warningNotes: true,
			revision: { select: { number: true } },
			review: { select: { outcome: true, comment: true, decidedAt: true, reviewer: { select: { name: true } } } },
		},
		orderBy: { number: "desc" },
	});
}

/**
 * A trainer's queue: the submissions sent to the cohorts they run by members still in them,
 * waiting first (oldest first), then the latest decided. `cohortId` narrows it to one cohort.
 */
export async function reviewQueue(trainerId: string, options: { cohortId?: string; decided?: number } = {}) {
	const cohortIds = await reviewedCohortIds(trainerId);
	const within = options.cohortId ? cohortIds.filter((id) => id === options.cohortId) : cohortIds;
	if (within.length === 0) return { waiting: [], decided: [] };
	const where = {
		cohortId: { in: within },
		// Only a member still in the cohort the submission went to.
		submitter: { cohortMemberships: { some: { removedAt: null, cohortId: { in: within } } } },
	};
	const select = {
		id: true,
		number: true,
		cohortId: true,
		submittedAt: true,
		score: true,
		maxScore: true,
		submitter: { select: { name: true } },
		revision: { select: { number: true, errorCount: true, warningCount: true } },
		workspace: { select: { kind: true, exerciseId: true, refArea: true, title: true } },
		review: { select: { outcome: true, decidedAt: true } },
	} as const;
	const [waiting, decided] = await Promise.all([
		prisma.sandboxSubmission.findMany({ where: { ...where, review: null }, select, orderBy: { submittedAt: "asc" } }),
		prisma.sandboxSubmission.findMany({
			where: { ...where, review: { isNot: null } },
			select,
			orderBy: { submittedAt: "desc" },
			take: options.decided ?? 20,
		}),
	]);
	const cohorts = await prisma.cohort.findMany({ where: { id: { in: within } }, select: { id: true, name: true } });
	const cohortName = new Map(cohorts.map((cohort) => [cohort.id, cohort.name]));
	const present = (row: (typeof waiting)[number]) => ({ ...row, cohortName: cohortName.get(row.cohortId ?? "") ?? "" });
	return { waiting: waiting.map(present), decided: decided.map(present) };
}

/** How many submissions of a cohort's members wait for review (the cohort dashboard's link). */
export async function waitingInCohort(cohortId: string): Promise<number> {
	// Past Prisma's client: the dashboard asks on every request (docs/decisions/0097).
	const [row] = await readRows<{ n: number }>(Prisma.sql`
		SELECT COUNT(*) AS "n" FROM "SandboxSubmission" s
		WHERE s."cohortId" = ${cohortId}
			AND NOT EXISTS (SELECT 1 FROM "SandboxReview" r WHERE r."submissionId" = s."id")
			AND EXISTS (SELECT 1 FROM "CohortMember" m
				WHERE m."cohortId" = ${cohortId} AND m."userId" = s."submitterId" AND m."removedAt" IS NULL)`);
	return Number(row?.n ?? 0);
}

/**
 * The trainee's workspace for an exercise, created on first opening with their seed and the
 * exercise's starting content as revision 1 (find and fix). Opening it again gives the same one.
 */
export async function openExercise(ownerId: string, exercise: SandboxExercise): Promise<string> {
	const kind = exercise.kind;
	const existing = await prisma.sandboxWorkspace.findFirst({
		where: { ownerId, kind, exerciseId: exercise.id },
		select: { id: true },
	});
	if (existing) return existing.id;
	const seed = seedFor(ownerId, exercise.id);
	const setting = exerciseSetting(exercise, seed);
	let workspaceId: string;
	try {
		const created = await prisma.sandboxWorkspace.create({
			data: {
				ownerId,
				kind,
				exerciseId: exercise.id,
				seed: kind === "practice" ? null : seed,
				refArea: setting.refArea,
				indicators: JSON.stringify(exercise.indicators),
				title: exercise.title.en,
				periods: { create: { period: setting.period, addedById: ownerId } },
			},
			select: { id: true },
		});
		workspaceId = created.id;
	} catch (error) {
		// Opened twice at once: the other request made it.
		if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
		const made = await prisma.sandboxWorkspace.findFirst({
			where: { ownerId, kind, exerciseId: exercise.id },
			select: { id: true },
		});
		if (!made) throw error;
		return made.id;
	}
	const start = startingContent(exercise, seed);
	if (start.length)
		await saveRevision({ id: workspaceId, refArea: setting.refArea, kind, exerciseId: exercise.id, seed }, ownerId, {
			source: "exercise",
			incoming: start,
		});
	return workspaceId;
}

/** The trainee's exercise workspaces by exercise id, with the latest submission's score and status. */
export async function exerciseWorkspaces(ownerId: string) {
	const rows = await prisma.sandboxWorkspace.findMany({
		where: { ownerId, exerciseId: { not: null } },
		select: {
			id: true,
			exerciseId: true,
			submissions: {
				select: { score: true, maxScore: true, review: { select: { outcome: true } } },
				orderBy: { number: "desc" },
				take: 1,
			},
		},
	});
	return new Map(
		rows.map((row) => {
			const latest = row.submissions[0];
			return [
				row.exerciseId ?? "",
				{
					workspaceId: row.id,
					status: statusOf(latest),
					score: latest?.score ?? null,
					maxScore: latest?.maxScore ?? null,
				},
			];
		}),
	);
}
