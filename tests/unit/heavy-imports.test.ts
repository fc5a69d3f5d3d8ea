import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Modules no page view needs, loaded on first use (docs/decisions/0098-heavy-modules-on-first-use.md).
 * (`pg` itself is imported by the backup's module, which only the scripts load.)
 */
const ON_FIRST_USE = ["exceljs", "pdfkit", "@prisma/adapter-pg"];

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(file);
		return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
	});
}

/** `import X from "m"`, `import { X } from "m"`, `import "m"`: a static import of a value, not of types. */
function staticValueImports(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(/^import\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
		if (!match[1]) found.push(match[2]!);
	}
	return found;
}

describe("the server's imports", () => {
	it("load ExcelJS, pdfkit and node-postgres only when a workbook, a PDF or PostgreSQL is asked for", () => {
		const offenders = sources("app").flatMap((file) =>
			staticValueImports(fs.readFileSync(file, "utf8"))
				.filter((name) => ON_FIRST_USE.includes(name))
				.map((name) => `${file}: ${name}`),
		);
		expect(offenders).toEqual([]);
	});

	it("tells a value import from a type import", () => {
		expect(staticValueImports('import ExcelJS from "exceljs";\nimport type X from "pdfkit";\nimport "pg";')).toEqual([
			"exceljs",
			"pg",
		]);
	});
});
