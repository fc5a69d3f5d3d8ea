import { describe, expect, it } from "vitest";
import { customAlphabet } from "~/utils/random.server";
import { parseEmailList } from "./email-list";
import { formatJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinRefusal, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
	it("are eight characters without look-alikes", () => {
		const generate = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
		for (let i = 0; i < 200; i++) {
			const code = generate();
			expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
			expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
		}
		expect(JOIN_CODE_ALPHABET).not.toMatch(/[01IO]/);
	});

	it("read what people type: case, spaces and hyphens do not matter", () => {
		expect(normalizeJoinCode("abcd-efgh")).toBe("ABCDEFGH");
		expect(normalizeJoinCode(" ab cd ef gh ")).toBe("ABCDEFGH");
		expect(normalizeJoinCode("ABCD–EFGH")).toBe("ABCDEFGH");
		expect(formatJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
	});

	it("refuse what cannot be a code", () => {
		expect(normalizeJoinCode("ABCDEFG")).toBeNull();
		expect(normalizeJoinCode("ABCDEFGHJ")).toBeNull();
		expect(normalizeJoinCode("ABCD-EFG0")).toBeNull();
		expect(normalizeJoinCode("")).toBeNull();
	});

	it("admit only into an open cohort with a code that has not expired, once", () => {
		const now = new Date("2026-12-01T12:00:00Z");
		const open = { archivedAt: null, joinCodeExpiresAt: null };
		expect(joinRefusal(open, now, false)).toBeNull();
		expect(joinRefusal(null, now, false)).toBe("unknown");
		expect(joinRefusal({ ...open, archivedAt: new Date("2026-11-01") }, now, false)).toBe("archived");
		expect(joinRefusal({ ...open, joinCodeExpiresAt: new Date("2026-12-01T11:59:59Z") }, now, false)).toBe("expired");
		expect(joinRefusal({ ...open, joinCodeExpiresAt: new Date("2026-12-02T00:00:00Z") }, now, false)).toBeNull();
		expect(joinRefusal(open, now, true)).toBe("already-member");
		// An archived cohort says so even to a member, and before the expiry.
		expect(
			joinRefusal({ archivedAt: new Date("2026-11-01"), joinCodeExpiresAt: new Date("2026-01-01") }, now, true),
		).toBe("archived");
	});
});

describe("pasted e-mail lists", () => {
	it("reads lines, commas, semicolons, To lines and spreadsheet columns", () => {
		const pasted = [
			"Aizada Abdyldaeva <Aizada@Example.org>; nurlan@example.org",
			"cholpon@example.org\tbakyt@example.org",
			"mailto:Iryna@example.org,",
			"nurlan@example.org",
			"not an address",
			"  ",
		].join("\r\n");
		expect(parseEmailList(pasted)).toEqual({
			addresses: [
				"aizada@example.org",
				"nurlan@example.org",
				"cholpon@example.org",
				"bakyt@example.org",
				"iryna@example.org",
			],
			invalid: ["not an address"],
		});
	});

	it("gives nothing for an empty paste", () => {
		expect(parseEmailList(" \n ")).toEqual({ addresses: [], invalid: [] });
	});
});
