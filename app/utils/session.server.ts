import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "./db.server";
import { sqlDate } from "./raw-sql.server";
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

/** One row per role of the session's user (one row with a null role for a user without any). */
type SessionRow = {
	id: string;
	expiresAt: unknown;
	userId: string;
	email: string;
	name: string;
	language: string;
	countryCode: string | null;
	agencyId: string | null;
	deactivatedAt: unknown;
	role: string | null;
};

/**
 * The session, its user and the user's roles, read fresh on every request so that a logout, a
 * deactivation or a role change holds from the next one. One SQL statement, read past Prisma's
 * client (`readRows`, docs/decisions/0097), rather than a nested `findUnique`: the query compiler
 * made that one call cost about 1 ms of CPU (three statements, the plan compiled in WebAssembly on
 * every call), as much as a whole bare Remix page (docs/decisions/0094); this costs 0.05 ms.
 * The SQL is the same on SQLite and PostgreSQL.
 */
export async function validateSessionToken(token: string, now = new Date()): Promise<SessionValidation> {
	const id = sessionIdFromToken(token);
	const rows = await readRows<SessionRow>(Prisma.sql`
		SELECT s."id", s."expiresAt", u."id" AS "userId", u."email", u."name", u."language", u."countryCode",
			u."agencyId", u."deactivatedAt", r."name" AS "role"
		FROM "Session" s
		JOIN "User" u ON u."id" = s."userId"
		LEFT JOIN "_RoleToUser" ru ON ru."B" = u."id"
		LEFT JOIN "Role" r ON r."id" = ru."A"
		WHERE s."id" = ${id}
		ORDER BY r."name"`);
	const row = rows[0];
	if (!row) return { session: null, user: null };
	// An unreadable expiry is an expired session, never an endless one.
	let expiresAt = sqlDate(row.expiresAt);
	// Deactivating ends the sessions; one that slipped through ends here.
	if (expiresAt <= now || row.deactivatedAt !== null) {
		await prisma.session.deleteMany({ where: { id } });
		return { session: null, user: null };
	}
	const renewed = expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS;
	if (renewed) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await prisma.session.update({ where: { id }, data: { expiresAt } });
	}
	const user: SessionUser = {
		id: row.userId,
		email: row.email,
		name: row.name,
		language: row.language,
		countryCode: row.countryCode,
		agencyId: row.agencyId,
		roles: rows.flatMap((r) => (r.role === null ? [] : [r.role])),
	};
	return { session: { id, expiresAt, renewed }, user };
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
