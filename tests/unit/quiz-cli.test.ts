import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const run = promisify(execFile);

async function quiz(args: string[]) {
	try {
		const { stdout, stderr } = await run("npx", ["tsx", "scripts/quiz.ts", ...args]);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe("npm run quiz -- stats FILE --json", () => {
	test("prints Moodle's figures in its shape, missing marks as 0 and first attempts only", async () => {
		const { code, stdout, stderr } = await quiz(["stats", "tests/fixtures/quiz/five-attempts.json", "--json"]);
		expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
		const report = JSON.parse(stdout);
		expect(Object.keys(report)).toEqual([
			"attempts",
			"mean",
			"median",
			"sd",
			"skewness",
			"kurtosis",
			"alpha",
			"errorRatio",
			"standardError",
			"questions",
		]);
		// The worked example of app/domain/quiz/statistics.test.ts (q1–q3) plus q4, worth 2, that all five
		// got right; u5's second attempt is not first and is left out. Totals 5 4 4 3 2 of 5:
		// mean 3.6 → 72 %, median 4 → 80 %, sd √1.3 = 1.140175 → 22.8035 %.
		expect(report.attempts).toBe(5);
		expect(report.mean).toBeCloseTo(72, 6);
		expect(report.median).toBeCloseTo(80, 6);
		expect(report.sd).toBeCloseTo(22.8035, 4);
		// A constant question does not change skewness or kurtosis...
		expect(report.skewness).toBeCloseTo(-0.404796, 5);
		expect(report.kurtosis).toBeCloseTo(-0.177515, 5);
		// ...but it is a fourth slot with no variance: alpha = 100 · 4/3 · (1 − .9/1.3) = 41.0256 %;
		// error ratio 100 · √(1 − .410256) = 76.7948 %; standard error .767948 · 22.8035 = 17.5119 %.
		expect(report.alpha).toBeCloseTo(41.0256, 4);
		expect(report.errorRatio).toBeCloseTo(76.7948, 4);
		expect(report.standardError).toBeCloseTo(17.5119, 4);
		expect(report.questions[0]).toEqual({
			id: "q1",
			facility: 60,
			sd: expect.closeTo(54.7723, 4),
			discrimination: expect.closeTo(64.5497, 4),
			discriminativeEfficiency: expect.closeTo(100, 6),
			effectiveWeight: expect.closeTo(37.8346, 3),
		});
		// Everybody got q4 right: it has no discrimination.
		expect(report.questions[3]).toEqual({
			id: "q4",
			facility: 100,
			sd: 0,
			discrimination: null,
			discriminativeEfficiency: null,
			effectiveWeight: 0,
		});
	});

	test("--all counts every attempt", async () => {
		const { stdout } = await quiz(["stats", "tests/fixtures/quiz/five-attempts.json", "--json", "--all"]);
		expect(JSON.parse(stdout).attempts).toBe(6);
	});

	test("names what is wrong in the file, and the usage", async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "quiz-cli-")), "bad.json");
		fs.writeFileSync(
			file,
			JSON.stringify({ questions: [{ id: "q1", maxMark: 1 }], attempts: [{ userId: "a", marks: { q9: 1 } }] }),
		);
		const bad = await quiz(["stats", file, "--json"]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('attempts.0.marks.q9: no question "q9"');
		expect((await quiz(["stats"])).code).toBe(2);
	});
});
