import { describe, expect, it } from "vitest";
import { prisma } from "./db.server";
import {
	blankSessionCookie,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	sessionCookie,
	sessionIdFromToken,
	validateSessionToken,
} from "./session.server";
import { makeUser } from "../../tests/utils/users";

const DAY = 86_400_000;

describe("sessions", () => {
	it("stores only the SHA-256 of the token", async () => {
		const user = await makeUser();
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const session = await createSession(token, user.id);
		expect(session.id).toBe(sessionIdFromToken(token));
		expect(session.id).toMatch(/^[0-9a-f]{64}$/);
		expect(await prisma.session.count({ where: { id: token } })).toBe(0);
	});

	it("validates a token to its user and roles", async () => {
		const user = await makeUser(["trainee", "assessor"]);
		const token = generateSessionToken();
		await createSession(token, user.id);
		const result = await validateSessionToken(token);
		expect(result.user?.id).toBe(user.id);
		expect(result.user?.roles.sort()).toEqual(["assessor", "trainee"]);
		expect(result.session?.renewed).toBe(false);
		expect((await validateSessionToken(generateSessionToken())).user).toBeNull();
	});

	it("reads the whole user, with no roles or a country and agency", async () => {
		const none = await makeUser([]);
		const token = generateSessionToken();
		await createSession(token, none.id);
		expect((await validateSessionToken(token)).user).toEqual({
			id: none.id,
			email: none.email,
			name: "Test User",
			language: "en",
			countryCode: null,
			agencyId: null,
			roles: [],
		});

		const agency = await prisma.agency.create({
			data: { name: "Migration service (test)", countryCode: "KG" },
			select: { id: true, countryCode: true },
		});
		const placed = await makeUser(["trainer", "trainee", "admin"], { countryCode: "KG", agencyId: agency.id });
		const other = generateSessionToken();
		await createSession(other, placed.id);
		const { user, session } = await validateSessionToken(other);
		expect(user).toMatchObject({ id: placed.id, countryCode: agency.countryCode, agencyId: agency.id });
		expect(user?.roles).toEqual(["admin", "trainee", "trainer"]);
		expect(session?.expiresAt).toBeInstanceOf(Date);
	});

	it("deletes an expired session and renews one with less than 15 days left", async () => {
		const user = await makeUser();
		const token = generateSessionToken();
		const { id } = await createSession(token, user.id);

		const in20days = new Date(Date.now() + 20 * DAY);
		const renewed = await validateSessionToken(token, in20days);
		expect(renewed.session?.renewed).toBe(true);
		expect(renewed.session?.expiresAt.getTime()).toBe(in20days.getTime() + SESSION_LIFETIME_MS);

		const afterExpiry = new Date(in20days.getTime() + SESSION_LIFETIME_MS + 1);
		expect((await validateSessionToken(token, afterExpiry)).user).toBeNull();
		expect(await prisma.session.count({ where: { id } })).toBe(0);
	});

	it("ends one session, or all of a user's but one", async () => {
		const user = await makeUser();
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const sa = await createSession(a, user.id);
		await createSession(b, user.id);
		await createSession(c, user.id);
		await invalidateSession(sa.id);
		expect((await validateSessionToken(a)).user).toBeNull();
		await invalidateUserSessions(user.id, sessionIdFromToken(b));
		expect((await validateSessionToken(b)).user?.id).toBe(user.id);
		expect((await validateSessionToken(c)).user).toBeNull();
	});

	it("writes an HttpOnly, SameSite=Lax cookie on the whole site", () => {
		const cookie = sessionCookie("token", new Date(Date.now() + DAY));
		expect(cookie).toMatch(/^dsm_session=token; /);
		expect(cookie).toContain("Path=/");
		expect(cookie).toContain("HttpOnly");
		expect(cookie).toContain("SameSite=Lax");
		expect(blankSessionCookie()).toContain("Expires=Thu, 01 Jan 1970");
	});
});
