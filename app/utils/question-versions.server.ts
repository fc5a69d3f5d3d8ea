import { setImmediate as nextTurn } from "node:timers/promises";
import { Prisma } from "~/generated/prisma/client";
import { attemptPlanSchema, type AttemptPlan } from "~/domain/quiz/attempt";
import {
	attemptQuestions,
	versionKey,
	type AttemptEvidence,
	type AttemptQuestions,
	type QuestionVersion,
	type VersionContent,
} from "~/domain/quiz/versions";
import type { QuestionGrade } from "~/domain/quiz/grade";
import { attemptResponsesSchema } from "~/domain/quiz/response";
import { questionMarks } from "~/domain/quiz/statistics";
import { getModule, type ModuleInfo } from "./content.server";
import { prisma } from "./db.server";

/**
 * Question versions on the database (docs/decisions/0056-question-versions.md): recorded when an
 * attempt starts, read back by everything that shows or grades an attempt.
 */

/** Records the versions that are not recorded yet; a version recorded meanwhile by another request is left as it is. */
export async function recordVersions(moduleSlug: string, versions: readonly QuestionVersion[]) {
	if (versions.length === 0) return;
	const known = await prisma.questionVersion.findMany({
		where: { moduleSlug, hash: { in: versions.map((v) => v.hash) } },
		select: { questionId: true, hash: true },
	});
	const recorded = new Set(known.map((v) => versionKey(v.questionId, v.hash)));
	for (const version of versions) {
		const key = versionKey(version.questionId, version.hash);
		if (recorded.has(key)) continue;
		recorded.add(key);
		try {
			await prisma.questionVersion.create({
				data: {
					moduleSlug,
					questionId: version.questionId,
					hash: version.hash,
					keyHash: version.keyHash,
					type: version.type,
					content: JSON.stringify(version.content),
				},
			});
		} catch (error) {
			if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
		}
	}
}

export type StoredVersion = { content: VersionContent; keyHash: string; createdAt: Date };

/**
 * Stored versions already read, by module and `versionKey`. A version is named by the hash of its
 * content and its row is never changed, so what was read once holds for the life of the process;
 * an attempt's page reads only the versions no earlier request read. Bounded: emptied past
 * MAX_CACHED (a module has tens of versions per revision).
 */
const readVersions = new Map<string, VersionContent>();
const MAX_CACHED = 5_000;

/** The stored versions the plans refer to, by `versionKey`. */
export async function storedVersions(moduleSlug: string, plans: readonly AttemptPlan[]) {
	const found = new Map<string, VersionContent>();
	const unread = new Set<string>();
	for (const slot of plans.flatMap((plan) => plan.slots)) {
		if (slot.version === undefined) continue;
		const key = versionKey(slot.questionId, slot.version);
		const content = readVersions.get(`${moduleSlug}\u0000${key}`);
		if (content) found.set(key, content);
		else unread.add(slot.version);
	}
	if (unread.size === 0) return found;
	const rows = await prisma.questionVersion.findMany({
		where: { moduleSlug, hash: { in: [...unread] } },
		select: { questionId: true, hash: true, content: true },
	});
	if (readVersions.size + rows.length > MAX_CACHED) readVersions.clear();
	for (const row of rows) {
		const key = versionKey(row.questionId, row.hash);
		// Written by recordVersions from the engine's own questions; read back as stored.
		const content = JSON.parse(row.content) as VersionContent;
		readVersions.set(`${moduleSlug}\u0000${key}`, content);
		found.set(key, content);
	}
	return found;
}

/** Every stored version of the module's questions, oldest first: what item analysis numbers them by. */
export async function moduleVersions(moduleSlug: string) {
	return prisma.questionVersion.findMany({
		where: { moduleSlug },
		select: { questionId: true, hash: true, keyHash: true, content: true, createdAt: true },
		orderBy: [{ createdAt: "asc" }, { hash: "asc" }],
	});
}

/** What an attempt row stored that tells its questions apart: its responses and, once graded, its marks. */
export function evidenceOf(row: {
	responses: string;
	questionMarks: string | null;
	grades: string | null;
}): AttemptEvidence {
	const responses = attemptResponsesSchema.parse(JSON.parse(row.responses));
	if (row.questionMarks) return { responses, marks: JSON.parse(row.questionMarks) as Record<string, number | null> };
	return { responses, marks: row.grades ? questionMarks(JSON.parse(row.grades) as QuestionGrade[]) : null };
}

/** The attempts' own questions (`attemptQuestions`), reading the stored versions they need at once. */
export async function questionsOfAttempts<T extends { plan: AttemptPlan } & AttemptEvidence>(
	module: ModuleInfo,
	attempts: readonly T[],
): Promise<AttemptQuestions[]> {
	const stored = await storedVersions(
		module.slug,
		attempts.map((a) => a.plan),
	);
	return attempts.map((attempt) => attemptQuestions(attempt.plan, stored, module.banks, attempt));
}

/**
 * Records the versions of attempts made before versions were kept (docs/decisions/0056), from the
 * current bank where it still has the question each attempt presented, and writes them into the
 * plans; a question the bank no longer has as it was asked is marked `gone` in the plan, and its
 * review says so. Run at the server's start, beside the requests: the attempts are read a page at a
 * time, and the work hands the event loop back every few milliseconds, so that pages are served
 * while tens of thousands of attempts are judged (SQLite answers synchronously: without it the
 * whole backfill would be one turn of the loop).
 */
export async function backfillQuestionVersions({ pageSize = 200, sliceMs = 8 } = {}) {
	let checked = 0;
	let updated = 0;
	let after = "";
	let sliceStart = performance.now();
	const modules = new Map<string, ModuleInfo | null>();
	for (;;) {
		const rows = await prisma.quizAttempt.findMany({
			// Plans made before versions were kept, or by tools that write plans of their own: neither a version nor a verdict.
			where: {
				id: { gt: after },
				AND: [{ plan: { not: { contains: '"version"' } } }, { plan: { not: { contains: '"gone"' } } }],
			},
			select: { id: true, moduleSlug: true, plan: true, responses: true, questionMarks: true, grades: true },
			orderBy: { id: "asc" },
			take: pageSize,
		});
		for (const row of rows) {
			if (performance.now() - sliceStart >= sliceMs) {
				await nextTurn();
				sliceStart = performance.now();
			}
			if (!modules.has(row.moduleSlug)) modules.set(row.moduleSlug, (await getModule(row.moduleSlug)) ?? null);
			const module = modules.get(row.moduleSlug);
			if (!module?.banks) continue;
			const plan = attemptPlanSchema.parse(JSON.parse(row.plan));
			const [own] = await questionsOfAttempts(module, [{ plan, ...evidenceOf(row) }]);
			if (!own) continue;
			await recordVersions(module.slug, own.found.versions);
			// Only a plan still without versions is rewritten: an attempt is never changed under another writer.
			const { count } = await prisma.quizAttempt.updateMany({
				where: { id: row.id, plan: row.plan },
				data: { plan: JSON.stringify(own.found.plan) },
			});
			updated += count;
		}
		checked += rows.length;
		if (rows.length < pageSize) return { checked, updated };
		after = rows.at(-1)!.id;
	}
}
