import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { pageCollector } from "./page-stream.server";

/** The page's bytes as entry.server.tsx collects them from React's stream. */
function rendered(element: React.ReactElement): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const { pipe } = renderToPipeableStream(element, {
			onAllReady: () => pipe(pageCollector(resolve)),
			onShellError: reject,
		});
	});
}

describe("React's stream of a page", () => {
	// React 18.3 writes the page in views of 2,048 bytes; a string whose last character did not fit
	// sent the whole view, its unwritten bytes as NUL (react#24985, fixed upstream in #26228 for React
	// 19). patches/react-dom+18.3.1.patch sends the written bytes only. Without it, Russian text lost
	// a NUL into the page wherever a view ended inside a letter: dropped in text, but U+FFFD in an
	// attribute, a field's value or the page's data script.
	it("puts no NUL byte where a view ends inside a letter of two or three bytes", async () => {
		for (const [letter, bytes] of [
			["ж", 2],
			["€", 3],
		] as const) {
			for (let offset = 0; offset < bytes * 2; offset++) {
				const paragraphs = Array.from({ length: 40 }, (_, i) =>
					createElement("p", { key: i, title: letter.repeat(30) }, letter.repeat(90)),
				);
				const page = await rendered(createElement("div", null, "a".repeat(offset), paragraphs));
				expect(page.includes(0), `${letter} after ${offset} bytes`).toBe(false);
				const text = page.toString("utf8");
				expect(text.split(letter.repeat(90)).length - 1).toBe(40);
				expect(text.split(`title="${letter.repeat(30)}"`).length - 1).toBe(40);
			}
		}
	});

	// A finished Node stream emits "close", which React took for the reader gone: it aborted the
	// render it had finished and ended the stream a second time, building an error each page.
	it("is ended once by React, the page done", async () => {
		let ends = 0;
		const page = await new Promise<Buffer>((resolve, reject) => {
			const body = pageCollector(resolve);
			const end = body.end.bind(body);
			body.end = ((...args: Parameters<typeof end>) => {
				ends++;
				return end(...args);
			}) as typeof body.end;
			const { pipe } = renderToPipeableStream(createElement("p", null, "done"), {
				onAllReady: () => pipe(body),
				onShellError: reject,
			});
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(page.toString()).toBe("<p>done</p>");
		expect(ends).toBe(1);
	});
});
