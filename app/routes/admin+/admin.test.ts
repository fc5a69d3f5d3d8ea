import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { args, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
import { makeUser, sessionFor } from "../../../tests/utils/users";
import { loader as usersLoader } from "./users";
import { action as userAction } from "./users_.$userId";
import { action as agenciesAction } from "./agencies";
import { loader as healthz } from "../healthz";
import { action as loginAction } from "../_auth+/login";
import { TEST_PASSWORD } from "../../../tests/utils/users";

describe("admin guard", () => {
	it("sends anonymous visitors to log in and answers 403 to a trainee", async () => {
		const anonymous = (await settle(() => usersLoader(args(getRequest("/admin/users?q=x"))))) as Response;
		expect(anonymous.status).toBe(302);
		expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Dx");

		const trainee = await makeUser(["trainee"]);
		const { cookie } = await sessionFor(trainee.id);
		const forbidden = (await settle(() => usersLoader(args(getRequest("/admin/users", cookie))))) as Response;
		expect(forbidden.status).toBe(403);
	});

	it("answers an impossible page number with 400, not a failed query", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		for (const page of ["1e308", "-1", "0", "2.5", "two", "9999999"]) {
			const response = (await settle(() =>
				usersLoader(args(getRequest(`/admin/users?page=${page}`, cookie))),
			)) as Response;
			expect(response.status, page).toBe(400);
		}
		const fine = await usersLoader(args(getRequest("/admin/users?page=3", cookie)));
		expect(fine.page).toBe(3);
	});

	it("filters users by role and country", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const trainer = await makeUser(["trainer"], { countryCode: "TJ" });
		await makeUser(["trainee"], { countryCode: "TJ" });
		const result = await usersLoader(args(getRequest("/admin/users?role=trainer&country=TJ", cookie)));
		expect(result.users.map((u) => u.id)).toEqual([trainer.id]);
		expect(result.total).toBe(1);
	});

	it("searches names and addresses whatever the case of their letters, Cyrillic too, on either database", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const ivanova = await makeUser(["trainee"], { countryCode: "KG" });
		await prisma.user.update({ where: { id: ivanova.id }, data: { name: "Анна Иванова-Ёлкина" } });
		const smith = await makeUser(["trainee"], { countryCode: "KG" });
		await prisma.user.update({
			where: { id: smith.id },
			data: { name: "Jane O'Smith", email: `Jane.Smith-${smith.id}@Example.test` },
		});
		const found = async (q: string) =>
			(await usersLoader(args(getRequest(`/admin/users?country=KG&q=${encodeURIComponent(q)}`, cookie)))).users.map(
				(u) => u.id,
			);
		expect(await found("иванова")).toEqual([ivanova.id]);
		expect(await found("ИВАНОВА")).toEqual([ivanova.id]);
		expect(await found("ёлкина")).toEqual([ivanova.id]);
		expect(await found("o'smith")).toEqual([smith.id]);
		expect(await found("JANE.SMITH")).toEqual([smith.id]);
		expect(await found("anna")).toEqual([]);
		expect(await found("jAnE")).toEqual([smith.id]);
	});
});

describe("admin actions", () => {
	it("changes roles, but never drops the admin's own admin role", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const user = await makeUser(["trainee"]);
		await settle(() =>
			userAction(
				args(formRequest(`/admin/users/${user.id}`, { intent: "roles", roles: ["trainee", "trainer"] }, cookie), {
					userId: user.id,
				}),
			),
		);
		const roles = await prisma.role.findMany({ where: { users: { some: { id: user.id } } }, select: { name: true } });
		expect(roles.map((r) => r.name).sort()).toEqual(["trainee", "trainer"]);

		const self = unwrap(
			await userAction(
				args(formRequest(`/admin/users/${admin.id}`, { intent: "roles", roles: "trainer" }, cookie), {
					userId: admin.id,
				}),
			),
		);
		expect(self.status).toBe(400);
		expect(self.data.errors[""]).toEqual(["admin.users.cannotDropOwnAdmin"]);
	});

	it("resets a password and ends the user's sessions", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const user = await makeUser();
		await sessionFor(user.id);
		const result = (await userAction(
			args(formRequest(`/admin/users/${user.id}`, { intent: "reset-password" }, cookie), { userId: user.id }),
		)) as { temporaryPassword: string };
		expect(result.temporaryPassword).toHaveLength(12);
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
	});

	it("refuses an agency in an unknown country with the input kept", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const result = unwrap(
			await agenciesAction(
				args(
					formRequest(
						"/admin/agencies",
						{ name: "Stats", nameRu: "", kind: "statistics-office", countryCode: "ZZ" },
						cookie,
					),
				),
			),
		);
		expect(result.status).toBe(400);
		expect(result.data.errors.countryCode).toEqual(["errors.unknownCountry"]);
		expect(result.data.values.name).toBe("Stats");
	});
});

describe("healthz", () => {
	it("answers 200 when the database answers", async () => {
		const response = await healthz();
		expect(response.status).toBe(200);
		expect(await response.text()).toBe("ok\n");
	});
});

describe("an admin edits a user and deactivates an account", () => {
	const edit = async (cookie: string, userId: string, fields: Record<string, string>) =>
		settle(() =>
			userAction(args(formRequest(`/admin/users/${userId}`, { intent: "details", ...fields }, cookie), { userId })),
		);

	it("changes name, e-mail, country and agency, and refuses a taken e-mail with the input kept", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const user = await makeUser();
		const agency = await prisma.agency.create({ data: { name: "Migration Service", countryCode: "KG" } });
		const saved = (await edit(cookie, user.id, {
			name: "Aida Toktogulova",
			email: " Aida@Example.TEST ",
			countryCode: "KG",
			agencyId: agency.id,
		})) as Response;
		expect(saved.status).toBe(302);
		expect(
			await prisma.user.findUniqueOrThrow({
				where: { id: user.id },
				select: { name: true, email: true, countryCode: true, agencyId: true },
			}),
		).toEqual({ name: "Aida Toktogulova", email: "aida@example.test", countryCode: "KG", agencyId: agency.id });

		const taken = unwrap(
			await edit(cookie, user.id, { name: "Aida", email: admin.email, countryCode: "UA", agencyId: agency.id }),
		);
		expect(taken.status).toBe(400);
		expect(taken.data.errors).toMatchObject({ email: ["errors.emailTaken"], agencyId: ["errors.agencyCountry"] });
		expect(taken.data.values.name).toBe("Aida");
	});

	it("ends the sessions, keeps the data, refuses the login with a message, and can undo it", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const user = await makeUser();
		const { cookie: userCookie } = await sessionFor(user.id);
		await prisma.sectionRead.create({ data: { userId: user.id, moduleSlug: "m", sectionId: "s" } });

		const done = (await settle(() =>
			userAction(args(formRequest(`/admin/users/${user.id}`, { intent: "deactivate" }, cookie), { userId: user.id })),
		)) as Response;
		expect(done.status).toBe(302);
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
		expect(await prisma.sectionRead.count({ where: { userId: user.id } })).toBe(1);
		const { getUser } = await import("~/utils/auth.server");
		expect(await getUser(getRequest("/", userCookie))).toBeNull();

		const login = unwrap(
			await loginAction(args(formRequest("/login", { email: user.email, password: TEST_PASSWORD }))),
		);
		expect(login.status).toBe(403);
		expect(login.data.errors).toEqual({ "": ["auth.deactivated"] });
		const wrong = unwrap(
			await loginAction(args(formRequest("/login", { email: user.email, password: "not it at all" }))),
		);
		expect(wrong.data.errors).toEqual({ "": ["auth.invalidCredentials"] });

		await settle(() =>
			userAction(args(formRequest(`/admin/users/${user.id}`, { intent: "reactivate" }, cookie), { userId: user.id })),
		);
		const again = (await settle(() =>
			loginAction(args(formRequest("/login", { email: user.email, password: TEST_PASSWORD }))),
		)) as Response;
		expect(again.status).toBe(302);
	});

	it("never deactivates the admin's own account", async () => {
		const admin = await makeUser(["admin"]);
		const { cookie } = await sessionFor(admin.id);
		const self = unwrap(
			await userAction(
				args(formRequest(`/admin/users/${admin.id}`, { intent: "deactivate" }, cookie), { userId: admin.id }),
			),
		);
		expect(self.status).toBe(400);
		expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(1);
	});
});
