import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ModuleInfo } from "./content.server";
import { prisma } from "./db.server";
import { makeUser } from "../../tests/utils/users";

// A module of our own: two attempts of two questions drawn from three.
process.env.CONTENT_DIR = path.resolve("tests/fixtures/learning");
const { getModule } = await import("./content.server");
const quiz = await import("./quiz.server");

let module: ModuleInfo;
beforeAll(async () => {
	module = (await getModule("limits"))!;
});

async function attemptOf(userId: string) {
	const started = await quiz.startAttempt(userId, module);
	if (!started.ok) throw new Error("could not start");
	return (await quiz.getAttempt(userId, module, started.attemptId))!;
}

/** Answers every drawn question: right when `right`, wrong otherwise. */
function answers(attempt: Awaited<ReturnType<typeof attemptOf>>, right: boolean) {
	const responses: Record<string, unknown> = {};
	for (const q of attempt.questions) {
		if (q.id === "m01-q01" && q.type === "multichoice") {
			const choice = q.choices.find((c) => c.text.text.startsWith(right ? "Residents" : "Entries"))!;
			responses[q.id] = { kind: "choice", choiceId: choice.id };
		}
		if (q.id === "m01-q02") responses[q.id] = { kind: "number", value: right ? 6 : 7 };
		if (q.id === "m01-q03") responses[q.id] = { kind: "number", value: right ? 12 : 3 };
	}
	return responses as Parameters<typeof quiz.submitAttempt>[2];
}

describe("quiz attempts", () => {
	it("draws two of the three questions and keeps the draw", async () => {
		const user = await makeUser();
		const attempt = await attemptOf(user.id);
		expect(attempt.questions).toHaveLength(2);
		const again = await attemptOf(user.id);
		expect(again.id).toBe(attempt.id);
		expect(again.questions.map((q) => q.id)).toEqual(attempt.questions.map((q) => q.id));
	});

	it("grades on submission, once, and stores every answer and grade", async () => {
		const user = await makeUser();
		const attempt = await attemptOf(user.id);
		expect(await quiz.submitAttempt(module, attempt, answers(attempt, true))).toBe(true);
		expect(await quiz.submitAttempt(module, attempt, answers(attempt, false))).toBe(false);
		const stored = (await quiz.getAttempt(user.id, module, attempt.id))!;
		expect(stored.percent).toBe(100);
		expect(stored.passed).toBe(true);
		expect(stored.grades).toHaveLength(2);
		expect(Object.keys(stored.responses).sort()).toEqual(attempt.questions.map((q) => q.id).sort());
	});

	it("allows two attempts, and the best one counts", async () => {
		const user = await makeUser();
		const first = await attemptOf(user.id);
		await quiz.submitAttempt(module, first, answers(first, true));
		const second = await attemptOf(user.id);
		expect(second.id).not.toBe(first.id);
		await quiz.submitAttempt(module, second, answers(second, false));
		expect(await quiz.startAttempt(user.id, module)).toEqual({ ok: false, reason: "no-attempts-left" });

		const summary = quiz.summarizeAttempts(module, await quiz.listAttempts(user.id, module.slug));
		expect(summary.best?.id).toBe(first.id);
		expect(summary.best?.percent).toBe(100);
		expect(summary.attemptsLeft).toBe(0);
		expect(summary.canStart).toBe(false);
	});

	it("never shows one user's attempt to another", async () => {
		const owner = await makeUser();
		const other = await makeUser();
		const attempt = await attemptOf(owner.id);
		expect(await quiz.getAttempt(other.id, module, attempt.id)).toBeNull();
		expect(await prisma.quizAttempt.count({ where: { userId: other.id } })).toBe(0);
	});
});
