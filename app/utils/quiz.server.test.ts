import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
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

describe("starting an attempt", () => {
	const openAttempts = (userId: string) =>
		prisma.quizAttempt.count({ where: { userId, moduleSlug: module.slug, submittedAt: null } });

	it("is atomic: twenty requests at once open one attempt, and all of them resume it", async () => {
		const user = await makeUser();
		const results = await Promise.all(Array.from({ length: 20 }, () => quiz.startAttempt(user.id, module)));
		expect(await openAttempts(user.id)).toBe(1);
		expect(new Set(results.map((r) => (r.ok ? r.attemptId : r.reason))).size).toBe(1);
	});

	it("is atomic across processes: two of them on one file open one attempt", async () => {
		const user = await makeUser();
		const run = () =>
			promisify(execFile)("npx", ["tsx", "tests/utils/start-attempts.ts", user.id, module.slug, "10"], {
				env: { ...process.env },
			});
		const outputs = await Promise.all([run(), run()]);
		const ids = outputs.flatMap(({ stdout }) =>
			(JSON.parse(stdout) as Array<{ ok: boolean; attemptId?: string }>).map((r) => r.ok && r.attemptId),
		);
		expect(await openAttempts(user.id)).toBe(1);
		expect(new Set(ids).size).toBe(1);
	}, 60_000);

	it("never opens more attempts than the module allows, even all at once", async () => {
		const user = await makeUser();
		for (let i = 0; i < 2; i++) {
			const attempt = await attemptOf(user.id);
			await quiz.submitAttempt(module, attempt, answers(attempt, false));
		}
		const results = await Promise.all(Array.from({ length: 10 }, () => quiz.startAttempt(user.id, module)));
		expect(results.every((r) => !r.ok && r.reason === "no-attempts-left")).toBe(true);
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(2);
	});

	it("waits the time the module sets between attempts", async () => {
		const user = await makeUser();
		const waiting = { ...module, meta: { ...module.meta, quiz: { ...module.meta.quiz, waitMinutes: 30 } } };
		const first = await attemptOf(user.id);
		await quiz.submitAttempt(waiting, first, answers(first, false));
		const refused = await quiz.startAttempt(user.id, waiting);
		expect(refused).toMatchObject({ ok: false, reason: "wait" });
		const until = (refused as { until: Date }).until.getTime();
		expect(until - Date.now()).toBeGreaterThan(29 * 60_000);
		const later = await quiz.startAttempt(user.id, waiting, new Date(until + 1000));
		expect(later.ok).toBe(true);
	});
});
