import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "./db.server";
import { learningChanged } from "./learning-events.server";
import type { ModuleInfo } from "./content.server";

export type ModuleProgress = {
	sectionsRead: string[];
	sectionsTotal: number;
	attempts: number;
	bestPercent: number | null;
	passed: boolean;
	completed: boolean;
	status: "not-started" | "in-progress" | "completed";
};

/**
 * Each module's progress for one user, from the sections read and the submitted attempts. Raw SQL
 * (the home, modules and track pages read it on every visit): two statements at 0.2 ms of CPU each
 * instead of 0.6 through the query compiler (docs/decisions/0094).
 */
export async function getProgress(userId: string, modules: ModuleInfo[]): Promise<Map<string, ModuleProgress>> {
	const [reads, attempts] = await Promise.all([
		readRows<{ moduleSlug: string; sectionId: string }>(Prisma.sql`
			SELECT "moduleSlug", "sectionId" FROM "SectionRead" WHERE "userId" = ${userId}`),
		readRows<{ moduleSlug: string; percent: number | null; passed: boolean | number | null }>(Prisma.sql`
			SELECT "moduleSlug", "percent", "passed" FROM "QuizAttempt"
			WHERE "userId" = ${userId} AND "submittedAt" IS NOT NULL`),
	]);
	const progress = new Map<string, ModuleProgress>();
	for (const module of modules) {
		const sectionIds = new Set(module.sections.map((s) => s.id));
		const sectionsRead = reads
			.filter((r) => r.moduleSlug === module.slug && sectionIds.has(r.sectionId))
			.map((r) => r.sectionId);
		const mine = attempts.filter((a) => a.moduleSlug === module.slug);
		const bestPercent = mine.length ? Math.max(...mine.map((a) => a.percent ?? 0)) : null;
		const passed = mine.some((a) => Boolean(a.passed));
		const completed = sectionsRead.length === module.sections.length && passed;
		progress.set(module.slug, {
			sectionsRead,
			sectionsTotal: module.sections.length,
			attempts: mine.length,
			bestPercent,
			passed,
			completed,
			status: completed ? "completed" : sectionsRead.length || mine.length ? "in-progress" : "not-started",
		});
	}
	return progress;
}

/**
 * Where the learner should go next: the first unread section of the module
 * they touched last, or its quiz; else the first module not completed.
 */
export async function nextStep(userId: string, modules: ModuleInfo[], progress: Map<string, ModuleProgress>) {
	const [lastRead] = await readRows<{ moduleSlug: string }>(Prisma.sql`
		SELECT "moduleSlug" FROM "SectionRead" WHERE "userId" = ${userId} ORDER BY "readAt" DESC LIMIT 1`);
	const recent = modules.find((m) => m.slug === lastRead?.moduleSlug && !progress.get(m.slug)?.completed);
	const module = recent ?? modules.find((m) => !progress.get(m.slug)?.completed);
	if (!module) return null;
	const read = new Set(progress.get(module.slug)?.sectionsRead);
	const section = module.sections.find((s) => !read.has(s.id));
	return { module, section: section ?? null, started: read.size > 0 };
}

/** The sections of one module the user has read: every section page asks (raw SQL, docs/decisions/0094). */
export async function sectionsRead(userId: string, moduleSlug: string) {
	const reads = await readRows<{ sectionId: string }>(Prisma.sql`
		SELECT "sectionId" FROM "SectionRead" WHERE "userId" = ${userId} AND "moduleSlug" = ${moduleSlug}`);
	return new Set(reads.map((r) => r.sectionId));
}

export async function markSectionRead(userId: string, moduleSlug: string, sectionId: string) {
	await prisma.sectionRead.upsert({
		where: { userId_moduleSlug_sectionId: { userId, moduleSlug, sectionId } },
		create: { userId, moduleSlug, sectionId },
		update: {},
	});
	learningChanged();
}

export async function markSectionUnread(userId: string, moduleSlug: string, sectionId: string) {
	await prisma.sectionRead.deleteMany({ where: { userId, moduleSlug, sectionId } });
	learningChanged();
}
