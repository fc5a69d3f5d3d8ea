import fs from "node:fs";
import path from "node:path";
import { prisma } from "./db";
import { createUser, expect, PASSWORD, test } from "./fixtures";
import { rawPost, runServerUntilExit, startOwnServer } from "./own-server";
import { generateSessionToken, sessionIdFromToken } from "../../app/utils/session-token.server";

// What a prober sent the running server (issue 12), sent again: each answer is a 4xx with a
// message, quick, and the server goes on serving.

const fields = (count: number) => Array.from({ length: count }, (_, i) => `f${i}=x`).join("&");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test.describe("request cost", () => {
	test("40,000 fields to /login are refused in under 50 ms, and /healthz is not slowed meanwhile", async ({
		baseURL,
	}) => {
		const origin = baseURL!;
		const body = fields(40_000);
		expect(body.length).toBeGreaterThan(340 * 1024);
		const runs: number[] = [];
		for (let i = 0; i < 9; i++) {
			const response = await rawPost(`${origin}/login`, body, { Origin: origin });
			expect(response.status).toBe(413);
			expect(response.body).toContain("The form is larger than this page accepts (at most 4 KB).");
			runs.push(response.ms);
		}

		// The same request again and again while /healthz is asked: it keeps answering as it does at rest.
		const healthz = async () => {
			const started = performance.now();
			expect((await fetch(`${origin}/healthz`)).status).toBe(200);
			return performance.now() - started;
		};
		const atRest: number[] = [];
		for (let i = 0; i < 10; i++) atRest.push(await healthz());
		const during: number[] = [];
		let flooding = true;
		const flood = (async () => {
			while (flooding) await rawPost(`${origin}/login`, body, { Origin: origin });
		})();
		for (let i = 0; i < 10; i++) during.push(await healthz());
		flooding = false;
		await flood;

		console.log(
			`40,000-field POST /login: median ${median(runs).toFixed(1)} ms (${runs.map((ms) => ms.toFixed(1)).join(", ")}); ` +
				`/healthz median ${median(atRest).toFixed(1)} ms at rest, ${median(during).toFixed(1)} ms during the flood`,
		);
		expect(median(runs)).toBeLessThan(50);
		expect(median(during)).toBeLessThan(Math.max(50, 5 * median(atRest)));
	});

	test("a body sent without a length is counted as it arrives: 40,000 fields stop at the route's limit", async ({
		baseURL,
	}) => {
		const runs: number[] = [];
		for (let i = 0; i < 3; i++) {
			const response = await rawPost(`${baseURL}/language`, fields(40_000), { Origin: baseURL! }, { chunked: true });
			expect(response.status).toBe(413);
			expect(response.body).toContain("at most 200 fields");
			runs.push(response.ms);
		}
		expect(median(runs)).toBeLessThan(250);
	});

	test("a 10 MB e-mail is refused, not read, and not echoed back", async ({ baseURL }) => {
		const email = `${"a".repeat(10 * 1024 * 1024)}@example.test`;
		const response = await rawPost(`${baseURL}/login`, `email=${email}&password=x`, { Origin: baseURL! });
		expect(response.status).toBe(413);
		expect(response.body.length).toBeLessThan(2_000);
		expect(response.body).not.toContain("aaaaaaaa");
	});
});

test.describe("answers that were 500s", () => {
	test("a JSON or multipart body to /login is 415, with a message", async ({ request }) => {
		for (const contentType of ["application/json", "multipart/form-data; boundary=x"]) {
			const response = await request.fetch("/login", {
				method: "POST",
				data: contentType.startsWith("multipart") ? "--x\r\nbroken" : '{"email":"a@b.c"}',
				headers: { "Content-Type": contentType },
			});
			expect(response.status(), contentType).toBe(415);
			expect(await response.text()).toContain("This page accepts form fields only");
		}
	});

	test("hostile redirectTo values send a login home, and the login page renders with them", async ({
		request,
		baseURL,
	}) => {
		const user = await createUser();
		for (const redirectTo of [
			"/\n/evil.example",
			"/\r\nSet-Cookie: x=y",
			"/\u3000/evil.example",
			"/%09/evil.example",
		]) {
			const page = await request.get(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
			expect(page.status(), JSON.stringify(redirectTo)).toBe(200);
			const response = await rawPost(
				`${baseURL}/login`,
				new URLSearchParams({ email: user.email, password: PASSWORD, redirectTo }).toString(),
				{ Origin: baseURL! },
			);
			expect(response.status, JSON.stringify(redirectTo)).toBe(302);
			expect(response.headers.location).toBe("/");
		}
	});

	test("an impossible page number on an admin list is 400; an unknown address 404", async ({ page, login, a11y }) => {
		await login({ roles: ["admin"] });
		const wrong = await page.goto("/admin/users?page=1e308");
		expect(wrong?.status()).toBe(400);
		await expect(page.getByRole("heading", { level: 1, name: "This address is not right" })).toBeVisible();
		await a11y();
		expect((await page.goto("/admin/no-such-list"))?.status()).toBe(404);
	});
});

test.describe("origin and headers", () => {
	test("a request that changes data is refused with 403 when another site, or an opaque origin, sent it", async ({
		baseURL,
	}) => {
		const cases: Array<[string, Record<string, string>]> = [
			["/login", { Origin: "null" }],
			["/login", { Origin: "https://evil.example" }],
			["/login", { "Sec-Fetch-Site": "cross-site" }],
			["/modules", { Origin: "https://evil.example" }],
			["/logout", { Origin: "null" }],
		];
		for (const [route, headers] of cases) {
			const response = await rawPost(`${baseURL}${route}`, "a=b", headers);
			expect(response.status, `${route} ${JSON.stringify(headers)}`).toBe(403);
			expect(response.body).toContain("sent from another site");
		}
	});

	test("signed-in pages are kept out of caches; HSTS is sent while cookies are Secure", async ({ request }) => {
		const anonymous = await request.get("/login");
		expect(anonymous.headers()["cache-control"]).toBeUndefined();
		const user = await createUser();
		const token = generateSessionToken();
		await prisma.session.create({
			data: { id: sessionIdFromToken(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
		});
		const signedIn = await request.get("/modules", { headers: { Cookie: `__Host-dsm_session=${token}` } });
		expect(signedIn.status()).toBe(200);
		expect(signedIn.headers()["cache-control"]).toBe("private, no-store");
		expect(signedIn.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
	});
});

test.describe("a server of its own", () => {
	test("with TRUST_PROXY=true, the client is the right-most address: a spoofed header does not dodge the lock", async () => {
		const server = await startOwnServer({ env: { TRUST_PROXY: "true", COOKIE_SECURE: "false" } });
		try {
			const statuses: number[] = [];
			for (let i = 0; i < 25; i++) {
				// The proxy appends the address it saw (198.51.100.9); the client writes whatever it likes before it.
				const response = await rawPost(
					`${server.origin}/login`,
					new URLSearchParams({ email: `nobody-${i}@example.test`, password: "wrong wrong" }).toString(),
					{ Origin: server.origin, "X-Forwarded-For": `203.0.113.${i}, 198.51.100.9` },
				);
				statuses.push(response.status);
			}
			expect(statuses.filter((status) => status === 400)).toHaveLength(20);
			expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
		} finally {
			await server.stop();
		}
	});

	test("the log has no stack trace for a 404 or a refused request, and one line for each refusal", async () => {
		const server = await startOwnServer({ env: { COOKIE_SECURE: "false" } });
		try {
			await fetch(`${server.origin}/no/such/page`);
			await fetch(`${server.origin}/modules`, { method: "POST", body: "a=b", headers: { Origin: server.origin } });
			await rawPost(`${server.origin}/login`, "a=b", { Origin: "null" });
			await rawPost(`${server.origin}/login`, fields(40_000), { Origin: server.origin });
			await new Promise((resolve) => setTimeout(resolve, 200));
			const log = server.log();
			expect(log).not.toMatch(/\n\s+at /);
			expect(log).toContain("refused POST /login with 403: Origin: null");
			expect(log).toMatch(/refused POST \/login with 413: \d+ bytes/);
		} finally {
			await server.stop();
		}
	});

	test("a missing database folder, a missing file or a read-only one stops the start with a clear error", async () => {
		const dir = path.resolve("tests/.tmp", `start-${Date.now()}`);
		const missingFolder = await runServerUntilExit({ DATABASE_URL: `file:${dir}/nowhere/app.db` });
		expect(missingFolder.code).not.toBe(0);
		expect(missingFolder.output).toContain(`The database folder ${dir}/nowhere does not exist.`);
		expect(fs.existsSync(`${dir}/nowhere`)).toBe(false);

		fs.mkdirSync(dir, { recursive: true });
		const missingFile = await runServerUntilExit({ DATABASE_URL: `file:${dir}/app.db` });
		expect(missingFile.output).toContain(`There is no database at ${dir}/app.db.`);
		expect(fs.existsSync(`${dir}/app.db`)).toBe(false);

		// Read-only for the user the server runs as: root writes anyway, so as root the server runs as nobody.
		fs.copyFileSync(path.resolve(process.env.E2E_DATABASE!), `${dir}/app.db`);
		fs.chmodSync(`${dir}/app.db`, 0o444);
		const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
		if (process.getuid?.() === 0) fs.chmodSync(dir, 0o777);
		const readOnly = await runServerUntilExit({ DATABASE_URL: `file:${dir}/app.db` }, asNobody);
		expect(readOnly.code).not.toBe(0);
		expect(readOnly.output).toContain(`The database file ${dir}/app.db is not writable by this user`);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
