import { describe, expect, it } from "vitest";
import { isCurrentPage } from "./client-links";

describe("isCurrentPage", () => {
	it("is the link's own page", () => {
		expect(isCurrentPage("/modules", "/modules")).toBe(true);
		expect(isCurrentPage("/modules/", "/modules")).toBe(true);
		expect(isCurrentPage("/Modules", "/modules")).toBe(true);
	});

	it("is a page below the link's, unless the link ends there", () => {
		expect(isCurrentPage("/modules/data-exchange", "/modules")).toBe(true);
		expect(isCurrentPage("/cohorts/c1/members", "/cohorts/c1")).toBe(true);
		expect(isCurrentPage("/cohorts/c1/members", "/cohorts/c1", true)).toBe(false);
		expect(isCurrentPage("/cohorts/c1", "/cohorts/c1", true)).toBe(true);
	});

	it("is not a page whose address only starts with the link's", () => {
		expect(isCurrentPage("/modules-old", "/modules")).toBe(false);
		expect(isCurrentPage("/cohorts/c10", "/cohorts/c1")).toBe(false);
	});

	it("takes the home page's link only on the home page", () => {
		expect(isCurrentPage("/", "/", true)).toBe(true);
		expect(isCurrentPage("/", "/")).toBe(true);
		expect(isCurrentPage("/modules", "/")).toBe(false);
	});
});
