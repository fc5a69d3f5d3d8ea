import { describe, expect, it } from "vitest";
import { clearHits, LIMITS, lockedUntil, returnAttempt, takeAttempt } from "./throttle.server";

describe("login limits", () => {
	it("allow five attempts per account and then lock it for fifteen minutes", async () => {
		const now = new Date("2026-01-01T10:00:00Z");
		for (let i = 0; i < LIMITS.account.max; i++) expect(await takeAttempt("account", "a@example.test", now)).toBeNull();
		expect(await lockedUntil("account", "A@example.test", now)).toEqual(new Date("2026-01-01T10:15:00Z"));
		expect(await takeAttempt("account", "a@example.test", now)).toEqual(new Date("2026-01-01T10:15:00Z"));
		expect(await takeAttempt("account", "a@example.test", new Date("2026-01-01T10:15:01Z"))).toBeNull();
	});

	it("start a new window when the old one has passed", async () => {
		const start = new Date("2026-01-01T10:00:00Z");
		for (let i = 0; i < 4; i++) await takeAttempt("account", "b@example.test", start);
		const later = new Date("2026-01-01T10:16:00Z");
		for (let i = 0; i < 4; i++) expect(await takeAttempt("account", "b@example.test", later)).toBeNull();
		expect(await lockedUntil("account", "b@example.test", later)).toBeNull();
	});

	it("count every one of many attempts at once, and let no more through than the limit", async () => {
		const now = new Date();
		const results = await Promise.all(Array.from({ length: 50 }, () => takeAttempt("address", "198.51.100.8", now)));
		expect(results.filter((until) => until === null)).toHaveLength(LIMITS.address.max);
	});

	it("keep accounts and addresses apart, give back an attempt, and forget on success", async () => {
		const now = new Date();
		for (let i = 0; i < LIMITS.address.max; i++) await takeAttempt("address", "198.51.100.7", now);
		expect(await lockedUntil("address", "198.51.100.7", now)).not.toBeNull();
		expect(await lockedUntil("account", "198.51.100.7", now)).toBeNull();
		await returnAttempt("address", "198.51.100.7");
		expect(await takeAttempt("address", "198.51.100.7", now)).toBeNull();
		await clearHits("address", "198.51.100.7");
		expect(await lockedUntil("address", "198.51.100.7", now)).toBeNull();
	});
});
