import { describe, expect, it } from "vitest";
import { hasErrors } from "../issues";
import { describeKey, type Observation } from "../observation";
import { readDsmText } from "../read-file";
import { validate } from "../validate";
import { writeSdmxCsv } from "../write-sdmx-csv";
import { ageBand, asylumDecisions, foreignersOnReferenceDate, pendingCasesAtStart, personsCrossing } from "./aggregate";
import { compileExercise, sourceFiles } from "./compile";
import { findAndFixExercise, scoreFindAndFix } from "./find-and-fix";
import { scoreTable } from "./score";
import type { AsylumCase, BorderCrossing, RegisterEntry } from "./sources";

const valueAt = (observations: readonly Observation[], codes: Record<string, string>) =>
	observations.find((observation) =>
		Object.entries(codes).every(([dimension, code]) => observation.dimensions[dimension as "SEX"] === code),
	)?.value;

describe("aggregation of raw records", () => {
	it("bands ages in full years on the day", () => {
		expect(ageBand("2010-06-15", "2024-06-14")).toBe("Y_LT14");
		expect(ageBand("2010-06-15", "2024-06-15")).toBe("Y14-17");
		expect(ageBand("1959-01-01", "2024-01-01")).toBe("Y_GE65");
		expect(ageBand("", "2024-01-01")).toBe("UNK");
	});

	it("counts the stock on 1 January: registered by then, not ended before, nationals left out", () => {
		const entry = (
			personId: string,
			citizenship: string,
			registeredFrom: string,
			registeredUntil = "",
		): RegisterEntry => ({
			personId,
			citizenship,
			sex: "F",
			birthDate: "1990-03-01",
			registeredFrom,
			registeredUntil,
			permit: "TEMPORARY",
		});
		const register = [
			entry("1", "UZ", "2023-05-01"),
			entry("2", "UZ", "2024-01-01"),
			entry("3", "UZ", "2024-01-02"),
			entry("4", "UZ", "2022-01-01", "2023-12-31"),
			entry("5", "XA", "2020-01-01"),
		];
		const tally = foreignersOnReferenceDate(register, "XA", "2024-01-01");
		expect(tally.citizens).toEqual(["UZ"]);
		expect(tally.cells).toHaveLength(2);
	});

	it("counts persons, not crossings, and only crossings of the year", () => {
		const crossing = (personId: string, date: string, direction: "IN" | "OUT"): BorderCrossing => ({
			crossingId: `${personId}${date}`,
			date,
			direction,
			personId,
			citizenship: "KG",
			sex: "M",
			birthDate: "2000-01-01",
			checkpoint: "Airport",
		});
		const log = [
			crossing("a", "2024-02-01", "IN"),
			crossing("a", "2024-03-01", "IN"),
			crossing("b", "2023-12-31", "IN"),
			crossing("a", "2024-04-01", "OUT"),
		];
		expect(personsCrossing(log, "XA", 2024, "IN").cells).toHaveLength(1);
		expect(personsCrossing(log, "XA", 2024, "OUT").cells).toHaveLength(1);
	});

	it("takes decisions of the year at both instances, and counts cases pending at its start", () => {
		const record: AsylumCase = {
			caseId: "A1",
			citizenship: "AF",
			sex: "M",
			birthDate: "1995-01-01",
			lodged: "2023-11-01",
			applicantType: "FIRST",
			firstDecisionDate: "2024-02-01",
			firstDecision: "REJECTED",
			finalDecisionDate: "2024-09-01",
			finalDecision: "SUB_PROT",
		};
		const decisions = asylumDecisions([record], "XA", 2024).cells.map((cell) => [
			cell.codes.INSTANCE,
			cell.codes.DECISION,
		]);
		expect(decisions).toEqual([
			["FIRST", "REJECTED"],
			["FINAL", "SUB_PROT"],
		]);
		expect(pendingCasesAtStart([record], "XA", 2024)).toEqual({ TOTAL: 1, AF: 1 });
	});
});

describe("compile exercise", () => {
	const exercise = compileExercise(7);

	it("is the same for the same seed and differs for another", () => {
		expect(compileExercise(7)).toEqual(exercise);
		expect(compileExercise(8).sources).not.toEqual(exercise.sources);
	});

	it("has the traps of real records: nationals, other years, repeated crossings, unknowns", () => {
		const { residenceRegister, borderCrossings } = exercise.sources;
		expect(residenceRegister.some((entry) => entry.citizenship === "XA")).toBe(true);
		expect(borderCrossings.some((crossing) => !crossing.date.startsWith(String(exercise.year)))).toBe(true);
		const people = new Set(borderCrossings.map((crossing) => crossing.personId));
		expect(people.size).toBeLessThan(borderCrossings.length / 2);
		expect(residenceRegister.some((entry) => entry.birthDate === "")).toBe(true);
	});

	it("gives an answer that validates without a single issue", () => {
		expect(new Set(exercise.answer.map((observation) => observation.indicator))).toEqual(
			new Set(["IND1", "IND3", "IND4", "IND5", "IND6"]),
		);
		expect(validate(exercise.answer, { ...exercise.context, today: new Date("2030-01-01") })).toEqual([]);
	});

	it("answers with totals that match the records", () => {
		const stock = exercise.sources.residenceRegister.filter(
			(entry) =>
				entry.citizenship !== "XA" &&
				entry.registeredFrom <= `${exercise.year}-01-01` &&
				(entry.registeredUntil === "" || entry.registeredUntil >= `${exercise.year}-01-01`),
		).length;
		const ind1 = exercise.answer.filter((observation) => observation.indicator === "IND1");
		expect(valueAt(ind1, { CITIZEN: "TOTAL", SEX: "T", AGE: "TOTAL" })).toBe(String(stock));
	});

	it("writes its records as CSV files with a header", () => {
		const files = sourceFiles(exercise.sources);
		expect(Object.keys(files)).toEqual(["residence-register.csv", "border-crossings.csv", "asylum-cases.csv"]);
		expect(files["border-crossings.csv"]?.split("\r\n")[0]).toBe(
			"crossingId,date,direction,personId,citizenship,sex,birthDate,checkpoint",
		);
	});
});

describe("scoring a table", () => {
	const { answer } = compileExercise(3);

	it("gives full marks to the answer itself, read back from its file", () => {
		const read = readDsmText(new TextEncoder().encode(writeSdmxCsv(answer)));
		const score = scoreTable(answer, read.observations);
		expect(score).toMatchObject({ correct: answer.length, score: 1, wrong: [], missing: [], extra: [] });
	});

	it("names every wrong, missing and extra cell", () => {
		const [first, second, ...rest] = answer;
		if (!first || !second) throw new Error("empty answer");
		const submission = [
			{ ...first, value: String(Number(first.value) + 1) },
			...rest,
			{ ...first, dimensions: { ...first.dimensions, CITIZEN: "FR" } },
		];
		const score = scoreTable(answer, submission);
		expect(score.wrong).toHaveLength(1);
		expect(score.wrong[0]).toMatchObject({ expected: first.value, submitted: String(Number(first.value) + 1) });
		expect(score.missing.map((cell) => cell.key)).toEqual([
			expect.stringContaining(`CITIZEN=${second.dimensions.CITIZEN}`),
		]);
		expect(score.extra).toHaveLength(1);
		expect(score.score).toBeCloseTo((answer.length - 2) / answer.length);
	});
});

describe("find and fix", () => {
	const exercise = findAndFixExercise(7, 6);

	it("plants the asked number of errors, each raising its rule at its row", () => {
		expect(exercise.planted).toHaveLength(6);
		const issues = validate(exercise.submission, exercise.context);
		for (const error of exercise.planted) {
			const found = issues.filter(
				(issue) => issue.rule === error.rule && issue.cells.some((cell) => cell.row === error.row),
			);
			expect(found, `${error.kind} at line ${error.row}`).not.toHaveLength(0);
		}
	});

	it("changes nothing but the planted cells", () => {
		const score = scoreTable(exercise.answer, exercise.submission);
		const plantedRows = new Set(exercise.planted.map((error) => error.row));
		const differences = [...score.wrong, ...score.extra];
		expect(differences.every((difference) => plantedRows.has(difference.cell?.row ?? 0))).toBe(true);
	});

	it("is clean once fixed, and tells a correct cell changed from a planted one left", () => {
		const fixed = scoreFindAndFix(exercise, exercise.answer);
		expect(fixed).toMatchObject({ clean: true, unfixed: [], changedCorrectCells: [] });
		const untouched = scoreFindAndFix(exercise, exercise.submission);
		expect(untouched.clean).toBe(false);
		expect(untouched.changedCorrectCells).toEqual([]);
		expect(untouched.unfixed.length).toBeGreaterThanOrEqual(exercise.planted.length);
		const plantedKeys = new Set(exercise.planted.map((error) => error.key));
		const victim = exercise.answer.find(
			(observation) =>
				!plantedKeys.has(describeKey(observation)) && observation.indicator === "IND1" && observation.value !== "0",
		);
		const overEager = exercise.answer.map((observation) =>
			observation === victim ? { ...observation, value: "0" } : observation,
		);
		const score = scoreFindAndFix(exercise, overEager);
		expect(hasErrors(score.issues)).toBe(true);
		expect(score.changedCorrectCells).toEqual([
			expect.objectContaining({ key: describeKey(victim as Observation), submitted: "0" }),
		]);
	});
});
