import { prisma } from "./db.server";
import { env } from "./env.server";
import { sessionIdFromToken } from "./session-token.server";

export { generateSessionToken, sessionIdFromToken } from "./session-token.server";

/**
 * Sessions as lucia-auth.com describes them: the cookie holds a random token,
 * the database holds the token's SHA-256 as the session id, its owner and its
 * expiry. Sessions last 30 days and are renewed when less than 15 are left.
 */

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export const SESSION_COOKIE = env.secureCookies ? "__Host-dsm_session" : "dsm_session";

export async function createSession(token: string, userId: string) {
	return prisma.session.create({
		data: { id: sessionIdFromToken(token), userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) },
		select: { id: true, expiresAt: true },
	});
}

const sessionUserSelect = {
	id: true,
	email: true,
	name: true,
	language: true,
	countryCode: true,
	agencyId: true,
	roles: { select: { name: true } },
} as const;

export type SessionUser = {
	id: string;
	email: string;
	name: string;
	language: string;
	countryCode: string | null;
	agencyId: string | null;
	roles: string[];
};

export type SessionValidation =
	{ session: { id: string; expiresAt: Date; renewed: boolean }; user: SessionUser } | { session: null; user: null };

export async function validateSessionToken(token: string, now = new Date()): Promise<SessionValidation> {
	const id = sessionIdFromToken(token);
	const row = await prisma.session.findUnique({
		where: { id },
		select: { id: true, expiresAt: true, user: { select: { ...sessionUserSelect, deactivatedAt: true } } },
	});
	if (!row) return { session: null, user: null };
	// Deactivating ends the sessions; one that slipped through ends here.
	if (row.expiresAt <= now || row.user.deactivatedAt) {
		await prisma.session.deleteMany({ where: { id } });
		return { session: null, user: null };
	}
	let expiresAt = row.expiresAt;
	const renewed = expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS;
	if (renewed) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await prisma.session.update({ where: { id }, data: { expiresAt } });
	}
	const { roles, deactivatedAt: _deactivated, ...user } = row.user;
	return { session: { id, expiresAt, renewed }, user: { ...user, roles: roles.map((r) => r.name) } };
}

export async function invalidateSession(sessionId: string) {
	await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user, or every one but `keep`. */
export async function invalidateUserSessions(userId: string, keep?: string) {
	await prisma.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
}

export function sessionCookie(token: string, expiresAt: Date) {
	return serializeCookie(SESSION_COOKIE, token, expiresAt);
}

export function blankSessionCookie() {
	return serializeCookie(SESSION_COOKIE, "", new Date(0));
}

function serializeCookie(name: string, value: string, expires: Date) {
	const parts = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expires.toUTCString()}`];
	if (env.secureCookies) parts.push("Secure");
	return parts.join("; ");
}

export function readSessionToken(request: Request) {
	const header = request.headers.get("Cookie");
	if (!header) return null;
	for (const part of header.split(";")) {
		const [name, ...rest] = part.trim().split("=");
		if (name === SESSION_COOKIE) return rest.join("=") || null;
	}
	return null;
}
