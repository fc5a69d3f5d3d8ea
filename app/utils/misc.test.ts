import { describe, expect, it } from "vitest";
import { safeRedirect } from "./misc";

describe("safeRedirect", () => {
	it("keeps same-site paths, with their query and fragment", () => {
		expect(safeRedirect("/admin/users?role=trainer")).toBe("/admin/users?role=trainer");
		expect(safeRedirect("/modules/basic-concepts-and-categories/quiz#attempts")).toBe(
			"/modules/basic-concepts-and-categories/quiz#attempts",
		);
		expect(safeRedirect("/admin/users?q=%D0%98%D0%B2%D0%B0%D0%BD")).toBe("/admin/users?q=%D0%98%D0%B2%D0%B0%D0%BD");
		expect(safeRedirect("/@user")).toBe("/@user");
	});

	// What a prober tries: another site through a scheme, `//`, backslashes, tabs and newlines the
	// URL parser drops, their percent-encoded forms, dot segments, and white space that breaks a header.
	const PROBES = [
		"https://evil.example",
		"//evil.example",
		"///evil.example",
		"/\\evil.example",
		"\\\\evil.example",
		"/\\/evil.example",
		"/%09/evil.example",
		"/\t/evil.example",
		"\t//evil.example",
		"/\n/evil.example",
		"/\r/evil.example",
		"/%0d%0aSet-Cookie:%20session=x",
		"/%2F%2Fevil.example",
		"/%2f/evil.example",
		"/%5Cevil.example",
		"/%5C%5Cevil.example",
		"/.//evil.example",
		"/..//evil.example",
		"/\u3000/evil.example",
		" //evil.example",
		"javascript:alert(1)",
		"evil.example",
	];

	it.each(PROBES)("refuses %j", (probe) => {
		expect(safeRedirect(probe)).toBe("/");
	});

	it("falls back for anything that is not a string", () => {
		for (const bad of ["", null, undefined]) expect(safeRedirect(bad)).toBe("/");
		expect(safeRedirect("//evil.example", "/modules")).toBe("/modules");
	});
});
