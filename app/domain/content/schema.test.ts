import { describe, expect, it } from "vitest";
import { DEFAULT_ATTEMPTS, quizSettingsSchema } from "./schema";

describe("a module's quiz settings", () => {
	it("default to three attempts, no wait, and a review that keeps the right answers for later", () => {
		expect(quizSettingsSchema.parse({})).toEqual({
			passMark: 70,
			attempts: DEFAULT_ATTEMPTS,
			waitMinutes: 0,
			questionsPerAttempt: null,
			shuffle: true,
			review: {
				afterAttempt: ["correctness", "feedback"],
				afterPassing: ["correctness", "feedback", "rightAnswer"],
				afterLastAttempt: ["correctness", "feedback", "rightAnswer"],
			},
		});
	});

	it("read `attempts: null`, as the existing modules have it, as the default; `unlimited` as no limit", () => {
		expect(quizSettingsSchema.parse({ attempts: null }).attempts).toBe(DEFAULT_ATTEMPTS);
		expect(quizSettingsSchema.parse({ attempts: "unlimited" }).attempts).toBeNull();
		expect(quizSettingsSchema.parse({ attempts: 5 }).attempts).toBe(5);
		expect(quizSettingsSchema.safeParse({ attempts: 0 }).success).toBe(false);
	});

	it("take review options in part, and refuse an unknown or repeated item", () => {
		expect(quizSettingsSchema.parse({ review: { afterAttempt: [] } }).review).toEqual({
			afterAttempt: [],
			afterPassing: ["correctness", "feedback", "rightAnswer"],
			afterLastAttempt: ["correctness", "feedback", "rightAnswer"],
		});
		expect(quizSettingsSchema.safeParse({ review: { afterAttempt: ["marks"] } }).success).toBe(false);
		expect(quizSettingsSchema.safeParse({ review: { afterAttempt: ["feedback", "feedback"] } }).success).toBe(false);
		expect(quizSettingsSchema.safeParse({ waitMinutes: -5 }).success).toBe(false);
	});
});
