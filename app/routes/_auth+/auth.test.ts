import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { args, cookiesFrom, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
import { makeUser, sessionFor, TEST_PASSWORD } from "../../../tests/utils/users";
import { verifyLogin } from "~/utils/auth.server";
import { LIMITS } from "~/utils/throttle.server";
import { action as loginAction } from "./login";
import { action as logoutAction } from "./logout";
import { action as signupAction } from "./signup";
import { loader as rootLoader } from "~/root";

const signupFields = (email: string, overrides: Record<string, string> = {}) => ({
	name: "Aigerim Bekova",
	email,
	password: TEST_PASSWORD,
	countryCode: "KG",
	agencyId: "",
	language: "ru",
	...overrides,
});

describe("sign up", () => {
	it("creates a trainee with an argon2id password and signs them in", async () => {
		const response = (await settle(() =>
			signupAction(args(formRequest("/signup", signupFields(" Aigerim@Example.TEST ")))),
		)) as Response;
		expect(response.status).toBe(302);
		const user = await prisma.user.findUniqueOrThrow({
			where: { email: "aigerim@example.test" },
			select: { id: true, language: true, roles: { select: { name: true } }, password: { select: { hash: true } } },
		});
		expect(user.roles.map((r) => r.name)).toEqual(["trainee"]);
		expect(user.language).toBe("ru");
		expect(user.password?.hash).toMatch(/^\$argon2id\$/);
		expect(response.headers.getSetCookie().some((c) => c.startsWith("dsm_session=") && c.includes("HttpOnly"))).toBe(
			true,
		);

		const root = unwrap(await rootLoader(args(getRequest("/", cookiesFrom(response)))));
		expect(root.data.user.id).toBe(user.id);
	});

	it("refuses bad input field by field and keeps what was typed, but never the password", async () => {
		const result = unwrap(
			await signupAction(args(formRequest("/signup", signupFields("not-an-email", { password: "short", name: "" })))),
		);
		expect(result.status).toBe(400);
		expect(result.data.errors).toMatchObject({
			email: ["errors.email"],
			password: ["errors.passwordTooShort"],
			name: ["errors.required"],
		});
		expect(result.data.values.email).toBe("not-an-email");
		expect(result.data.values.password).toBeUndefined();
	});

	it("refuses a common password, a taken e-mail and an agency of another country", async () => {
		const taken = await makeUser();
		const agency = await prisma.agency.create({ data: { name: "Elsewhere", countryCode: "UA" } });
		const result = unwrap(
			await signupAction(
				args(formRequest("/signup", signupFields(taken.email, { password: "password1", agencyId: agency.id }))),
			),
		);
		expect(result.status).toBe(400);
		expect(result.data.errors).toMatchObject({
			email: ["errors.emailTaken"],
			password: ["errors.passwordCommon"],
			agencyId: ["errors.agencyCountry"],
		});
	});
});

describe("log in", () => {
	it("starts a new session at every login and honours a same-site redirectTo only", async () => {
		const user = await makeUser();
		const login = (redirectTo: string) =>
			settle(() =>
				loginAction(args(formRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo }))),
			);
		const first = (await login("/settings/profile")) as Response;
		const second = (await login("https://evil.example/")) as Response;
		expect(first.headers.get("Location")).toBe("/settings/profile");
		expect(second.headers.get("Location")).toBe("/");
		expect(cookiesFrom(first)).not.toBe(cookiesFrom(second));
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
	});

	it("sends a hostile redirectTo home instead of failing or leaving the site", async () => {
		const user = await makeUser();
		for (const redirectTo of [
			"/\n/evil.example",
			"/\r\nSet-Cookie: x=y",
			"/\u3000/evil.example",
			"/%09/evil.example",
		]) {
			const response = (await settle(() =>
				loginAction(args(formRequest("/login", { email: user.email, password: TEST_PASSWORD, redirectTo }))),
			)) as Response;
			expect(response.status, JSON.stringify(redirectTo)).toBe(302);
			expect(response.headers.get("Location")).toBe("/");
		}
	});

	it("says the same for an unknown e-mail and a wrong password", async () => {
		const user = await makeUser();
		const wrong = unwrap(await loginAction(args(formRequest("/login", { email: user.email, password: "nope nope" }))));
		const unknown = unwrap(
			await loginAction(args(formRequest("/login", { email: "nobody@example.test", password: "nope nope" }))),
		);
		expect(wrong.status).toBe(400);
		expect(wrong.data.errors).toEqual({ "": ["auth.invalidCredentials"] });
		expect(unknown.data.errors).toEqual(wrong.data.errors);
	});

	it("refuses a request from another site", async () => {
		const request = formRequest("/login", { email: "a@b.c", password: "x" });
		request.headers.set("Origin", "https://evil.example");
		const response = (await settle(() => loginAction(args(request)))) as Response;
		expect(response.status).toBe(403);
	});
});

describe("login limits under parallel requests", () => {
	it("count each attempt before hashing: of 59 wrong passwords and then the right one, five are checked", async () => {
		const user = await makeUser();
		const address = "198.51.100.60";
		const attempts = Array.from({ length: 59 }, (_, i) => verifyLogin(user.email, `wrong ${i}`, address));
		attempts.push(verifyLogin(user.email, TEST_PASSWORD, address));
		const results = await Promise.all(attempts);
		expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LIMITS.account.max);
		expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(60 - LIMITS.account.max);
		expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });
	});

	it("hold the address limit across accounts", async () => {
		const address = "198.51.100.61";
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => verifyLogin(`nobody-${i}@example.test`, "wrong wrong", address)),
		);
		expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LIMITS.address.max);
		expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(30 - LIMITS.address.max);
	});

	it("let the right password in while under the limit, and then forget the failures", async () => {
		const user = await makeUser();
		const address = "198.51.100.62";
		for (let i = 0; i < LIMITS.account.max - 1; i++) await verifyLogin(user.email, "wrong wrong", address);
		expect(await verifyLogin(user.email, TEST_PASSWORD, address)).toMatchObject({ ok: true });
		expect(await verifyLogin(user.email, "wrong again", address)).toMatchObject({ ok: false, reason: "invalid" });
		expect(await verifyLogin(user.email, TEST_PASSWORD, address)).toMatchObject({ ok: true });
	});
});

describe("log out", () => {
	it("ends the session in the database and clears the cookie", async () => {
		const user = await makeUser();
		const { cookie, sessionId } = await sessionFor(user.id);
		const response = (await settle(() => logoutAction(args(formRequest("/logout", {}, cookie))))) as Response;
		expect(response.status).toBe(302);
		expect(response.headers.get("Set-Cookie")).toContain("Expires=Thu, 01 Jan 1970");
		expect(await prisma.session.count({ where: { id: sessionId } })).toBe(0);
	});
});
