import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContentBody } from "~/components/content/content-body";
import { getRequest } from "../../tests/utils/requests";
import { makeUser, sessionFor } from "../../tests/utils/users";
import { getAuth, getUser } from "./auth.server";
import { prisma } from "./db.server";
import { HeldContentProvider } from "./held-content";
import { runInRequest, type RequestContext } from "./request-context.server";
import { invalidateSession, invalidateUserSessions } from "./session.server";

const sectionRoute = await import("~/routes/_learn+/modules_.$slug_.$section");

const context = (document = true): RequestContext => ({ clientAddress: "192.0.2.1", document, queries: 0 });

/** A request of the user's, as Remix hands it to one loader: a Request object of its own. */
const loaderRequest = (cookie: string, method = "GET") =>
	new Request(`http://localhost:3000/x?loader=${Math.random()}`, {
		method,
		headers: { Cookie: cookie, Origin: "http://localhost:3000" },
	});

describe("the session check of a request", () => {
	it("runs once however many loaders ask, each with a Request of its own", async () => {
		const user = await makeUser();
		const { cookie } = await sessionFor(user.id);
		const one = context();
		await runInRequest(one, () => getUser(loaderRequest(cookie)));
		const three = context();
		const users = await runInRequest(three, () =>
			Promise.all([getUser(loaderRequest(cookie)), getUser(loaderRequest(cookie)), getUser(loaderRequest(cookie))]),
		);
		expect(users.map((u) => u?.id)).toEqual([user.id, user.id, user.id]);
		expect(one.queries).toBeGreaterThan(0);
		expect(three.queries).toBe(one.queries);
	});

	it("runs again for each loader of a request that changes data, so that what its action did holds", async () => {
		const user = await makeUser();
		const { cookie } = await sessionFor(user.id);
		const one = context(false);
		await runInRequest(one, () => getAuth(loaderRequest(cookie, "POST")));
		const two = context(false);
		await runInRequest(two, async () => {
			await getAuth(loaderRequest(cookie, "POST"));
			await getAuth(loaderRequest(cookie, "POST"));
		});
		expect(two.queries).toBe(2 * one.queries);
	});

	it("sees a logout, a password change, a role change and a deactivation at the next request", async () => {
		const user = await makeUser(["trainee", "trainer"]);
		const first = await sessionFor(user.id);
		const second = await sessionFor(user.id);
		const ask = (cookie: string) => runInRequest(context(), () => getUser(loaderRequest(cookie)));

		expect((await ask(first.cookie))?.roles.sort()).toEqual(["trainee", "trainer"]);
		await prisma.user.update({ where: { id: user.id }, data: { roles: { disconnect: { name: "trainer" } } } });
		expect((await ask(first.cookie))?.roles).toEqual(["trainee"]);

		await invalidateSession(first.sessionId); // logging out
		expect(await ask(first.cookie)).toBeNull();

		const third = await sessionFor(user.id);
		await invalidateUserSessions(user.id, third.sessionId); // a password change ends the others
		expect(await ask(second.cookie)).toBeNull();
		expect((await ask(third.cookie))?.id).toBe(user.id);

		await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
		expect(await ask(third.cookie)).toBeNull();
	});

	it("is the Request's own where there is no request context (a test calling a loader)", async () => {
		const user = await makeUser();
		const { cookie } = await sessionFor(user.id);
		const request = getRequest("/", cookie);
		expect(getAuth(request)).toBe(getAuth(request));
		expect(getAuth(getRequest("/", cookie))).not.toBe(getAuth(request));
	});
});

describe("a lesson's HTML", () => {
	const params = { slug: "basic-concepts-and-categories", section: "usual-residence" };

	it("is held out of the loader data on a page load, and rendered from the request's context", async () => {
		const user = await makeUser();
		const { cookie } = await sessionFor(user.id);
		const page = context(true);
		const data = await runInRequest(page, () =>
			sectionRoute.loader({ request: getRequest("/x", cookie), params, context: page }),
		);
		expect(data.html.html).toBeNull();
		expect(data.html.held).toBe("content-0");
		const held = page.held?.get("content-0");
		expect(held?.kept).toBe(true);
		const html = held?.html;
		expect(html).toContain("<h");
		expect(JSON.stringify(data)).not.toContain(html!.slice(0, 200));

		const rendered = renderToString(
			createElement(
				HeldContentProvider,
				{ value: new Map([["content-0", html!]]) },
				createElement(ContentBody, { content: data.html }),
			),
		);
		expect(rendered).toContain(html!);
		expect(rendered).toContain('data-held="content-0"');
	});

	it("is in the loader data when the client router fetches the page", async () => {
		const user = await makeUser();
		const { cookie } = await sessionFor(user.id);
		const fetch = context(false);
		const data = await runInRequest(fetch, () =>
			sectionRoute.loader({ request: getRequest("/x.data", cookie), params, context: fetch }),
		);
		expect(data.html.html).toContain("<h");
		expect(data.html.held).toBeUndefined();
		expect(fetch.held).toBeUndefined();
	});
});
