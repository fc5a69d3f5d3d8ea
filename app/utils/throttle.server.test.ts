import { describe, expect, it } from "vitest";
import { clearHits, LIMITS, lockedUntil, recordHit } from "./throttle.server";

describe("login limits", () => {
	it("locks an account after five failures for fifteen minutes", async () => {
		const now = new Date("2026-01-01T10:00:00Z");
		for (let i = 0; i < LIMITS.account.max - 1; i++) await recordHit("account", "a@example.test", now);
		expect(await lockedUntil("account", "a@example.test", now)).toBeNull();
		await recordHit("account", "a@example.test", now);
		expect(await lockedUntil("account", "A@example.test", now)).toEqual(new Date("2026-01-01T10:15:00Z"));
		expect(await lockedUntil("account", "a@example.test", new Date("2026-01-01T10:15:01Z"))).toBeNull();
	});

	it("starts a new window when the old one has passed", async () => {
		const start = new Date("2026-01-01T10:00:00Z");
		for (let i = 0; i < 4; i++) await recordHit("account", "b@example.test", start);
		const later = new Date("2026-01-01T10:16:00Z");
		await recordHit("account", "b@example.test", later);
		expect(await lockedUntil("account", "b@example.test", later)).toBeNull();
	});

	it("keeps accounts and addresses apart, and forgets on success", async () => {
		const now = new Date();
		for (let i = 0; i < LIMITS.address.max; i++) await recordHit("address", "198.51.100.7", now);
		expect(await lockedUntil("address", "198.51.100.7", now)).not.toBeNull();
		expect(await lockedUntil("account", "198.51.100.7", now)).toBeNull();
		await clearHits("address", "198.51.100.7");
		expect(await lockedUntil("address", "198.51.100.7", now)).toBeNull();
	});
});
