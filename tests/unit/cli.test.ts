import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const run = promisify(execFile);

/** Runs an npm script's command the way `npm run` does, and returns its exit code and output. */
async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run("npx", ["tsx", script, ...args]);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe("npm run gift -- check", () => {
	test("prints each question's line, type and title", async () => {
		const { code, stdout, stderr } = await cli("scripts/gift.ts", ["check", "tests/fixtures/gift/every-type.gift"]);
		expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
		expect(stdout.split("\n")[0]).toBe("tests/fixtures/gift/every-type.gift:6\tmultichoice\tm04-q01 Usual residence");
		expect(stdout.trim().split("\n")).toHaveLength(8);
	});

	test("--json prints one array of questions per file", async () => {
		const { code, stdout } = await cli("scripts/gift.ts", ["check", "--json", "tests/fixtures/gift/every-type.gift"]);
		expect(code).toBe(0);
		const [questions] = stdout
			.trim()
			.split("\n")
			.map((line) => JSON.parse(line) as { type: string }[]);
		expect(questions?.map((question) => question.type)).toEqual([
			"multichoice",
			"multichoice",
			"truefalse",
			"shortanswer",
			"numerical",
			"match",
			"essay",
			"description",
		]);
	});

	test("reports file:line: message for each error and exits 1", async () => {
		const { code, stderr } = await cli("scripts/gift.ts", ["check", "tests/fixtures/gift/malformed.gift"]);
		expect(code).toBe(1);
		expect(stderr.split("\n").slice(0, 2)).toEqual([
			"tests/fixtures/gift/malformed.gift:3: the title opens with :: but is not closed with ::",
			"tests/fixtures/gift/malformed.gift:5: '{' without '}': close the answers, and keep blank lines out of a question (use \\n)",
		]);
		expect(stderr).toContain("5 errors");
	});

	test("exits 2 on wrong usage", async () => {
		expect(await cli("scripts/gift.ts", ["lint", "x.gift"])).toMatchObject({
			code: 2,
			stderr: expect.stringContaining("usage:"),
		});
	});
});

describe("npm run content:check", () => {
	test("passes a valid content folder", async () => {
		expect(await cli("scripts/content-check.ts", ["tests/fixtures/content/valid"])).toEqual({
			code: 0,
			stdout: "content OK: 1 modules, 1 tracks\n",
			stderr: "",
		});
	});

	test("prints file:line: message for each problem and exits 1", async () => {
		const { code, stderr } = await cli("scripts/content-check.ts", ["tests/fixtures/content/broken"]);
		expect(code).toBe(1);
		expect(stderr).toContain(
			"tests/fixtures/content/broken/modules/03.broken-lesson/01.intro.mdx:16: the link /modules/nowhere goes nowhere: there is no module nowhere\n",
		);
		expect(stderr.trim().split("\n").at(-1)).toBe("85 problems in 3 modules, 2 tracks");
	});
});
