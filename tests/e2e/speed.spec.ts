import { type ProbeAnswer, loginCookie } from "../bench/server";
import { createUser, expect, markDocument, test } from "./fixtures";
import { startOwnServer } from "./own-server";

// The lesson's HTML is sent once (docs/decisions/0091-lesson-html-sent-once.md): rendered in the
// page, not again in its data; the browser takes it from the page when it hydrates, and from the
// data when it moves to another section without a page load.
const SECTION = "/modules/basic-concepts-and-categories/usual-residence";

test("a lesson is sent once, hydrates from the page and moves to the next section in the browser", async ({
	page,
	login,
	a11y,
}) => {
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
	await login();

	const response = await page.goto(SECTION);
	const html = await response!.text();
	const lesson = page.locator(".prose [data-held]");
	const firstParagraph = (await lesson.locator("p").first().textContent())!.slice(0, 60);
	expect(firstParagraph.length).toBeGreaterThan(20);
	expect(html.split(firstParagraph).length - 1).toBe(1);
	await a11y();

	// After hydration the text is the server's, and a client-side move brings the next one from the data.
	// The pager and the contents are plain links the client router follows (docs/decisions/0111).
	const firstHtml = await lesson.innerHTML();
	const sameDocument = await markDocument(page);
	await page.getByRole("link", { name: /→$/ }).first().click();
	await expect(page).not.toHaveURL(SECTION);
	const next = page.locator(".prose > div[lang]");
	await expect(next.locator("p").first()).toBeVisible();
	expect(await next.innerHTML()).not.toBe(firstHtml);
	const contents = page.getByRole("navigation", { name: /^Module 4/ });
	await expect(contents.locator('[aria-current="page"]')).not.toHaveAttribute("href", SECTION);
	await page.goBack();
	await expect(page).toHaveURL(SECTION);
	await expect(page.locator(".prose > div[lang] p").first()).toHaveText(new RegExp(`^${escape(firstParagraph)}`));
	await expect(contents.locator('[aria-current="page"]')).toHaveAttribute("href", SECTION);
	await contents.getByRole("link", { name: "Quiz" }).click();
	await expect(page).toHaveURL(/\/quiz$/);
	expect(await sameDocument()).toBe(true);
	expect(errors).toEqual([]);
});

test("a page is compressed whole; the build's files are still served", async ({ request }) => {
	const page = await request.get("/login", { headers: { "Accept-Encoding": "gzip" } });
	expect(page.headers()["content-encoding"]).toBe("gzip");
	expect(Number(page.headers()["content-length"])).toBeGreaterThan(500);
	expect(await page.text()).toContain("<!DOCTYPE html>");
	const brotli = await request.get("/login", { headers: { "Accept-Encoding": "br, gzip" } });
	expect(brotli.headers()["content-encoding"]).toBe("br");
	const favicon = await request.get("/favicon.svg");
	expect(favicon.status()).toBe(200);
	expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
	const script = (await page.text()).match(/\/assets\/[^"]+\.js/)![0];
	const asset = await request.get(script);
	expect(asset.status()).toBe(200);
	expect(asset.headers()["cache-control"]).toContain("immutable");
	expect((await request.get("/assets/no-such-file.js")).status()).toBe(404);
});

function escape(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("a page with held texts is gzipped from parts deflated before, and reads as the page itself", async ({
	page,
	request,
	login,
}) => {
	await login();
	// The session cookie is a secure one, which the API client does not send over http by itself.
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
	const get = (encoding: string) => request.get(SECTION, { headers: { Cookie: cookie, "Accept-Encoding": encoding } });
	const plain = await get("identity");
	expect(plain.headers()["content-encoding"]).toBeUndefined();
	const html = await plain.text();
	expect(html).toContain('class="prose"');
	// Brotli is not made anew for such a page: gzip is, from the lesson's bytes deflated once.
	const gzipped = await get("br, gzip");
	expect(gzipped.headers()["content-encoding"]).toBe("gzip");
	const withoutNonce = (text: string) => text.replace(/nonce="[^"]+"/g, "").replace(/'nonce-[^']+'/g, "");
	expect(withoutNonce(await gzipped.text())).toBe(withoutNonce(html));
	expect(Number(gzipped.headers()["content-length"])).toBeLessThan(html.length / 2.5);
});

test("a page's memory is let go as soon as it is sent, not held for seconds after", async () => {
	const user = await createUser();
	const server = await startOwnServer({ env: { COOKIE_SECURE: "false" }, probe: true });
	try {
		const cookie = await loginCookie(server.origin, user.email, user.password);
		const get = () =>
			fetch(server.origin + SECTION, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" } }).then((r) => r.text());
		const pages = async (count: number) => {
			for (let sent = 0; sent < count; sent += 5) await Promise.all(Array.from({ length: 5 }, get));
		};
		// The first pages fill the caches (code, sessions, held lessons), so that the two readings compare settled heaps.
		await pages(100);
		const held = ({ heapUsedBytes, externalBytes }: ProbeAnswer) => (heapUsedBytes + externalBytes) / 2 ** 20;
		const before = held(await server.probe!("gc"));
		// 400 pages in a few seconds. Remix arms a 5 s timer for each (its single-fetch stream)
		// that kept the request's context, and so the page's bytes, until it fired
		// (docs/decisions/0112-request-signal-ends-with-its-response.md): about 5 MiB more here.
		await pages(400);
		const after = held(await server.probe!("gc"));
		expect(after - before).toBeLessThan(2);
	} finally {
		await server.stop();
	}
});
