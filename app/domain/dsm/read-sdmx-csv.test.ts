import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cleanSubmission, cleanTable } from "../../../tests/fixtures/dsm/clean-submission";
import { MAX_FILE_BYTES } from "./encoding";
import type { Observation } from "./observation";
import { readDsmFile, readDsmText } from "./read-file";
import { readSdmxCsv } from "./read-sdmx-csv";
import { validate } from "./validate";
import { sdmxCsvTemplate, writeSdmxCsv } from "./write-sdmx-csv";

const bytes = (text: string) => new TextEncoder().encode(text);
const rulesOf = (issues: ReadonlyArray<{ rule: string }>) => [...new Set(issues.map((issue) => issue.rule))].sort();
const HEADER =
	"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,AGE,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE";
const ROW = "dataflow,DSM:DF_IND1(1.0.0),I,A,XA,2024,KZ,F,Y18-34,PER,40,A,F,NONE,Migration Service,Persons";

describe("SDMX-CSV round trip", () => {
	it("reads back exactly what it wrote, for all six indicators", () => {
		const observations = cleanSubmission();
		const read = readSdmxCsv(writeSdmxCsv(observations));
		expect(read.issues).toEqual([]);
		expect(read.format).toBe("sdmx-csv-2.0");
		expect(read.observations).toEqual(observations);
	});

	it("keeps text that looks like a formula, commas, quotes and statuses, with semicolons and a BOM", () => {
		const [first, second] = cleanTable("IND1");
		if (!first || !second) throw new Error("empty table");
		const observations: Observation[] = [
			{
				...first,
				attributes: { ...first.attributes, NOTE: '=HYPERLINK("x"); -5 persons, "quoted"', CONF_STATUS: "C" },
			},
			{ ...second, value: "", attributes: { ...second.attributes, OBS_STATUS: "M", SOURCE_AGENCY: "@agency" } },
		];
		const text = writeSdmxCsv(observations, { delimiter: ";", bom: true });
		expect(text).toContain(`"'=HYPERLINK(""x""); -5 persons, ""quoted"""`);
		expect(readDsmText(bytes(text)).observations).toEqual(observations);
	});
});

describe("SDMX-CSV variants", () => {
	it("reads Windows-1251 with semicolons, as Excel saves it", () => {
		const text =
			`${HEADER}\n${ROW.replace("Migration Service,Persons", "МВД Озёрии,Лица без гражданства включены")}`.replaceAll(
				",",
				";",
			);
		const read = readDsmText(new Uint8Array(iconv.encode(text, "win1251")));
		expect(read.encoding).toBe("windows-1251");
		expect(read.observations[0]?.attributes.NOTE).toBe("Лица без гражданства включены");
	});

	it("reads SDMX-CSV 1.0 (DATAFLOW), columns in any order, and defaults for absent attributes", () => {
		const text =
			"DATAFLOW,TIME_PERIOD,REF_AREA,FREQ,AGE,SEX,CITIZEN,UNIT,OBS_VALUE\nDSM:DF_IND1(1.0.0),2024,XA,A,Y18-34,F,KZ,PER,40\n";
		const read = readDsmText(bytes(text));
		expect(read.format).toBe("sdmx-csv-1.0");
		expect(read.defaulted).toEqual(["OBS_STATUS", "CONF_STATUS", "ROUNDING", "SOURCE_AGENCY", "NOTE"]);
		expect(read.observations).toEqual([
			{
				indicator: "IND1",
				action: "I",
				dimensions: { FREQ: "A", REF_AREA: "XA", TIME_PERIOD: "2024", CITIZEN: "KZ", SEX: "F", AGE: "Y18-34" },
				value: "40",
				attributes: { UNIT: "PER", OBS_STATUS: "A", CONF_STATUS: "F", ROUNDING: "NONE", SOURCE_AGENCY: "", NOTE: "" },
				origin: { row: 2 },
			},
		]);
		const meta = validate(read.observations).filter((issue) => issue.rule === "META");
		expect(meta[0]?.message.en).toContain("SOURCE_AGENCY and NOTE must be filled in");
	});

	it("reads a blank template as a header without data", () => {
		expect(rulesOf(readSdmxCsv(sdmxCsvTemplate("IND6")).issues)).toEqual(["FILE-NO-DATA"]);
		expect(sdmxCsvTemplate("IND6")).toBe(
			"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,AGE,INSTANCE,DECISION,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE\r\n",
		);
	});
});

describe("bad input", () => {
	it("an empty file", async () => {
		expect(rulesOf((await readDsmFile(new Uint8Array())).issues)).toEqual(["FILE-EMPTY"]);
		expect(rulesOf((await readDsmFile(bytes("\n\n"))).issues)).toEqual(["FILE-EMPTY"]);
	});

	it("a binary file", async () => {
		const read = await readDsmFile(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]));
		expect(rulesOf(read.issues)).toEqual(["FILE-FORMAT"]);
	});

	it("a 50 MB file, refused with the limit in the message", async () => {
		const large = new Uint8Array(50 * 1024 * 1024).fill(0x41);
		const read = await readDsmFile(large);
		expect(read.observations).toEqual([]);
		expect(read.issues[0]?.message.en).toBe(
			`The file is 50.0 MB; the limit is ${(MAX_FILE_BYTES / 1024 / 1024).toFixed(1)} MB. Split it by indicator or by period.`,
		);
	});

	it("a wrong encoding", async () => {
		const read = await readDsmFile(
			new Uint8Array(
				iconv.encode(
					`${HEADER}\n${ROW.replace("Persons", "Иностранцы, учтённые на начало года по регистру")}`,
					"koi8-r",
				),
			),
		);
		expect(rulesOf(read.issues)).toEqual(["FILE-ENCODING"]);
	});

	it("a header only", async () => {
		expect(rulesOf((await readDsmFile(bytes(`${HEADER}\r\n`))).issues)).toEqual(["FILE-NO-DATA"]);
	});

	it("duplicated columns: nothing is read, and the column is named", async () => {
		const read = await readDsmFile(bytes(`${HEADER},SEX\n${ROW},M\n`));
		expect(read.observations).toEqual([]);
		expect(read.issues.map((issue) => issue.message.en)).toEqual([
			"Column SEX appears more than once; the file is not read.",
		]);
	});

	it("a CSV that is not SDMX, a misspelt column, a short line, a foreign dimension", () => {
		expect(readSdmxCsv("TIME,GEO,VALUE\n2024,XA,3\n").issues[0]?.message.en).toContain('starts with "TIME,GEO,VALUE"');
		const misspelt = readSdmxCsv(`${HEADER.replace("OBS_VALUE", "obs_value")}\n${ROW}\n`);
		expect(misspelt.issues.map((issue) => issue.message.en)).toEqual([
			expect.stringContaining("Did you mean OBS_VALUE?"),
			"IND1 needs the column(s) OBS_VALUE; its rows are skipped.",
		]);
		const short = readSdmxCsv(`${HEADER}\n${ROW}\n${ROW.split(",").slice(0, 10).join(",")}\n`);
		expect(short.observations).toHaveLength(1);
		expect(short.issues[0]?.message.en).toBe("Line 3 has 10 cells where the header has 16; the line is skipped.");
		const foreign = readSdmxCsv(`${HEADER},DECISION\n${ROW},GENCONV\n`);
		expect(foreign.issues[0]?.message.en).toContain("DECISION is not a dimension of IND1");
	});

	it("broken quoting: the rows before it are kept and the line is named", () => {
		const read = readSdmxCsv(`${HEADER}\n${ROW}\n${ROW.replace("Persons", '"Persons')}\n`);
		expect(read.observations).toHaveLength(1);
		expect(read.issues[0]).toMatchObject({ rule: "FILE-SYNTAX", cells: [{ row: 3 }] });
	});
});
