import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { randomBytes } from "node:crypto";
import zlib, { gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { HeldContentProvider, useHeldHtml } from "./held-content";
import { gzipPage, heldMarkers, holdsTexts, pageBody, pageBytes, splicePage } from "./held-content.server";

function Page({ keys }: { keys: string[] }) {
	return createElement(
		"main",
		null,
		keys.map((key) => createElement(Held, { key, name: key })),
		createElement("p", null, "Après & <fin>"),
	);
}
function Held({ name }: { name: string }) {
	const html = useHeldHtml(null, name);
	return createElement("div", { "data-held": name, dangerouslySetInnerHTML: { __html: html } });
}

describe("held texts spliced into the page as bytes", () => {
	const texts = new Map([
		["content-0", "<table><tr><td>Готово<br>90 % ×3</td></tr></table>".repeat(400)],
		// A text that looks like a marker is sent as it is, never replaced.
		["content-1", "<p>Forged <!--held-abc:content-0--> and <!-- --></p>"],
	]);
	const held = new Map([...texts].map(([key, html]) => [key, { html, kept: true }]));

	it("sends the same page as rendering the texts in it, gzipped as the browser reads it", async () => {
		const expected = renderToString(
			createElement(HeldContentProvider, { value: texts }, createElement(Page, { keys: [...held.keys()] })),
		);
		const rendered = renderToString(
			createElement(HeldContentProvider, { value: heldMarkers(held) }, createElement(Page, { keys: [...held.keys()] })),
		);
		expect(rendered.length).toBeLessThan(1000);
		const parts = splicePage(Buffer.from(rendered), held);
		expect(parts).toHaveLength(5);
		expect(holdsTexts(parts)).toBe(true);
		expect(pageBytes(parts).toString()).toBe(expected);
		const gzipped = gzipPage(parts, 3);
		expect(gunzipSync(gzipped).toString()).toBe(expected);
		// The held part is deflated once: the same bytes on the next page.
		const again = splicePage(Buffer.from(rendered), held);
		expect(again[1]).toBe(parts[1]);
		expect(gunzipSync(gzipPage(again, 3)).toString()).toBe(expected);
		expect(gzipped.length).toBeLessThan(expected.length / 20);
		// A Response made of the parts reads as the page too.
		expect(await new Response(pageBody(parts)).text()).toBe(expected);
	});

	it("puts the body together only when it is read", async () => {
		let reads = 0;
		const text = { html: "<p>held</p>", kept: true };
		const parts = splicePage(
			Buffer.from(`<main>${heldMarkers(new Map([["content-0", text]]))!.get("content-0")}</main>`),
			new Map([["content-0", text]]),
		);
		const held = parts[1] as { bytes: Buffer };
		const { bytes } = held;
		Object.defineProperty(held, "bytes", { get: () => (reads++, bytes) });
		const response = new Response(pageBody(parts));
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(reads).toBe(0);
		expect(await response.text()).toBe("<main><p>held</p></main>");
		expect(reads).toBeGreaterThan(0);
	});

	it("deflates a text not kept with the page's own bytes, and keeps nothing of it", () => {
		const once = new Map([
			["content-0", { html: '<form>One learner\'s answers: <input value="é"></form>', kept: false }],
			["content-1", held.get("content-0")!],
		]);
		const expected = renderToString(
			createElement(
				HeldContentProvider,
				{ value: new Map([...once].map(([key, text]) => [key, text.html])) },
				createElement(Page, { keys: [...once.keys()] }),
			),
		);
		const rendered = renderToString(
			createElement(HeldContentProvider, { value: heldMarkers(once) }, createElement(Page, { keys: [...once.keys()] })),
		);
		const parts = splicePage(Buffer.from(rendered), once);
		// The page's start, the form and what follows up to the kept text are one part.
		expect(parts).toHaveLength(3);
		expect(holdsTexts(splicePage(Buffer.from(rendered), new Map([["content-0", once.get("content-0")!]])))).toBe(false);
		expect(Buffer.isBuffer(parts[0])).toBe(true);
		expect(parts[0]!.toString()).toContain("One learner's answers");
		expect(gunzipSync(gzipPage(parts, 3)).toString()).toBe(expected);
		const again = splicePage(Buffer.from(rendered), once);
		expect(again[0]).not.toBe(parts[0]);
		expect(again[1]).toBe(parts[1]);
	});

	it("deflates a part of the page's own that comes again once, and the part that differs every time", () => {
		const table = { html: "<table><tr><td>90 %</td></tr></table>".repeat(50), kept: true };
		const texts = new Map([["content-0", table]]);
		const marker = heldMarkers(texts)!.get("content-0")!;
		const start = `<header>${"<a href='/'>Menu</a>".repeat(40)}</header>`;
		const page = (nonce: string) => Buffer.from(`${start}${marker}<script nonce="${nonce}">data</script>`);
		const deflate = vi.spyOn(zlib, "deflateRawSync");
		try {
			// The same length and CRC-32 as nothing else: each page reads as itself.
			for (const nonce of ["n1", "n2", "n3", "n4"]) {
				const expected = `${start}${table.html}<script nonce="${nonce}">data</script>`;
				expect(gunzipSync(gzipPage(splicePage(page(nonce), texts), 3)).toString()).toBe(expected);
			}
			// The held table once, the start twice (seen, then kept), the script on each of the 4 pages.
			expect(deflate).toHaveBeenCalledTimes(1 + 2 + 4);
			// A start of the same length with other bytes is not taken for the kept one.
			const other = Buffer.from(page("n5").toString().replace("Menu", "Unem"));
			expect(gunzipSync(gzipPage(splicePage(other, texts), 3)).toString()).toContain("Unem</a><a href='/'>Menu");
		} finally {
			deflate.mockRestore();
		}
	});

	it("cuts the request's nonce out of the page's own parts, so that a page with a new one deflates nothing again", () => {
		const table = { html: "<table><tr><td>75 %</td></tr></table>".repeat(60), kept: true };
		const texts = new Map([["content-0", table]]);
		const marker = heldMarkers(texts)!.get("content-0")!;
		const start = `<header>${"<a href='/cohorts'>Cohorts</a>".repeat(30)}</header>`;
		const end = (nonce: string) =>
			`<script nonce="${nonce}">window.data = ${"[1,2,3]".repeat(30)}</script><script nonce="${nonce}" type="module">go()</script>`;
		const deflate = vi.spyOn(zlib, "deflateRawSync");
		try {
			const calls: number[] = [];
			for (let i = 0; i < 4; i++) {
				const nonce = randomBytes(16).toString("base64");
				const parts = splicePage(Buffer.from(`${start}${marker}${end(nonce)}`), texts, nonce);
				expect(gunzipSync(gzipPage(parts, 3)).toString()).toBe(`${start}${table.html}${end(nonce)}`);
				expect(pageBytes(parts).toString()).toBe(`${start}${table.html}${end(nonce)}`);
				calls.push(deflate.mock.calls.length);
			}
			// The first page deflates the table and its own 4 parts, the second its own parts again
			// to keep them; from the third on, nothing.
			expect(calls).toEqual([5, 9, 9, 9]);
			// A page that holds no kept text stays in one piece, to be compressed whole.
			const nonce = randomBytes(16).toString("base64");
			expect(splicePage(Buffer.from(end(nonce)), texts, nonce)).toHaveLength(1);
		} finally {
			deflate.mockRestore();
		}
	});

	it("leaves a page without markers as it is", () => {
		const page = Buffer.from("<p>Nothing held</p>");
		const parts = splicePage(page, held);
		expect(holdsTexts(parts)).toBe(false);
		// The same bytes, not a copy of them.
		expect(pageBytes(parts).buffer).toBe(page.buffer);
		expect(pageBytes(parts).toString()).toBe("<p>Nothing held</p>");
		expect(gunzipSync(gzipPage(parts, 3)).toString()).toBe("<p>Nothing held</p>");
	});
});
