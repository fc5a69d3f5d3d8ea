import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";

/**
 * Attempts are counted per key in a fixed window; the attempt that uses the last of the
 * allowance locks the key for one window's length. An attempt is counted by one conditional
 * update before any password is hashed, so parallel requests cannot all pass the check and be
 * counted after (docs/decisions/0083-login-limits-counted-first.md); an attempt that turns out
 * right is given back.
 */
export const LIMITS = {
	/** Per account: five wrong passwords in 15 minutes lock it for 15 minutes. */
	account: { max: 5, windowMs: 15 * 60_000 },
	/** Per address: twenty failures in 15 minutes, across accounts. */
	address: { max: 20, windowMs: 15 * 60_000 },
	/** Per address: ten new accounts an hour. */
	signup: { max: 10, windowMs: 60 * 60_000 },
} as const;

export type LimitName = keyof typeof LIMITS;

export function throttleKey(limit: LimitName, id: string) {
	return `${limit}:${id.toLowerCase()}`;
}

/**
 * Takes one attempt of the key's allowance: null when it may go on (the attempt is counted
 * already), else the time until which the key is locked.
 */
export async function takeAttempt(limit: LimitName, id: string, now = new Date()): Promise<Date | null> {
	const { max, windowMs } = LIMITS[limit];
	const key = throttleKey(limit, id);
	const unlocked = { OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
	const windowOpensAfter = new Date(now.getTime() - windowMs);
	for (let tries = 0; tries < 5; tries++) {
		// Within the window and under the limit: count this attempt, and lock the key if it is the last one allowed.
		const counted = await prisma.loginThrottle
			.update({
				where: { key, failures: { lt: max }, windowStart: { gt: windowOpensAfter }, ...unlocked },
				data: { failures: { increment: 1 } },
				select: { failures: true },
			})
			.catch(notFound);
		if (counted) {
			if (counted.failures >= max) {
				await prisma.loginThrottle.updateMany({
					where: { key },
					data: { lockedUntil: new Date(now.getTime() + windowMs) },
				});
			}
			return null;
		}
		// The window has passed (and any lock with it): this attempt opens a new one.
		const renewed = await prisma.loginThrottle.updateMany({
			where: { key, windowStart: { lte: windowOpensAfter }, ...unlocked },
			data: { failures: 1, windowStart: now, lockedUntil: null },
		});
		if (renewed.count === 1) return null;
		const row = await prisma.loginThrottle.findUnique({
			where: { key },
			select: { failures: true, windowStart: true, lockedUntil: true },
		});
		if (row) {
			if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
			if (row.failures >= max) return new Date(row.windowStart.getTime() + windowMs);
			// Another request made or renewed the key since this one's update (PostgreSQL runs them
			// side by side): the allowance is not used up, so count again.
			continue;
		}
		// The key's first attempt; another request may create it at the same moment, then count again.
		const created = await prisma.loginThrottle
			.create({ data: { key, failures: 1, windowStart: now }, select: { key: true } })
			.catch(uniqueViolation);
		if (created) return null;
	}
	return new Date(now.getTime() + windowMs);
}

/** Gives back an attempt that did not fail, unlocking the key if that attempt had locked it. */
export async function returnAttempt(limit: LimitName, id: string) {
	await prisma.loginThrottle.updateMany({
		where: { key: throttleKey(limit, id), failures: { gt: 0 } },
		data: { failures: { decrement: 1 }, lockedUntil: null },
	});
}

/** Returns the time until which the key is locked, or null when it may try. */
export async function lockedUntil(limit: LimitName, id: string, now = new Date()) {
	const row = await prisma.loginThrottle.findUnique({ where: { key: throttleKey(limit, id) } });
	if (!row?.lockedUntil || row.lockedUntil <= now) return null;
	return row.lockedUntil;
}

export async function clearHits(limit: LimitName, id: string) {
	await prisma.loginThrottle.deleteMany({ where: { key: throttleKey(limit, id) } });
}

function notFound(error: unknown): null {
	if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") return null;
	throw error;
}

function uniqueViolation(error: unknown): null {
	if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
	throw error;
}
