import { randomUUID } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { generateSessionToken, sessionCookie, createSession } from "~/utils/session.server";

export const TEST_PASSWORD = "a quiet river at dawn";
let hash: Promise<string> | undefined;

export async function makeUser(roles: string[] = ["trainee"], extra: { countryCode?: string; agencyId?: string } = {}) {
	hash ??= hashPassword(TEST_PASSWORD);
	const email = `u-${randomUUID()}@example.test`;
	return prisma.user.create({
		data: {
			email,
			name: "Test User",
			countryCode: extra.countryCode,
			agencyId: extra.agencyId,
			roles: { connect: roles.map((name) => ({ name })) },
			password: { create: { hash: await hash } },
		},
		select: { id: true, email: true },
	});
}

/** A session for the user and the Cookie header that carries it. */
export async function sessionFor(userId: string) {
	const token = generateSessionToken();
	const session = await createSession(token, userId);
	return { token, sessionId: session.id, cookie: sessionCookie(token, session.expiresAt).split(";")[0]! };
}
