import fs from "node:fs";
import path from "node:path";
import { customAlphabet } from "./random.server";
import { listTracks, type ContentTrack } from "~/domain/content/tracks";
import { TRACK_FILE } from "~/domain/content/schema";
import { listModules, localized, type ModuleInfo } from "./content.server";
import { prisma } from "./db.server";
import type { Language } from "./i18n";
import { getProgress, type ModuleProgress } from "./progress.server";
import { hasRole } from "./roles";

/** The track whose completion certifies a trainer (PRODUCT.md, "Tracks"). */
export const TRAINER_TRACK = "trainers";
export const AUTO_PROMOTE_SETTING = "autoPromoteTrainers";

export const TRACKS_DIR = path.resolve(process.env.TRACKS_DIR ?? "content/tracks");

export type TrackInfo = ContentTrack & { file: string; modules: ModuleInfo[] };

let cache: { key: string; tracks: TrackInfo[] } | undefined;

/** Every track, in file-name order; read again when a track file changes. */
export function getTracks(): TrackInfo[] {
	const names = fs.existsSync(TRACKS_DIR) ? fs.readdirSync(TRACKS_DIR).filter((n) => TRACK_FILE.test(n)).sort() : [];
	const modules = listModules();
	const key = names.map((n) => `${n}:${fs.statSync(path.join(TRACKS_DIR, n)).mtimeMs}`).join("|") + `#${modules.length}`;
	if (cache?.key === key) return cache.tracks;
	const files = names.map((name) => ({ name, text: fs.readFileSync(path.join(TRACKS_DIR, name), "utf8") }));
	const bySlug = new Map(modules.map((m) => [m.slug, m]));
	const { tracks, problems } = listTracks(files, new Set(bySlug.keys()));
	if (problems.length) {
		const lines = problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`).join("\n");
		throw new Error(`Invalid tracks (run npm run content:check):\n${lines}`);
	}
	const infos = tracks.map((track) => ({
		...track,
		file: path.join(TRACKS_DIR, files.find((f) => TRACK_FILE.exec(f.name)?.[1] === track.slug)!.name),
		modules: track.frontmatter.modules.map((slug) => bySlug.get(slug)!),
	}));
	cache = { key, tracks: infos };
	return infos;
}

export function getTrack(slug: string | undefined) {
	return getTracks().find((track) => track.slug === slug);
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
	const enrolments = await prisma.trackEnrolment.findMany({ where: { userId }, select: { trackSlug: true } });
	if (enrolments.length === 0) return [];
	const tracks = getTracks().filter((t) => enrolments.some((e) => e.trackSlug === t.slug));
	const progress = await getProgress(userId, listModules());
	const issued: string[] = [];
	for (const track of tracks) {
		if (!trackCompletion(track, progress).complete) continue;
		if (await prisma.certificate.findUnique({ where: { userId_trackSlug: { userId, trackSlug: track.slug } } })) continue;
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
