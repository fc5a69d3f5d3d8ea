import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanSubmission, cleanTable, edit } from "../fixtures/dsm/clean-submission";
import { writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";

/** The CLI as a user runs it: `npm run dsm -- …` is `tsx scripts/dsm.ts …`. */
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-cli-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

function dsm(...args: string[]) {
	const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/dsm.ts", ...args], { encoding: "utf8" });
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string): string {
	const target = path.join(directory, name);
	fs.writeFileSync(target, content);
	return target;
}

describe("npm run dsm", () => {
	const clean = file("clean.csv", writeSdmxCsv(cleanSubmission()));
	const small = file("small.csv", writeSdmxCsv(cleanTable("IND1")));

	it("validate --json: ok, the count of observations, and issues with DSM rule ids; exit 1 on an error", () => {
		const planted = edit(cleanSubmission(), "IND1", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({
			...o,
			dimensions: { ...o.dimensions, SEX: "X" },
		}));
		const run = dsm(
			"validate",
			file("planted.csv", writeSdmxCsv(planted)),
			"--country",
			"XA",
			"--period",
			"2024",
			"--json",
		);
		expect(run.code).toBe(1);
		const report = JSON.parse(run.stdout);
		expect(report).toEqual({
			ok: false,
			observations: planted.length,
			issues: [
				{
					rule: "CODE",
					severity: "error",
					row: expect.any(Number),
					column: "SEX",
					message: 'SEX "X" is not in the Sex codelist (T, F, M, UNK).',
				},
			],
		});
	});

	it("validate: a clean file exits 0, and the window and state are checked", () => {
		expect(dsm("validate", clean, "--country", "XA", "--period", "2024")).toMatchObject({
			code: 0,
			stdout: expect.stringContaining("0 error(s), 0 warning(s)"),
		});
		const elsewhere = dsm("validate", small, "--country", "KZ", "--period", "2023", "--lang", "ru", "--json");
		expect(elsewhere.code).toBe(1);
		const messages: string[] = JSON.parse(elsewhere.stdout).issues.map((issue: { message: string }) => issue.message);
		expect(messages).toContain("REF_AREA «XA» не совпадает с отчитывающимся государством (KZ).");
		expect(messages).toContain("TIME_PERIOD 2024 вне периода упражнения: с 2023 по 2023.");
	});

	it("template writes a workbook, which convert refuses while it is blank", () => {
		const template = path.join(directory, "ind6.xlsx");
		expect(dsm("template", "IND6", "--format", "xlsx", "-o", template).code).toBe(0);
		expect(fs.readFileSync(template).subarray(0, 2).toString()).toBe("PK");
		const converted = dsm("convert", template, "--to", "sdmx-csv");
		expect(converted.code).toBe(1);
		expect(converted.stderr).toContain("FILE-NO-DATA");
	});

	it("convert goes to XLSX and back to the same SDMX-CSV", () => {
		const xlsx = path.join(directory, "small.xlsx");
		expect(dsm("convert", small, "--to", "xlsx", "-o", xlsx).code).toBe(0);
		const back = dsm("convert", xlsx, "--to", "sdmx-csv");
		expect(back.code).toBe(0);
		expect(back.stdout.split("\r\n").sort()).toEqual(fs.readFileSync(small, "utf8").split("\r\n").sort());
	});

	it("exercise compile writes the records, the template, the answer and the context", () => {
		const exercise = path.join(directory, "exercise");
		expect(dsm("exercise", "compile", "--seed", "7", "-o", exercise).code).toBe(0);
		expect(fs.readdirSync(exercise).sort()).toEqual([
			"answer.sdmx.csv",
			"asylum-cases.csv",
			"border-crossings.csv",
			"exercise.json",
			"residence-register.csv",
			"template.xlsx",
		]);
		const answer = path.join(exercise, "answer.sdmx.csv");
		expect(dsm("validate", answer, "--context", path.join(exercise, "exercise.json")).stdout).toContain(
			"0 error(s), 0 warning(s)",
		);
		expect(dsm("exercise", "score", answer, answer).stdout).toContain("cells correct (100.0 %)");
	});

	it("validate prints the header per severity and rule, then one group per rule with its section", () => {
		const wrong = cleanSubmission().map((observation, index) =>
			index < 1800 ? { ...observation, dimensions: { ...observation.dimensions, SEX: "X" } } : observation,
		);
		const target = file("wrong-codes.csv", writeSdmxCsv(wrong));
		const run = dsm("validate", target, "--country", "XA", "--period", "2024");
		expect(run.code).toBe(1);
		const lines = run.stdout.split("\n");
		const header = lines.findIndex((line) => /^\d+ error\(s\), \d+ warning\(s\)$/.test(line));
		expect(header).toBe(1);
		expect(lines[header + 1]).toMatch(/^ {2}CODE +error +1800$/);
		expect(run.stdout).toContain("CODE · error · 1800 finding(s)");
		expect(run.stdout).toContain(
			"explained in: Module 12 «Introduction to the Data Sharing Mechanism», «Dimensions, codelists and attributes» (/modules/data-sharing-mechanism/dimensions-and-codelists)",
		);
		const group = lines.indexOf("CODE · error · 1800 finding(s)");
		const examples = lines.slice(group + 2, group + 7);
		expect(examples).toHaveLength(5);
		for (const example of examples) expect(example).toMatch(/^ {2}- line \d+, SEX: SEX "X" is not in the Sex codelist/);
		expect(lines[group + 7]).toBe("  … and 1795 more (--json lists them all)");
		expect(run.stdout.split("\n").length).toBeLessThan(60);

		const russian = dsm("validate", target, "--country", "XA", "--period", "2024", "--lang", "ru");
		expect(russian.stdout).toMatch(/^ошибок: \d+, предупреждений: 0$/m);
		expect(russian.stdout).toContain("CODE · ошибка · замечаний: 1800");
		expect(russian.stdout).toContain(
			"объяснение: Модуль 12 «Введение в Механизм обмена данными (МОД)», «Измерения, классификаторы и атрибуты»",
		);
		expect(russian.stdout).toMatch(/^ {2}- строка \d+, SEX: SEX «X»/m);
		expect(russian.stdout).toContain("… и ещё 1795");
	}, 60_000);

	// Each case spawns the CLI (a few seconds apiece on a shared machine), hence the longer timeouts.
	it("a missing or unopenable file gives one line on stderr and exit 2, no stack trace", () => {
		for (const [target, reason] of [
			[path.join(directory, "absent.csv"), "no such file"],
			[directory, "it is a folder, not a file"],
		] as const) {
			for (const command of [
				["validate", target],
				["convert", target, "--to", "sdmx-csv"],
			]) {
				const run = dsm(...command);
				expect(run.code, command.join(" ")).toBe(2);
				expect(run.stderr).toBe(`dsm: cannot read ${target}: ${reason}\n`);
				expect(run.stdout).toBe("");
			}
		}
	}, 90_000);

	it("a context file that is missing or not JSON gives one line on stderr and exit 2", () => {
		const context = dsm("validate", small, "--context", path.join(directory, "absent.json"));
		expect(context).toMatchObject({
			code: 2,
			stderr: `dsm: cannot read ${path.join(directory, "absent.json")}: no such file\n`,
		});
		const notJson = dsm("validate", small, "--context", small);
		expect(notJson).toMatchObject({ code: 2, stderr: `dsm: cannot read ${small}: it is not JSON\n` });
	}, 60_000);

	it("a 3 GB file is refused by its size before a byte of it is read", () => {
		const huge = path.join(directory, "huge.csv");
		fs.writeFileSync(huge, "STRUCTURE,STRUCTURE_ID\n");
		fs.truncateSync(huge, 3 * 1024 ** 3);
		const started = performance.now();
		const run = dsm("validate", huge);
		expect(performance.now() - started).toBeLessThan(15_000);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe("");
		expect(run.stdout).toContain("FILE-SIZE · error · 1 finding(s)");
		expect(run.stdout).toContain("The file is 3072.0 MB; the limit is 20.0 MB.");
		const json = JSON.parse(dsm("validate", huge, "--json").stdout);
		expect(json.issues.map((issue: { rule: string }) => issue.rule)).toEqual(["FILE-SIZE"]);
	}, 60_000);

	it("wrong usage exits 2 with the usage", () => {
		const run = dsm("template", "IND9");
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("usage:");
	});
});
