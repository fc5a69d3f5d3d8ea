import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword, withHashSlot } from "./password.server";

describe("passwords", () => {
	it("hashes with argon2id, m=19456 KiB, t=2, p=1", async () => {
		const hash = await hashPassword("correct horse battery staple");
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
		expect(await verifyPassword(hash, "Correct horse battery staple")).toBe(false);
		expect(await verifyPassword("not a hash", "anything")).toBe(false);
	});

	it("knows the most common passwords, whatever their case", () => {
		for (const common of ["password", "12345678", "qwerty123", "Password1", "iloveyou"]) {
			expect(isCommonPassword(common), common).toBe(true);
		}
		expect(isCommonPassword("a quiet river at dawn")).toBe(false);
	});

	it("runs at most two hashes at once", async () => {
		let running = 0;
		let most = 0;
		const job = () =>
			withHashSlot(async () => {
				running++;
				most = Math.max(most, running);
				await new Promise((resolve) => setTimeout(resolve, 5));
				running--;
			});
		await Promise.all(Array.from({ length: 10 }, job));
		expect(most).toBe(2);
	});
});
