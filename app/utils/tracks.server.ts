import { listModules, listTracksInfo, localized, type TrackInfo } from "./content.server";
import { customAlphabet } from "./random.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "./db.server";
import type { Language } from "./i18n";
import { getProgress, type ModuleProgress } from "./progress.server";
import { hasRole } from "./roles";

/** The track whose completion certifies a trainer (PRODUCT.md, "Tracks"). */
export const TRAINER_TRACK = "trainers";
export const AUTO_PROMOTE_SETTING = "autoPromoteTrainers";

export type { TrackInfo };

/** Every track, in file-name order. */
export function getTracks() {
	return listTracksInfo();
}

export async function getTrack(slug: string | undefined) {
	return (await getTracks()).find((track) => track.slug === slug);
}

export function trackTitle(track: TrackInfo, language: Language) {
	return localized(track.frontmatter.title, language);
}

/** A track is complete when each of its modules is. */
export function trackCompletion(track: TrackInfo, progress: Map<string, ModuleProgress>) {
	const done = track.modules.filter((m) => progress.get(m.slug)?.completed).length;
	return { done, total: track.modules.length, complete: done === track.modules.length };
}

export async function enrol(userId: string, trackSlug: string) {
	await prisma.trackEnrolment.upsert({
		where: { userId_trackSlug: { userId, trackSlug } },
		create: { userId, trackSlug },
		update: {},
	});
}

/** Trainer guides are for trainers and admins, and for those on the trainer track. */
export async function mayReadTrainerGuides(user: { id: string; roles: string[] }) {
	return hasRole(user, "trainer", "admin") || isEnrolled(user.id, TRAINER_TRACK);
}

export async function isEnrolled(userId: string, trackSlug: string) {
	return (await prisma.trackEnrolment.count({ where: { userId, trackSlug } })) > 0;
}

const certificateCode = customAlphabet("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 8);

/**
 * Issues the certificate of every track the user is enrolled on and has
 * completed, once; completing the trainer track promotes the user or asks an
 * admin to. Called by the actions that can complete a module.
 */
export async function awardCompletedTracks(userId: string) {
	// Past Prisma's client (docs/decisions/0097): every graded submission asks, and most find none.
	const enrolments = await readRows<{ trackSlug: string }>(
		Prisma.sql`SELECT "trackSlug" FROM "TrackEnrolment" WHERE "userId" = ${userId}`,
	);
	if (enrolments.length === 0) return [];
	const tracks = (await getTracks()).filter((t) => enrolments.some((e) => e.trackSlug === t.slug));
	const progress = await getProgress(userId, await listModules());
	const issued: string[] = [];
	for (const track of tracks) {
		if (!trackCompletion(track, progress).complete) continue;
		if (await prisma.certificate.findUnique({ where: { userId_trackSlug: { userId, trackSlug: track.slug } } }))
			continue;
		const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
		const { code } = await prisma.certificate.create({
			data: {
				code: `DSMA-${certificateCode().replace(/(.{4})/, "$1-")}`,
				userId,
				trackSlug: track.slug,
				recipientName: user.name,
				trackTitleEn: track.frontmatter.title.en,
				trackTitleRu: track.frontmatter.title.ru,
			},
			select: { code: true },
		});
		issued.push(code);
		if (track.slug === TRAINER_TRACK) await promoteTrainer(userId);
	}
	return issued;
}

async function promoteTrainer(userId: string) {
	const automatic = (await prisma.setting.findUnique({ where: { key: AUTO_PROMOTE_SETTING } }))?.value === "true";
	await prisma.trainerPromotion.upsert({
		where: { userId },
		create: { userId, status: automatic ? "approved" : "pending", decidedAt: automatic ? new Date() : null },
		update: {},
	});
	if (automatic) await prisma.user.update({ where: { id: userId }, data: { roles: { connect: { name: "trainer" } } } });
}
