import crypto from "node:crypto";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Combine } from "./crc32";

describe("crc32Combine", () => {
	it("gives the CRC-32 of the two byte strings one after the other", () => {
		for (const [lengthA, lengthB] of [
			[0, 0],
			[0, 17],
			[13, 0],
			[1, 1],
			[1000, 4096],
			[65_537, 254_321],
			[3, 2 ** 20 + 5],
		]) {
			const a = crypto.randomBytes(lengthA!);
			const b = crypto.randomBytes(lengthB!);
			expect(crc32Combine(zlib.crc32(a), zlib.crc32(b), b.length)).toBe(zlib.crc32(Buffer.concat([a, b])));
		}
	});

	it("chains over several parts as zlib.crc32 does over their concatenation", () => {
		const parts = ["<p>", "held part ".repeat(500), "</p>", "ünïcödé"].map((text) => Buffer.from(text));
		const chained = parts.reduce((crc, part) => crc32Combine(crc, zlib.crc32(part), part.length), 0);
		expect(chained).toBe(zlib.crc32(Buffer.concat(parts)));
	});
});
