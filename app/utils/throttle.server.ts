import { prisma } from "./db.server";

/**
 * Failed attempts are counted per key in a fixed window; at the limit the key
 * is locked for one window's length. Checked before any password is hashed,
 * so a locked account or address costs the server one indexed read.
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

/** Returns the time until which the key is locked, or null when it may try. */
export async function lockedUntil(limit: LimitName, id: string, now = new Date()) {
	const row = await prisma.loginThrottle.findUnique({ where: { key: throttleKey(limit, id) } });
	if (!row?.lockedUntil || row.lockedUntil <= now) return null;
	return row.lockedUntil;
}

/** Counts one failed login (or one sign-up) against the key. */
export async function recordHit(limit: LimitName, id: string, now = new Date()) {
	const { max, windowMs } = LIMITS[limit];
	const key = throttleKey(limit, id);
	const row = await prisma.loginThrottle.findUnique({ where: { key } });
	const windowOpen = row && now.getTime() - row.windowStart.getTime() < windowMs;
	const failures = windowOpen ? row.failures + 1 : 1;
	const windowStart = windowOpen ? row.windowStart : now;
	const locked = failures >= max ? new Date(now.getTime() + windowMs) : null;
	await prisma.loginThrottle.upsert({
		where: { key },
		create: { key, failures, windowStart, lockedUntil: locked },
		update: { failures, windowStart, lockedUntil: locked },
	});
}

export async function clearHits(limit: LimitName, id: string) {
	await prisma.loginThrottle.deleteMany({ where: { key: throttleKey(limit, id) } });
}
