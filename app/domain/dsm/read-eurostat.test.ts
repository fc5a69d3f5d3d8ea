import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../tests/fixtures/dsm/shared-data";
import { CODELISTS } from "./codelists";
import type { Issue } from "./issues";
import type { Observation } from "./observation";
import { readEurostatCsv } from "./read-eurostat";
import { readDsmFile } from "./read-file";
import { validate } from "./validate";

const EUROSTAT = sharedData("eurostat");
const present = fs.existsSync(EUROSTAT);
const file = (name: string) => new Uint8Array(fs.readFileSync(path.join(EUROSTAT, name)));
const text = (name: string) => fs.readFileSync(path.join(EUROSTAT, name), "utf8");
const only = (issues: readonly Issue[], rule: string) => issues.filter((issue) => issue.rule === rule);
const find = (observations: readonly Observation[], codes: Record<string, string>) =>
	observations.find((observation) =>
		Object.entries(codes).every(([dimension, code]) => observation.dimensions[dimension as "SEX"] === code),
	);

describe("Eurostat exports, made up", () => {
	const LABELS = 'TIME,"GEO","CITIZEN","SEX","AGE","ASYL_APP","UNIT","Value","Flag and Footnotes"';

	it("maps labels, thousands separators, ':' and flags where sure", () => {
		const read = readEurostatCsv(
			`${LABELS}\n2015,"Kyrgyzstan","Afghanistan","Females","From 18 to 34 years","First time applicant","Person","1,205","p"\n2015,"Kyrgyzstan","Afghanistan","Females","From 18 to 34 years","Asylum applicant","Person",":",""\n`,
		);
		expect(read.issues).toEqual([]);
		expect(read.observations[0]).toMatchObject({
			indicator: "IND5",
			dimensions: {
				FREQ: "A",
				REF_AREA: "KG",
				TIME_PERIOD: "2015",
				CITIZEN: "AF",
				SEX: "F",
				AGE: "Y18-34",
				APPLICANT: "FIRST",
			},
			value: "1205",
			attributes: { UNIT: "PER", OBS_STATUS: "P", CONF_STATUS: "F", ROUNDING: "R5", SOURCE_AGENCY: "Eurostat" },
		});
		// ":" is a value not available: O ("missing value"), not M, which is for data that cannot exist.
		expect(read.observations[1]).toMatchObject({ value: "", attributes: { OBS_STATUS: "O", CONF_STATUS: "F" } });
	});

	it("keeps and reports what it cannot map, skips what lies outside the indicator, refuses unknown datasets", () => {
		const unsure = readEurostatCsv(
			`${LABELS}\n2015,"Atlantis","Total","Total","Total","Asylum applicant","Person","5","u"\n`,
		);
		expect(unsure.observations[0]?.dimensions.REF_AREA).toBe("Atlantis");
		expect(unsure.issues.map((issue) => issue.message.en)).toEqual([
			'GEO "Atlantis" has no sure DSM code; it is kept as written in 1 row(s), first at line 2.',
			'Flag "u" (low reliability) has no DSM status; 1 value(s) are read as normal (A), first at line 2. Explain it in the NOTE.',
		]);
		const permits = readEurostatCsv(
			"DATAFLOW,LAST UPDATE,freq,reason,citizen,duration,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\nESTAT:TPS00170(1.0),03/03/25,Annual,Family reasons,Total,Total,Person,Georgia,2020,120,,\n",
		);
		expect(permits.observations).toEqual([]);
		expect(permits.issues.map((issue) => issue.message.en)).toContain(
			'reason "Family reasons" is outside what IND2 counts; 1 row(s) skipped, first at line 2.',
		);
		const unknown = readEurostatCsv("DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:MIGR_RESVAS(1.0),Georgia,2020,5\n");
		expect(unknown.issues[0]?.message.en).toContain("Eurostat dataset MIGR_RESVAS has no DSM reading");
	});
});

describe.skipIf(!present)(
	`Eurostat exports, real${present ? "" : " (skipped: ../shared/data/eurostat is absent)"}`,
	() => {
		it("first instance decisions: read without a crash, labels mapped, aggregates reported", async () => {
			const read = await readDsmFile(file("migr_asydcfsta_2008-2016_labels.csv"));
			expect(read.format).toBe("eurostat-labels");
			expect(read.observations).toHaveLength(1836);
			expect(read.observations.every((observation) => observation.indicator === "IND6")).toBe(true);
			expect(
				find(read.observations, { REF_AREA: "DE", TIME_PERIOD: "2016", CITIZEN: "TOTAL", DECISION: "TOTAL_POS" })
					?.attributes.OBS_STATUS,
			).toMatch(/^[AP]$/);
			expect(read.issues.map((issue) => issue.message.en)).toEqual(
				expect.arrayContaining([
					expect.stringContaining('GEO "European Union (28 countries)"'),
					expect.stringContaining('CITIZEN "Extra-EU-28"'),
					expect.stringContaining('Flag "d"'),
				]),
			);
		});

		it("first instance decisions: the totals pass ROUND-TOLERANCE under R5, and the 137 known mismatches are reported under NONE", () => {
			const rounded = readEurostatCsv(text("migr_asydcfsta_2008-2016_labels.csv"), { rounding: "R5" });
			const roundedIssues = validate(rounded.observations);
			expect(only(roundedIssues, "ROUND-TOLERANCE")).toEqual([]);
			expect(only(roundedIssues, "ADD-DECISION")).toEqual([]);
			const exact = readEurostatCsv(text("migr_asydcfsta_2008-2016_labels.csv"), { rounding: "NONE" });
			const mismatches = only(validate(exact.observations), "ROUND-TOLERANCE");
			expect(mismatches).toHaveLength(137);
			expect(mismatches.every((issue) => /\(gap -?5\)/.test(issue.message.en))).toBe(true);
			expect(mismatches.map((issue) => issue.message.en)).toContain(
				"IND6 EE 2008 CITIZEN=TOTAL SEX=T AGE=TOTAL INSTANCE=FIRST DECISION=TOTAL: DECISION TOTAL = 10 but TOTAL_POS + REJECTED = 5 + 10 = 15 (gap -5). Rounding to 5 would explain the gap, but ROUNDING is NONE: declare R5 if the figures are rounded, or correct them.",
			);
		});

		it("asylum applicants: the hand-entered Hungarian figure is an error, the Italian one rounding, Austria's jump a change", async () => {
			const read = await readDsmFile(file("migr_asyappctza_2008-2016_labels.csv"));
			expect(read.observations).toHaveLength(1224);
			const issues = validate(read.observations);
			expect(only(issues, "PART-LE-TOTAL").map((issue) => issue.message.en)).toEqual([
				"IND5 HU 2012 CITIZEN=TOTAL SEX=T AGE=TOTAL APPLICANT=TOTAL: APPLICANT FIRST = 2157 exceeds its total TOTAL = 2155.",
			]);
			expect(only(issues, "ROUND5").map((issue) => issue.message.en.match(/but (\d+)/)?.[1])).toEqual([
				"2157",
				"17413",
				"17503",
			]);
			expect(only(issues, "CHANGE").map((issue) => issue.message.en)).toContain(
				"IND5 AT 2015 CITIZEN=TOTAL SEX=T AGE=TOTAL APPLICANT=TOTAL: 88180 against 28065 in 2014 (+214 %). Explain the change in the NOTE.",
			);
			const italy = only(
				validate(readEurostatCsv(text("migr_asyappctza_2008-2016_labels.csv"), { rounding: "NONE" }).observations),
				"ROUND-TOLERANCE",
			);
			expect(italy.map((issue) => issue.message.en)).toEqual([
				expect.stringContaining("IND5 IT 2011 CITIZEN=Extra-EU-28"),
			]);
		});

		it("first permits (SDMX-CSV 1.0 with labels): a proxy for IND2, exact figures, flags mapped or reported", async () => {
			const read = await readDsmFile(file("tps00170_first_permits_sdmxcsv1.csv"));
			expect(read.format).toBe("eurostat-sdmx-csv");
			expect(read.observations).toHaveLength(387);
			expect(read.observations.every((observation) => observation.attributes.ROUNDING === "NONE")).toBe(true);
			expect(new Set(read.observations.map((observation) => observation.attributes.OBS_STATUS))).toEqual(
				new Set(["A", "B", "P"]),
			);
			const messages = read.issues.map((issue) => issue.message.en);
			expect(messages[0]).toContain("TPS00170 is read as IND2 work permits GRANTED");
			expect(messages).toEqual(
				expect.arrayContaining([expect.stringContaining('Flag "u"'), expect.stringContaining('Flag "d"')]),
			);
			const issues = validate(read.observations);
			expect(only(issues, "ROUND5")).toEqual([]);
			expect(find(read.observations, { REF_AREA: "CH", TIME_PERIOD: "2020" })).toBeUndefined();
			// The Swiss 2020 row is absent between 2019 and 2021: the one hole inside a series of the file.
			const gaps = only(issues, "SERIES-GAP");
			expect(gaps.map((issue) => issue.message.en)).toEqual([
				expect.stringMatching(/^IND2 CH: period 2020 is missing between 2019 and 2021\. An absent row is not a zero/),
			]);
			expect(gaps[0]?.severity).toBe("warning");
		});

		it("the German decision codelist: a file of another kind is refused cleanly, and its codes cover the DSM's", async () => {
			const read = await readDsmFile(file("eurostat_decision_codelist_de.dic"));
			expect(read.observations).toEqual([]);
			expect(read.issues.map((issue) => issue.rule)).toEqual(["STRUCT-HEADER"]);
			const german = new Map(
				text("eurostat_decision_codelist_de.dic")
					.split("\r\n")
					.filter(Boolean)
					.map((line) => line.split("\t") as [string, string]),
			);
			expect(german.get("HUMSTAT")).toBe("Humanitärer Rechtsstatus");
			for (const { code } of CODELISTS.DECISION.codes) expect(german.has(code), code).toBe(true);
		});
	},
);
