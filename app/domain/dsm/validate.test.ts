import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
	CITIZENS,
	CONTEXT,
	bump,
	cellsOf,
	cleanSubmission,
	cleanTable,
	edit,
} from "../../../tests/fixtures/dsm/clean-submission";
import type { Issue } from "./issues";
import type { Observation } from "./observation";
import { readDsmText } from "./read-file";
import { labelOf } from "./codelists";
import { DSM_RULES, FILE_RULES } from "./rules/index";
import { validate, type ValidationContext } from "./validate";
import { writeSdmxCsv } from "./write-sdmx-csv";

/** Writes the observations as SDMX-CSV, reads the file back and validates it, as an upload is. */
function checkFile(text: string, context: ValidationContext = CONTEXT): Issue[] {
	const read = readDsmText(new TextEncoder().encode(text));
	return [...read.issues, ...validate(read.observations, context)];
}

function check(observations: readonly Observation[], context: ValidationContext = CONTEXT): Issue[] {
	return checkFile(writeSdmxCsv(observations), context);
}

const rulesOf = (issues: readonly Issue[]) => [...new Set(issues.map((issue) => issue.rule))].sort();

const clean = cleanSubmission();
const cleanR5 = cleanSubmission("R5");
const TOTAL_CHAIN = { CITIZEN: "TOTAL", SEX: ["F", "T"], AGE: ["Y18-34", "TOTAL"] } as const;

/** One planted violation per rule of DSM.md: each must raise exactly its rule. */
const PLANTED: ReadonlyArray<{ rule: string; plant: () => Issue[] }> = [
	{
		rule: "STRUCT-HEADER",
		plant: () => checkFile(writeSdmxCsv(clean).replaceAll("DSM:DF_IND6(1.0.0)", "DSM:DF_IND6(2.0.0)")),
	},
	{
		rule: "STRUCT-COLUMNS",
		plant: () => checkFile(writeSdmxCsv(clean).replace(",OBS_VALUE,", ",OBS_VAL,")),
	},
	{
		rule: "CODE",
		plant: () =>
			check(
				edit(clean, "IND1", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({
					...o,
					dimensions: { ...o.dimensions, SEX: "X" },
				})),
			),
	},
	{
		rule: "AREA",
		plant: () =>
			check(
				edit(clean, "IND1", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({
					...o,
					dimensions: { ...o.dimensions, REF_AREA: "UA" },
				})),
			),
	},
	{
		rule: "CITIZEN-SELF",
		plant: () =>
			check(
				edit(clean, "IND1", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({
					...o,
					dimensions: { ...o.dimensions, CITIZEN: "XA" },
				})),
			),
	},
	{
		rule: "TIME",
		plant: () =>
			check(
				edit(clean, "IND1", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({
					...o,
					dimensions: { ...o.dimensions, TIME_PERIOD: "2024-01" },
				})),
			),
	},
	{ rule: "UNIQUE", plant: () => check([...clean, ...clean.slice(0, 1)]) },
	{
		rule: "VALUE",
		plant: () =>
			check(
				edit(clean, "IND1", { CITIZEN: "TOTAL", SEX: "T", AGE: "TOTAL" }, (o) => ({
					...o,
					value: Number(o.value).toLocaleString("en"),
				})),
			),
	},
	{
		rule: "MISSING",
		plant: () => check(edit(clean, "IND1", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({ ...o, value: "" }))),
	},
	{
		rule: "UNIT",
		plant: () =>
			check(
				edit(clean, "IND3", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({
					...o,
					attributes: { ...o.attributes, UNIT: "CROSS" },
				})),
			),
	},
	{
		rule: "ROUND5",
		plant: () => {
			const cells = cellsOf("IND1").map((cell, index) => (index === 0 ? { ...cell, count: cell.count + 2 } : cell));
			return check([...cleanR5.filter((o) => o.indicator !== "IND1"), ...cleanTable("IND1", "R5", cells)]);
		},
	},
	{
		rule: "ADD-SEX",
		plant: () => check(bump(clean, "IND1", { CITIZEN: "TOTAL", SEX: "T", AGE: ["Y18-34", "TOTAL"] }, 7)),
	},
	{ rule: "ADD-AGE", plant: () => check(bump(clean, "IND1", { CITIZEN: "TOTAL", SEX: ["F", "T"], AGE: "TOTAL" }, 7)) },
	{
		rule: "ADD-CITIZEN",
		plant: () => check(bump(clean, "IND1", TOTAL_CHAIN, 7), { ...CONTEXT, citizenBreakdownComplete: true }),
	},
	{
		rule: "ADD-DECISION",
		plant: () => check(bump(clean, "IND6", { ...TOTAL_CHAIN, INSTANCE: "FINAL", DECISION: ["TOTAL_POS", "TOTAL"] }, 7)),
	},
	{
		rule: "ADD-STAGE",
		plant: () => check(bump(clean, "IND2", { CITIZEN: "TOTAL", SEX: ["F", "T"], STAGE: "TOTAL_DEC" }, 7)),
	},
	{
		rule: "ROUND-TOLERANCE",
		plant: () => check(bump(clean, "IND1", { CITIZEN: "TOTAL", SEX: "T", AGE: ["Y18-34", "TOTAL"] }, 5)),
	},
	{ rule: "PART-LE-TOTAL", plant: () => check(bump(clean, "IND5", { ...TOTAL_CHAIN, APPLICANT: "FIRST" }, 100_000)) },
	{
		rule: "CROSS-DECISIONS",
		plant: () =>
			check(bump(clean, "IND6", { ...TOTAL_CHAIN, INSTANCE: "FIRST", DECISION: ["REJECTED", "TOTAL"] }, 100_000)),
	},
	{ rule: "CROSS-EXITS", plant: () => check(bump(clean, "IND4", TOTAL_CHAIN, 100_000)) },
	{
		rule: "CHANGE",
		plant: () => {
			const lastYear = cleanTable(
				"IND1",
				"NONE",
				cellsOf("IND1").map((cell) => ({ ...cell, count: cell.count * 3 })),
			);
			const previous = lastYear.map((o) => ({ ...o, dimensions: { ...o.dimensions, TIME_PERIOD: "2023" } }));
			return check(clean, { ...CONTEXT, previous });
		},
	},
	{
		rule: "META",
		plant: () => check(edit(clean, "IND1", {}, (o) => ({ ...o, attributes: { ...o.attributes, SOURCE_AGENCY: "" } }))),
	},
	{
		rule: "CONF",
		plant: () =>
			check(
				edit(clean, "IND1", { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" }, (o) => ({
					...o,
					attributes: { ...o.attributes, CONF_STATUS: "C" },
				})),
			),
	},
	{
		rule: "REVISION",
		plant: () =>
			check(
				edit(clean, "IND1", {}, (o) => ({ ...o, action: "R" })),
				{ ...CONTEXT, acceptedPeriods: [{ indicator: "IND1", period: "2024" }] },
			),
	},
	{
		rule: "SERIES-GAP",
		plant: () => {
			const twoYearsAgo = cleanTable("IND1").map((o) => ({
				...o,
				dimensions: { ...o.dimensions, TIME_PERIOD: "2022" },
			}));
			return check(clean, { ...CONTEXT, previous: twoYearsAgo });
		},
	},
];

describe("time series", () => {
	const inYear = (observations: readonly Observation[], year: string) =>
		observations.map((o) => ({ ...o, dimensions: { ...o.dimensions, TIME_PERIOD: year } }));
	const years = { ...CONTEXT, window: { from: "2021", to: "2024" } };

	it("SERIES-GAP: a period absent between two present ones in one file is one finding for all series", () => {
		const ind1 = cleanTable("IND1");
		const issues = check([...inYear(ind1, "2021"), ...inYear(ind1, "2024")], years);
		expect(rulesOf(issues)).toEqual(["SERIES-GAP"]);
		expect(issues).toHaveLength(1);
		expect(issues[0]?.message.en).toBe(
			`IND1 XA: periods 2022 to 2023 are missing between 2021 and 2024 (all ${ind1.length} series). An absent row is not a zero: give the period (empty with OBS_STATUS O if the figures are not known), or explain the gap in the NOTE.`,
		);
		expect(issues[0]?.message.ru).toContain("IND1 XA: пропущены периоды 2022–2023 между 2021 и 2024");
		expect(issues[0]?.cells[0]).toMatchObject({ column: "TIME_PERIOD" });
		expect(issues[0]?.section).toBe("/modules/additional-technical-data-issues/additivity-missing-and-zero");
	});

	it("SERIES-GAP: one series with a hole is named, the others are not; quarters count as quarters", () => {
		const ind1 = cleanTable("IND1");
		const hole = (o: Observation) =>
			o.dimensions.CITIZEN === "KZ" && o.dimensions.SEX === "F" && o.dimensions.AGE === "Y18-34";
		const issues = check(
			[...inYear(ind1, "2022"), ...inYear(ind1, "2023").filter((o) => !hole(o)), ...inYear(ind1, "2024")],
			years,
		).filter((issue) => issue.rule === "SERIES-GAP");
		expect(issues.map((issue) => issue.message.en)).toEqual([
			expect.stringContaining(
				`IND1 XA: period 2023 is missing between 2022 and 2024 (1 of ${ind1.length} series, e.g. CITIZEN=KZ SEX=F AGE=Y18-34)`,
			),
		]);
		const quarters = (quarter: string) =>
			ind1.map((o) => ({ ...o, dimensions: { ...o.dimensions, FREQ: "Q", TIME_PERIOD: quarter } }));
		const quarterly = check([...quarters("2023-Q4"), ...quarters("2024-Q2")], years).filter(
			(issue) => issue.rule === "SERIES-GAP",
		);
		expect(quarterly.map((issue) => issue.message.en)).toEqual([
			expect.stringContaining("IND1 XA: period 2024-Q1 is missing between 2023-Q4 and 2024-Q2"),
		]);
		expect(check([...quarters("2023-Q4"), ...quarters("2024-Q1")], years)).toEqual([]);
	});

	it("CHANGE compares with the previous period in the same file, or in the context", () => {
		const tripled = cleanTable(
			"IND1",
			"NONE",
			cellsOf("IND1").map((cell) => ({ ...cell, count: cell.count * 3 })),
		);
		const inFile = check([...inYear(cleanTable("IND1"), "2023"), ...inYear(tripled, "2024")], years);
		expect(rulesOf(inFile)).toEqual(["CHANGE"]);
		expect(inFile.every((issue) => issue.message.en.includes("in 2023"))).toBe(true);
		const fromContext = check(inYear(tripled, "2024"), { ...years, previous: inYear(cleanTable("IND1"), "2023") });
		expect(fromContext.map((issue) => issue.message.en)).toEqual(inFile.map((issue) => issue.message.en));
		// Two years back is not "the previous period": no CHANGE, but the hole between them is reported.
		const skipped = check([...inYear(cleanTable("IND1"), "2022"), ...inYear(tripled, "2024")], years);
		expect(rulesOf(skipped)).toEqual(["SERIES-GAP"]);
	});
});

describe("the clean submission", () => {
	it("raises nothing, with every piece of context given", () => {
		const previous = clean.map((o) => ({ ...o, dimensions: { ...o.dimensions, TIME_PERIOD: "2023" } }));
		const context: ValidationContext = {
			...CONTEXT,
			previous,
			citizenBreakdownComplete: true,
			acceptedPeriods: [{ indicator: "IND1", period: "2023" }],
			pendingCasesAtStart: { TOTAL: 10 },
		};
		expect(check(clean, context)).toEqual([]);
		expect(check(cleanR5, context)).toEqual([]);
	});

	it("has every indicator, citizenship and total", () => {
		expect(new Set(clean.map((o) => o.indicator)).size).toBe(6);
		expect(new Set(clean.map((o) => o.dimensions.CITIZEN))).toEqual(new Set(["TOTAL", ...CITIZENS]));
	});
});

describe("each rule of DSM.md, planted once", () => {
	it("covers all 24 rules", () => {
		expect(PLANTED.map(({ rule }) => rule)).toEqual(DSM_RULES.map(({ id }) => id));
	});

	for (const { rule, plant } of PLANTED) {
		it(`${rule} fires, and nothing else`, () => {
			const issues = plant();
			expect(rulesOf(issues)).toEqual([rule]);
			const summary = DSM_RULES.find((entry) => entry.id === rule);
			for (const issue of issues) {
				expect(issue.severity).toBe(summary?.severity);
				expect(issue.section).toBe(summary?.section);
				expect(issue.message.en).not.toBe("");
				expect(issue.message.ru).toMatch(/[а-я]/);
				// In Russian the mechanism is «МОД»; "DSM" survives only in identifiers such as DSM:DF_IND1.
				expect(issue.message.ru).not.toMatch(/DSM(?!:)/);
			}
		});
	}
});

describe("rule details", () => {
	const cell = { CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" } as const;
	const recode = (dimension: string, code: string, indicator: "IND1" | "IND6" = "IND1") =>
		check(
			edit(
				clean,
				indicator,
				{ CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" },
				(o) => ({ ...o, dimensions: { ...o.dimensions, [dimension]: code } }),
				1,
			),
		);
	const revalue = (value: string) => check(edit(clean, "IND1", cell, (o) => ({ ...o, value })));

	it("CODE: DSM.md's examples SEX=X, AGE=Y14-18 and DECISION=POSITIVE fail", () => {
		for (const [dimension, code, indicator] of [
			["SEX", "X", "IND1"],
			["AGE", "Y14-18", "IND1"],
			["DECISION", "POSITIVE", "IND6"],
		] as const) {
			const issues = recode(dimension, code, indicator);
			expect(rulesOf(issues)).toEqual(["CODE"]);
			expect(issues[0]?.message.en).toContain(`${dimension} "${code}"`);
			expect(issues[0]?.cells[0]?.column).toBe(dimension);
		}
	});

	it("VALUE: DSM.md's examples 1,250, -5, 12.5 and n/a fail, and the cell is named", () => {
		for (const value of ["1,250", "-5", "12.5", "n/a"]) {
			const issues = revalue(value);
			expect(rulesOf(issues)).toEqual(["VALUE"]);
			expect(issues[0]?.cells[0]).toMatchObject({ column: "OBS_VALUE" });
		}
		expect(revalue("1,250")[0]?.message.en).toContain("Write 1250");
	});

	it("MISSING: a number with status M or O fails; an empty O (not known) leaves sums unknown, an empty M (cannot exist) counts as 0", () => {
		const withStatus = (value: string, status: string) =>
			check(edit(clean, "IND1", cell, (o) => ({ ...o, value, attributes: { ...o.attributes, OBS_STATUS: status } })));
		expect(rulesOf(withStatus("40", "M"))).toEqual(["MISSING"]);
		expect(rulesOf(withStatus("40", "O"))).toEqual(["MISSING"]);
		expect(withStatus("", "O")).toEqual([]);
		expect(rulesOf(withStatus("", "M"))).toEqual(["ADD-AGE", "ADD-SEX"]);
		const [empty] = withStatus("", "A");
		expect(empty?.message.en).toBe(
			"The value is empty, but OBS_STATUS A says it is given. Enter the number (0 if nothing happened), or keep the cell empty and set OBS_STATUS to O if the number exists but is not known, or to M if it cannot exist because the category does not apply.",
		);
		expect(withStatus("40", "M")[0]?.message.ru).toContain("M — данные не могут существовать");
	});

	it("OBS_STATUS labels follow SDMX CL_OBS_STATUS: O is a missing value, M a value that cannot exist", () => {
		expect(labelOf("OBS_STATUS", "O", "en")).toBe("Missing value (not known)");
		expect(labelOf("OBS_STATUS", "M", "en")).toBe("Missing value; data cannot exist (not applicable)");
		expect(labelOf("OBS_STATUS", "O", "ru")).toBe("Отсутствующее значение (неизвестно)");
		expect(labelOf("OBS_STATUS", "M", "ru")).toBe("Отсутствующее значение; данные не могут существовать (неприменимо)");
	});

	it("TIME: a period of another frequency says to fix FREQ first, never suggests a wrong year", () => {
		const period = (frequency: string, value: string) =>
			check(
				edit(clean, "IND1", cell, (o) => ({
					...o,
					dimensions: { ...o.dimensions, FREQ: frequency, TIME_PERIOD: value },
				})),
				{ ...CONTEXT, window: { from: "2024-01", to: "2024-12" } },
			).filter((issue) => issue.rule === "TIME");
		expect(period("A", "2024-Q1")[0]?.message.en).toBe(
			"TIME_PERIOD 2024-Q1 is a quarterly period, but FREQ=A (annual): if the figure covers 2024-Q1, set FREQ=Q; otherwise give the period as YYYY, e.g. 2024.",
		);
		expect(period("A", "2024-03")[0]?.message.en).toContain("is a monthly period, but FREQ=A (annual)");
		expect(period("Q", "2024")[0]?.message.en).toContain(
			"is an annual period, but FREQ=Q (quarterly): if the figure covers 2024, set FREQ=A; otherwise give the period as YYYY-Qn, e.g. 2024-Q1.",
		);
		expect(period("M", "2024/03")[0]?.message.en).toBe(
			'TIME_PERIOD "2024/03" is not a period in the format of FREQ=M: write it as YYYY-MM, e.g. 2024-01.',
		);
		expect(period("Q", "2024-Q1")).toEqual([]);
		expect(period("A", "2024-Q1")[0]?.message.ru).toBe(
			"TIME_PERIOD 2024-Q1 — квартальный период, а FREQ=A (годовая периодичность): если значение относится к 2024-Q1, укажите FREQ=Q; иначе запишите период как YYYY, например 2024.",
		);
	});

	it("UNIT: a unit the indicator does not allow fails", () => {
		const issues = check(edit(clean, "IND1", {}, (o) => ({ ...o, attributes: { ...o.attributes, UNIT: "CROSS" } })));
		expect(rulesOf(issues)).toEqual(["UNIT"]);
		expect(issues[0]?.message.en).toContain("not used for IND1");
	});

	it("TIME: outside the window, or in the future", () => {
		const lastYear = check(clean, { ...CONTEXT, window: { from: "2025", to: "2025" } });
		expect(rulesOf(lastYear)).toEqual(["TIME"]);
		expect(lastYear[0]?.message.en).toContain("outside the exercise's period");
		const early = check(clean, { ...CONTEXT, window: undefined, today: new Date("2024-12-31") });
		expect(rulesOf(early)).toEqual(["TIME"]);
		expect(early.every((issue) => issue.message.en.includes("has not ended"))).toBe(true);
		expect(check(cleanTable("IND1"), { ...CONTEXT, window: undefined, today: new Date("2024-03-01") })).toEqual([]);
	});

	it("AREA and REVISION: deleting another state's data is REVISION's finding only", () => {
		const issues = check(
			edit(clean, "IND1", cell, (o) => ({ ...o, action: "D", dimensions: { ...o.dimensions, REF_AREA: "UA" } })),
		);
		expect(rulesOf(issues)).toEqual(["REVISION"]);
		expect(issues[0]?.message.en).toContain("deletes only its own data");
	});

	it("REVISION: a reason makes the replacement of an accepted period acceptable", () => {
		const replaced = edit(clean, "IND1", {}, (o) => ({ ...o, action: "R" }));
		const accepted = [{ indicator: "IND1" as const, period: "2024" }];
		expect(
			check(replaced, { ...CONTEXT, acceptedPeriods: accepted, revisionReason: "Register cleaned of duplicates" }),
		).toEqual([]);
		expect(check(replaced, { ...CONTEXT, acceptedPeriods: accepted })).toHaveLength(1);
	});

	it("ROUND-TOLERANCE: the same gap of 5 passes under R5", () => {
		expect(check(bump(cleanR5, "IND1", { CITIZEN: "TOTAL", SEX: "T", AGE: ["Y18-34", "TOTAL"] }, 5))).toEqual([]);
		const beyond = check(bump(cleanR5, "IND1", { CITIZEN: "TOTAL", SEX: "T", AGE: ["Y18-34", "TOTAL"] }, 15));
		expect(rulesOf(beyond)).toEqual(["ADD-SEX"]);
	});

	it("CONF: a block of confidential cells that no sum reveals passes", () => {
		const block = { CITIZEN: "KZ", SEX: ["F", "M"], AGE: ["Y18-34", "Y35-64"] } as const;
		expect(
			check(edit(clean, "IND1", block, (o) => ({ ...o, attributes: { ...o.attributes, CONF_STATUS: "C" } }))),
		).toEqual([]);
	});

	it("CROSS-DECISIONS: pending cases declared at the start cover extra decisions", () => {
		const planted = bump(
			clean,
			"IND6",
			{ ...TOTAL_CHAIN, INSTANCE: "FIRST", DECISION: ["REJECTED", "TOTAL"] },
			100_000,
		);
		expect(check(planted, { ...CONTEXT, pendingCasesAtStart: { TOTAL: 200_000 } })).toEqual([]);
	});

	it("every issue of the planted file names a cell a person can find", () => {
		const issues = check(bump(clean, "IND1", { CITIZEN: "TOTAL", SEX: "T", AGE: ["Y18-34", "TOTAL"] }, 7));
		expect(issues).toHaveLength(2);
		for (const issue of issues) {
			expect(issue.cells).toHaveLength(4);
			expect(issue.cells[0]?.row).toBeGreaterThan(1);
			expect(issue.message.en).toMatch(/SEX T = \d+ but F \+ M \+ UNK = \d+ \+ \d+ \+ \d+ = \d+ \(gap 7\)/);
		}
	});
});

describe("rule registry", () => {
	it("links every rule to a module section that exists", () => {
		const modules = fs.readdirSync("content/modules");
		for (const rule of [...DSM_RULES, ...FILE_RULES]) {
			const [, , slug, section] = rule.section.split("/");
			const folder = modules.find((name) => name.replace(/^\d+\./, "") === slug);
			const files = folder ? fs.readdirSync(`content/modules/${folder}`) : [];
			expect(
				files.some((name) => name.replace(/^\d+\./, "") === `${section}.mdx`),
				`${rule.id} → ${rule.section}`,
			).toBe(true);
		}
	});

	it("numbers the rules as DSM.md does, each with a requirement in both languages", () => {
		// DSM.md's 24, then the engine's own SERIES-GAP (issue 9).
		expect(DSM_RULES.map((rule) => rule.number)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
		for (const rule of [...DSM_RULES, ...FILE_RULES]) {
			expect(rule.requirement.ru).toMatch(/[а-яё]/i);
			expect(rule.requirement.ru, rule.id).not.toMatch(/DSM(?!:)|кодификатор/);
		}
	});
});
