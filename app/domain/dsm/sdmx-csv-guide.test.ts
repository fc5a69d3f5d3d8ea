import { describe, expect, it } from "vitest";
import type { Issue } from "./issues";
import type { Observation } from "./observation";
import { readDsmText } from "./read-file";
import { validate } from "./validate";
import { writeSdmxCsv } from "./write-sdmx-csv";

/**
 * The SDMX-CSV 2.0 field guide's examples (sdmx-twg/sdmx-csv, data-message/docs/
 * sdmx-csv-field-guide.md, v2.0.0), written for the DSM's dataflow DF_IND2 (CITIZEN, SEX, STAGE),
 * and the guide's own examples as printed, which name ESTAT:NA_MAIN.
 */

const read = (text: string) => readDsmText(new TextEncoder().encode(text));
const rules = (issues: readonly Issue[]) => issues.map((issue) => issue.rule);
const CONTEXT = { country: "KZ", window: { from: "2024", to: "2024" }, today: new Date("2025-06-01") } as const;

const HEADER =
	"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,STAGE,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE";
const ROW = "dataflow,DSM:DF_IND2(1.0.0),I,A,KZ,2024,UZ,F,APPLIED,PER,120,A,F,NONE,Migration Service,Work permits";

const withoutOrigin = (observations: readonly Observation[]) =>
	observations.map(({ origin: _origin, ...rest }) => rest);

describe("SDMX-CSV 2.0 as the field guide has it", () => {
	it("1) a custom column (UPDATED) is ignored with a note, the rest read as usual", () => {
		const plain = read(`${HEADER}\n${ROW}\n`);
		const custom = read(`${HEADER},UPDATED\n${ROW},2021-01-22T13:15:41Z\n`);
		expect(withoutOrigin(custom.observations)).toEqual(withoutOrigin(plain.observations));
		expect(rules(custom.issues)).toEqual(["FILE-CUSTOM-COLUMNS"]);
		expect(custom.issues[0]).toMatchObject({ severity: "warning", cells: [{ row: 1, column: "UPDATED" }] });
		expect(custom.issues[0]?.message.en).toContain("UPDATED are not part of the DSM structure and were ignored");
		expect(custom.issues[0]?.message.ru).toContain("не входят в структуру МОД");
		// A near miss of a DSM column stays an error: it is a misspelling, not a custom column.
		expect(rules(read(`${HEADER.replace("NOTE", "note")}\n${ROW}\n`).issues)).toContain("STRUCT-COLUMNS");
	});

	it("2) columns in any order, attributes left out, a multi-valued NOTE[] under STRUCTURE[;]", () => {
		const file = read(
			"STRUCTURE[;],STRUCTURE_ID,ACTION,OBS_VALUE,NOTE[],UNIT,STAGE,SEX,CITIZEN,TIME_PERIOD,REF_AREA,FREQ\n" +
				'dataflow,DSM:DF_IND2(1.0.0),I,120,"Persons, not cases;Family members excluded",PER,APPLIED,F,UZ,2024,KZ,A\n',
		);
		expect(file.issues).toEqual([]);
		expect(file.format).toBe("sdmx-csv-2.0");
		expect(file.observations[0]).toMatchObject({
			dimensions: { FREQ: "A", REF_AREA: "KZ", TIME_PERIOD: "2024", CITIZEN: "UZ", SEX: "F", STAGE: "APPLIED" },
			value: "120",
			attributes: {
				UNIT: "PER",
				OBS_STATUS: "A",
				CONF_STATUS: "F",
				NOTE: "Persons, not cases | Family members excluded",
			},
		});
		expect(file.defaulted).toEqual(["OBS_STATUS", "CONF_STATUS", "ROUNDING", "SOURCE_AGENCY"]);
	});

	it("3) the condensed flavour: values in the header fill the empty cells; SERIES_KEY is read past", () => {
		const file = read(
			"STRUCTURE[;]=DATAFLOW,STRUCTURE_ID=DSM:DF_IND2(1.0.0),ACTION=I,SERIES_KEY,FREQ,REF_AREA=KZ,TIME_PERIOD,CITIZEN,SEX,STAGE,UNIT=PER,OBS_VALUE\n" +
				",,,A.KZ.UZ.F.APPLIED,A,,2024,UZ,F,APPLIED,,120\n" +
				",,,A.KZ.UZ.M.APPLIED,A,,2024,UZ,M,APPLIED,,95\n",
		);
		expect(file.issues).toEqual([]);
		expect(
			file.observations.map((o) => [o.action, o.dimensions.REF_AREA, o.dimensions.SEX, o.attributes.UNIT, o.value]),
		).toEqual([
			["I", "KZ", "F", "PER", "120"],
			["I", "KZ", "M", "PER", "95"],
		]);
	});

	it("4) STRUCTURE[|] with ';' as the delimiter and labels=both: codes taken from `CODE: Label`", () => {
		const file = read(
			"STRUCTURE[|]=DATAFLOW;STRUCTURE_ID=DSM:DF_IND2(1.0.0): Work permits;ACTION=I;FREQ: Frequency;REF_AREA: Reference area;TIME_PERIOD: Time period;CITIZEN: Citizenship;SEX: Sex;STAGE: Stage;UNIT: Unit;OBS_VALUE: Observation value;OBS_STATUS: Observation status;NOTE[]: Note\n" +
				";;;A: Annual;KZ: Kazakhstan;2024: 2024;UZ: Uzbekistan;F: Female;APPLIED: Applied;PER: Persons;120;P: Provisional;Persons, not cases|Family members excluded\n",
		);
		expect(file.issues).toEqual([]);
		expect(file.observations[0]).toMatchObject({
			dimensions: { FREQ: "A", REF_AREA: "KZ", TIME_PERIOD: "2024", CITIZEN: "UZ", SEX: "F", STAGE: "APPLIED" },
			value: "120",
			attributes: { UNIT: "PER", OBS_STATUS: "P", NOTE: "Persons, not cases | Family members excluded" },
		});
		// Text attributes keep their ": " (only coded columns carry labels).
		const agency = read(
			`${HEADER.replace("SEX", "SEX: Sex")}\n${ROW.replace(",F,", ",F: Female,").replace("Migration Service", "Service: Migration")}\n`,
		);
		expect(agency.observations[0]?.dimensions.SEX).toBe("F");
		expect(agency.observations[0]?.attributes.SOURCE_AGENCY).toBe("Service: Migration");
	});

	it("8) a multilingual NOTE[en;ru]: each language kept with its code", () => {
		const file = read(
			`${HEADER.replace("STRUCTURE,", "STRUCTURE[;],").replace("NOTE", "NOTE[en;ru]")}\n` +
				ROW.replace("Work permits", '"en:Persons, not ""cases"";ru:Лица, а не «дела»"') +
				"\n",
		);
		expect(file.issues).toEqual([]);
		expect(file.observations[0]?.attributes.NOTE).toBe('en: Persons, not "cases" | ru: Лица, а не «дела»');
		expect(validate(file.observations, CONTEXT)).toEqual([]);
	});

	it("an empty attribute cell is an omitted value: the same defaults, and findings, as an absent column", () => {
		const empty = read(`${HEADER}\n${ROW.replace(",A,F,NONE,", ",,,,")}\n`);
		const absent = read(
			"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,STAGE,UNIT,OBS_VALUE,SOURCE_AGENCY,NOTE\n" +
				"dataflow,DSM:DF_IND2(1.0.0),I,A,KZ,2024,UZ,F,APPLIED,PER,120,Migration Service,Work permits\n",
		);
		expect(empty.issues).toEqual([]);
		expect(withoutOrigin(empty.observations)).toEqual(withoutOrigin(absent.observations));
		expect(empty.observations[0]?.attributes).toMatchObject({ OBS_STATUS: "A", CONF_STATUS: "F", ROUNDING: "NONE" });
		expect(validate(empty.observations, CONTEXT)).toEqual(validate(absent.observations, CONTEXT));
		// An empty value with an empty status is then what it would be without the column: MISSING.
		const blank = read(`${HEADER}\n${ROW.replace(",120,A,", ",,,")}\n`);
		expect(rules(validate(blank.observations, CONTEXT))).toEqual(["MISSING"]);
	});

	it("10) varying actions: 2.0's A (append) beside I, R and 2.1's M (merge)", () => {
		const file = read(
			`${HEADER}\n${["A", "R", "M", "I"].map((action, index) => ROW.replace(",I,", `,${action},`).replace(",UZ,", `,${["UZ", "TJ", "KG", "AF"][index]},`)).join("\n")}\n`,
		);
		expect(file.observations.map((o) => o.action)).toEqual(["A", "R", "M", "I"]);
		expect(validate(file.observations, CONTEXT)).toEqual([]);
		expect(rules(validate(read(`${HEADER}\n${ROW.replace(",I,", ",U,")}\n`).observations, CONTEXT))).toEqual(["CODE"]);
	});

	it("15-17) ACTION=D: '-' marks what to delete, empty dimensions are wildcards, never data to check", () => {
		const file = read(
			`${HEADER}\n` +
				"dataflow,DSM:DF_IND2(1.0.0),D,A,KZ,2024,UZ,F,APPLIED,PER,-,,,,,\n" +
				"dataflow,DSM:DF_IND2(1.0.0),D,A,KZ,2024,,,APPLIED,,,,-,,,\n" +
				"dataflow,DSM:DF_IND2(1.0.0),D,,KZ,,UZ,,,,,,,,,\n",
		);
		expect(file.issues).toEqual([]);
		expect(file.observations.map((o) => [o.value, o.dimensions.CITIZEN, o.attributes.CONF_STATUS])).toEqual([
			["-", "UZ", ""],
			["", "", "-"],
			["", "UZ", ""],
		]);
		expect(validate(file.observations, CONTEXT)).toEqual([]);
		const elsewhere = read(
			`${HEADER}\ndataflow,DSM:DF_IND2(1.0.0),D,A,UZ,2024,KG,F,APPLIED,PER,-,,,,,\ndataflow,DSM:DF_IND2(1.0.0),D,A,,2024,,,,,-,,,,,\ndataflow,DSM:DF_IND2(1.0.0),D,A,KZ,2024,KG,X,,,-,,,,,\n`,
		);
		const issues = validate(elsewhere.observations, CONTEXT);
		expect(issues.map((issue) => [issue.rule, issue.message.en])).toEqual([
			["REVISION", "ACTION=D on REF_AREA UZ: a state deletes only its own data (KZ)."],
			["REVISION", "ACTION=D with REF_AREA empty would delete every state's data: give REF_AREA KZ."],
			["CODE", 'SEX "X" is not in the Sex codelist (T, F, M, UNK).'],
		]);
	});

	it("reporting periods 2024-M01 and 2024-A1 are read as the DSM's 2024-01 and 2024", () => {
		const file = read(
			`${HEADER}\n${ROW.replace(",A,KZ,2024,", ",M,KZ,2024-M01,")}\n${ROW.replace(",A,KZ,2024,", ",A,KZ,2024-A1,").replace(",UZ,", ",TJ,")}\n`,
		);
		expect(file.observations.map((o) => o.dimensions.TIME_PERIOD)).toEqual(["2024-01", "2024"]);
		expect(rules(validate(file.observations, { ...CONTEXT, window: { from: "2024-01", to: "2024-12" } }))).toEqual([]);
	});

	it("a written file reads back unchanged, '-' and formula-looking text included", () => {
		const base = read(`${HEADER}\n${ROW}\n`).observations[0]!;
		const observations: Observation[] = [
			{ ...base, attributes: { ...base.attributes, NOTE: "-", SOURCE_AGENCY: "=1+1 and -5 persons" } },
			{
				...base,
				action: "D",
				value: "-",
				dimensions: { ...base.dimensions, CITIZEN: "" },
				attributes: { ...base.attributes, NOTE: "-", CONF_STATUS: "" },
			},
			{ ...base, dimensions: { ...base.dimensions, SEX: "M" }, attributes: { ...base.attributes, NOTE: "+" } },
		];
		const written = writeSdmxCsv(observations);
		expect(written).toContain(",D,A,KZ,2024,,F,APPLIED,PER,-,");
		const back = read(written);
		expect(back.issues).toEqual([]);
		expect(withoutOrigin(back.observations)).toEqual(withoutOrigin(observations));
		expect(writeSdmxCsv(back.observations)).toBe(written);
	});

	it("the guide's own examples, as printed, are read as SDMX-CSV 2.0 and refused for their dataflow only", () => {
		const examples = [
			'STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_2,ATTR_3,ATTR_1,UPDATED\nDATAFLOW,ESTAT:NA_MAIN(1.6.0),I,A,B,2014-01,12.4,Y,"Normal, special and other values",N,2021-01-22T13:15:41Z\n',
			'STRUCTURE[;],STRUCTURE_ID,ACTION,OBS_VALUE1,OBS_VALUE2,ATTR_3,ATTR_1[],DIM_2,DIM_1,DIM_3\nDATAFLOW,ESTAT:NA_MAIN(1.6.0),I,12.4,12.5,"Normal, special and other values",X;Y,B,A,2014-01\n',
			"STRUCTURE[|]=DATAFLOW;STRUCTURE_ID=ESTAT:NA_MAIN(1.6.0): Principaux agrégats des comptes nationaux;ACTION=I;SERIES_KEY;OBS_KEY;DIM_1: Dimension 1;DIM_2: Dimension 2;DIM_3: Dimension 3;OBS_VALUE: Observation value;ATTR_2: Attribut 2;ATTR_3: Attribut 3;ATTR_1: Attribut 1\n;;;A.B;A.B.2014-01;A: Value A;B: Value B;2014-01: 2014-01;12,4;Y: Oui;Normal, special and other values;N: Non\n",
			"STRUCTURE[;]=DATAFLOW,STRUCTURE_ID,ACTION,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_1[en;fr]\n,ESTAT:NA_MAIN(1.6.0),I,A,B,2014-01,12.4,en:Any Value;fr:N'importe quelle Valeur\n",
			"STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_2,ATTR_3,ATTR_1\nDATAFLOW,ESTAT:NA_MAIN(1.6.0),D,,A,,-,,,\n",
		];
		for (const example of examples) {
			const file = read(example);
			expect(file.format, example).toBe("sdmx-csv-2.0");
			const header = file.issues.filter((issue) => issue.rule === "STRUCT-HEADER");
			expect(
				header.map((issue) => issue.message.en),
				example,
			).toEqual([
				'"ESTAT:NA_MAIN(1.6.0)" is not a DSM dataflow (DSM:DF_IND1(1.0.0) … DSM:DF_IND6(1.0.0)); 1 row(s) skipped, first at line 2.',
			]);
			expect(rules(file.issues), example).not.toContain("FILE-SYNTAX");
		}
	});
});
