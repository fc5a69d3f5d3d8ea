import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { hashPassword } from "../../app/utils/password.server";
import { generateSessionToken, sessionIdFromToken } from "../../app/utils/session-token.server";
import { prisma } from "./db";

export const PASSWORD = "a quiet river at dawn";

type TestUser = { id: string; email: string; name: string; password: string };

let passwordHash: Promise<string> | undefined;

/** A user made directly in the database, with a unique e-mail. */
export async function createUser(
	options: { roles?: string[]; language?: string; countryCode?: string; agencyId?: string } = {},
): Promise<TestUser> {
	passwordHash ??= hashPassword(PASSWORD);
	const email = `user-${randomUUID()}@example.test`;
	const name = `Test ${email.slice(5, 13)}`;
	const user = await prisma.user.create({
		data: {
			email,
			name,
			language: options.language ?? "en",
			countryCode: options.countryCode ?? "KG",
			agencyId: options.agencyId,
			roles: { connect: (options.roles ?? ["trainee"]).map((role) => ({ name: role })) },
			password: { create: { hash: await passwordHash } },
		},
		select: { id: true },
	});
	return { id: user.id, email, name, password: PASSWORD };
}

export const test = base.extend<{
	login: (options?: Parameters<typeof createUser>[0]) => Promise<TestUser>;
	/** Checks the test's page with axe (WCAG 2.2 AA): no violations. */
	a11y: () => Promise<void>;
}>({
	a11y: async ({ page, javaScriptEnabled }, use) => {
		await use(() => (javaScriptEnabled ? expectAccessible(page) : expectAccessibleWithScripts(page)));
	},
	/** Signs a new user in by writing a session and its cookie, not through the form. */
	login: async ({ page, baseURL }, use) => {
		await use(async (options) => signIn(page.context(), baseURL!, await createUser(options)));
	},
});

/** Signs a user in to a browser context: a session in the database and its cookie. */
export async function signIn(context: BrowserContext, baseURL: string, user: TestUser) {
	const token = generateSessionToken();
	await prisma.session.create({
		data: { id: sessionIdFromToken(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
	});
	await context.addCookies([
		{
			name: "__Host-dsm_session",
			value: token,
			domain: new URL(baseURL).hostname,
			path: "/",
			httpOnly: true,
			secure: true,
			sameSite: "Lax",
		},
	]);
	return user;
}

/** WCAG 2.2 AA, as axe-core checks it: no violations. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export { expect };

/**
 * axe runs inside the page, so a page loaded without JavaScript is checked
 * again in a context with it and the same cookies: the server sends both the
 * same HTML.
 */
export async function expectAccessibleWithScripts(page: Page) {
	const browser = page.context().browser()!;
	const context = await browser.newContext({ javaScriptEnabled: true });
	await context.addCookies(await page.context().cookies());
	const twin = await context.newPage();
	await twin.goto(page.url());
	await expectAccessible(twin);
	await context.close();
}

/**
 * Marks the document the page shows now; the check it returns tells whether the page still shows
 * that document, so that the moves made since went through the client router, not a page load.
 */
export async function markDocument(page: Page) {
	await page.evaluate(() => Object.assign(window, { markedDocument: true }));
	return () => page.evaluate(() => "markedDocument" in window);
}
