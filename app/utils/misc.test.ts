import { describe, expect, it } from "vitest";
import { safeRedirect } from "./misc";

describe("safeRedirect", () => {
	it("keeps same-site paths and refuses everything else", () => {
		expect(safeRedirect("/admin/users?role=trainer")).toBe("/admin/users?role=trainer");
		for (const bad of [
			"https://evil.example",
			"//evil.example",
			"/\\evil.example",
			"javascript:alert(1)",
			"",
			null,
			undefined,
		]) {
			expect(safeRedirect(bad)).toBe("/");
		}
	});
});
