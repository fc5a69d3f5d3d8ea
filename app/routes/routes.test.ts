import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

/** Every route module of the app that renders a page (it has a default export). */
function pageRoutes(dir = "app/routes"): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return pageRoutes(file);
		if (!/\.tsx$/.test(entry.name) || /\.test\./.test(entry.name)) return [];
		return /^export default function/m.test(fs.readFileSync(file, "utf8")) ? [file] : [];
	});
}

// docs/decisions/0084: a page's tab is titled in the page's language, through pageMeta, on every route.
test("every page route names its browser tab with pageMeta", () => {
	const pages = pageRoutes();
	expect(pages.length).toBeGreaterThan(20);
	const without = pages.filter((file) => !/^export const meta = pageMeta/m.test(fs.readFileSync(file, "utf8")));
	expect(without).toEqual([]);
});
