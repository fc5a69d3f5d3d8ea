import { redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { crossSiteReason } from "./origin";
import { currentRequest } from "./request-context.server";
import { hashPassword, verifyDummy, verifyPassword, withHashSlot } from "./password.server";
import { hasRole, type RoleName } from "./roles";
import {
	createSession,
	generateSessionToken,
	readSessionToken,
	sessionCookie,
	validateSessionToken,
	type SessionUser,
	type SessionValidation,
} from "./session.server";
import { clearHits, returnAttempt, takeAttempt } from "./throttle.server";

export type { SessionUser };

const cache = new WeakMap<Request, Promise<SessionValidation>>();

/**
 * The signed-in user of this request, or null. Validated once per request
 * however many loaders ask: Remix hands each loader a Request of its own, so
 * the check is kept on the request's context (request-context.server.ts,
 * docs/decisions/0090-one-context-per-request.md), and on the Request object
 * where there is no context (a test calling a loader). A request that changes
 * data validates again in each of its action and loaders, so that what its
 * action changed (a logout, a password, a role) holds for the page it renders.
 * Requests that change data must come from this site: a foreign Origin is
 * refused before anything else happens.
 */
export function getAuth(request: Request): Promise<SessionValidation> {
	assertSameOrigin(request);
	const context = request.method === "GET" || request.method === "HEAD" ? currentRequest() : undefined;
	let auth = (context?.auth as Promise<SessionValidation> | undefined) ?? cache.get(request);
	if (!auth) {
		const token = readSessionToken(request);
		auth = token ? validateSessionToken(token) : Promise.resolve({ session: null, user: null });
		if (context) context.auth = auth;
		else cache.set(request, auth);
	}
	return auth;
}

export async function getUser(request: Request) {
	return (await getAuth(request)).user;
}

/** The user, or a redirect to the login page that brings them back here. */
export async function requireUser(request: Request) {
	const user = await getUser(request);
	if (!user) {
		const url = new URL(request.url);
		const redirectTo = url.pathname + url.search;
		throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
	}
	return user;
}

/** The user holding at least one of the roles; a 403 page for anyone else signed in. */
export async function requireRole(request: Request, ...roles: RoleName[]) {
	const user = await requireUser(request);
	if (!hasRole(user, ...roles)) {
		throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
	}
	return user;
}

/** Signed-in users have no business on the login and sign-up pages. */
export async function requireAnonymous(request: Request) {
	if (await getUser(request)) throw redirect("/");
}

/** The server refuses these before Remix runs (request-guard.server.ts); this holds for any other caller. */
function assertSameOrigin(request: Request) {
	if (crossSiteReason(request)) throw new Response("Cross-site request refused", { status: 403 });
}

export type LoginResult =
	| { ok: true; userId: string }
	| { ok: false; reason: "invalid" | "deactivated" }
	| { ok: false; reason: "locked"; until: Date };

/**
 * Checks a password with the limits of throttle.server.ts: the attempt is counted against the
 * account and the address before any hashing, so a locked account or address is refused at the
 * cost of one update, however many requests arrive at once; a right password gives its attempt
 * back. Unknown e-mails cost the same time as known ones. A deactivated account is refused
 * after its password is checked.
 */
export async function verifyLogin(email: string, password: string, address: string): Promise<LoginResult> {
	const accountLocked = await takeAttempt("account", email);
	if (accountLocked) return { ok: false, reason: "locked", until: accountLocked };
	const addressLocked = await takeAttempt("address", address);
	if (addressLocked) {
		await returnAttempt("account", email);
		return { ok: false, reason: "locked", until: addressLocked };
	}

	const user = await prisma.user.findUnique({
		where: { email },
		select: { id: true, deactivatedAt: true, password: { select: { hash: true } } },
	});
	const valid = await withHashSlot(() =>
		user?.password ? verifyPassword(user.password.hash, password) : verifyDummy(password),
	);
	if (!user || !valid) return { ok: false, reason: "invalid" };
	await clearHits("account", email);
	await returnAttempt("address", address);
	// Said only to whoever knows the password: the account exists, and an admin has closed it.
	if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
	return { ok: true, userId: user.id };
}

/** Starts a new session (a new token at every login) and returns its cookie. */
export async function startSession(userId: string) {
	const token = generateSessionToken();
	const session = await createSession(token, userId);
	return sessionCookie(token, session.expiresAt);
}

export async function setPassword(userId: string, password: string) {
	const hash = await withHashSlot(() => hashPassword(password));
	await prisma.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
}
