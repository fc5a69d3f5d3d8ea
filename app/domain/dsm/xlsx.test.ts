import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CITIZENS, cleanSubmission, cleanTable } from "../../../tests/fixtures/dsm/clean-submission";
import { INDICATORS } from "./model";
import { observationKey, type Observation } from "./observation";
import { readXlsx } from "./read-xlsx";
import { validate } from "./validate";
import { writeXlsxTemplate } from "./write-xlsx";
import { FIRST_DATA_ROW, HEADER_ROW, firstValueColumn } from "./xlsx-layout";

const withoutOrigin = (observations: readonly Observation[]) =>
	observations.map(({ origin: _origin, ...rest }) => rest);
const sortByKey = (observations: readonly Observation[]) =>
	withoutOrigin([...observations].sort((a, b) => observationKey(a).localeCompare(observationKey(b))));

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return workbook;
}

describe("the blank template", () => {
	it("has instructions, the indicator laid out as statisticians read it, and the codelists", async () => {
		const workbook = await workbookOf(
			await writeXlsxTemplate({ indicators: ["IND6"], fields: { REF_AREA: "XA", TIME_PERIOD: "2024" } }),
		);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Instructions", "IND6", "Codelists"]);
		const sheet = workbook.getWorksheet("IND6");
		if (!sheet) throw new Error("no IND6 sheet");
		expect(sheet.getCell(HEADER_ROW, 1).value).toBe("INSTANCE");
		expect(sheet.getCell(HEADER_ROW, 3).value).toBe("CITIZEN");
		const valueColumn = firstValueColumn("IND6");
		expect([sheet.getCell(HEADER_ROW, valueColumn).value, sheet.getCell(HEADER_ROW + 1, valueColumn).value]).toEqual([
			"T",
			"TOTAL",
		]);
		expect(sheet.getCell(HEADER_ROW + 2, valueColumn).value).toBe("Total / Всего · All ages / Все возрасты");
		expect(sheet.getCell(FIRST_DATA_ROW, 3).value).toBe("TOTAL");
		expect(sheet.getCell(FIRST_DATA_ROW, 3).dataValidation?.type).toBe("list");
		expect(String(workbook.getWorksheet("Codelists")?.getCell(2, 2).value)).toBe("A");
		expect(sheet.getCell(6, 2).value).toBe("XA");
	});

	it("read back blank, has no data", async () => {
		const read = await readXlsx(await writeXlsxTemplate({ indicators: ["IND1"] }));
		expect(read.issues.map((issue) => issue.rule)).toEqual(["FILE-NO-DATA"]);
	});
});

describe("formula escaping in the template", () => {
	it("reaches every text cell, labels and headers included, and the values read back as written", async () => {
		const fields = { REF_AREA: "XA", TIME_PERIOD: "2024", SOURCE_AGENCY: '=HYPERLINK("http://x")', NOTE: "@SUM(A1)" };
		const bytes = await writeXlsxTemplate({ indicators: ["IND6"], fields });
		const workbook = await workbookOf(bytes);
		const texts: string[] = [];
		for (const sheet of workbook.worksheets) {
			sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value))));
		}
		expect(texts.length).toBeGreaterThan(100);
		expect(texts.filter((text) => /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/.test(text))).toEqual([]);
		expect(texts).toContain('\'=HYPERLINK("http://x")');
	});
});

describe("XLSX round trips", () => {
	it("a blank template filled by code reads back to the same observations", async () => {
		const expected = cleanTable("IND1");
		const workbook = await workbookOf(
			await writeXlsxTemplate({
				indicators: ["IND1"],
				citizens: CITIZENS.filter((code) => code !== "STLS" && code !== "UNK"),
			}),
		);
		const sheet = workbook.getWorksheet("IND1");
		if (!sheet) throw new Error("no IND1 sheet");
		const first = expected[0];
		if (!first) throw new Error("empty table");
		const fieldRow = (field: string) =>
			[...Array(HEADER_ROW).keys()].find((row) => sheet.getCell(row + 1, 1).value === field) ?? 0;
		for (const [field, value] of Object.entries({
			REF_AREA: "XA",
			TIME_PERIOD: "2024",
			FREQ: "A",
			UNIT: "PER",
			SOURCE_AGENCY: first.attributes.SOURCE_AGENCY,
			NOTE: first.attributes.NOTE,
		})) {
			sheet.getCell(fieldRow(field) + 1, 2).value = value;
		}
		for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) {
			for (let column = firstValueColumn("IND1"); column <= sheet.columnCount; column++) {
				const codes = {
					CITIZEN: sheet.getCell(row, 1).value,
					SEX: sheet.getCell(HEADER_ROW, column).value,
					AGE: sheet.getCell(HEADER_ROW + 1, column).value,
				};
				const observation = expected.find((candidate) =>
					Object.entries(codes).every(([dimension, code]) => candidate.dimensions[dimension as "SEX"] === code),
				);
				if (observation) sheet.getCell(row, column).value = Number(observation.value);
			}
		}
		const read = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(read.issues).toEqual([]);
		expect(sortByKey(read.observations)).toEqual(sortByKey(expected));
		expect(validate(read.observations)).toEqual([]);
	});

	it("a filled template keeps flags, missing values, confidentiality and formula-looking text", async () => {
		const note = "=1+1 and -5 persons";
		const table = cleanTable("IND5").map((observation) => ({
			...observation,
			attributes: { ...observation.attributes, NOTE: note },
		}));
		const observations = table.map((observation, index): Observation => {
			if (index === 3) return { ...observation, attributes: { ...observation.attributes, OBS_STATUS: "P" } };
			if (index === 4) return { ...observation, value: "", attributes: { ...observation.attributes, OBS_STATUS: "M" } };
			if (index === 5)
				return { ...observation, attributes: { ...observation.attributes, OBS_STATUS: "E", CONF_STATUS: "C" } };
			if (index === 6) return { ...observation, value: "1,250" };
			return observation;
		});
		const bytes = await writeXlsxTemplate({ observations });
		const sheet = (await workbookOf(bytes)).getWorksheet("IND5");
		const texts: unknown[] = [];
		sheet?.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
		expect(texts).toEqual(expect.arrayContaining(["M", "'=1+1 and -5 persons"]));
		expect(texts.some((value) => typeof value === "object" && value !== null && "formula" in value)).toBe(false);
		const read = await readXlsx(bytes);
		expect(sortByKey(read.observations)).toEqual(sortByKey(observations));
	});

	it("all six indicators, several states and periods, each on its own sheet", async () => {
		const twoYears = [
			...cleanSubmission(),
			...cleanTable("IND2").map((o) => ({ ...o, dimensions: { ...o.dimensions, TIME_PERIOD: "2023" } })),
		];
		const bytes = await writeXlsxTemplate({ observations: twoYears });
		expect((await workbookOf(bytes)).worksheets.map((sheet) => sheet.name)).toEqual([
			"Instructions",
			"IND1",
			"IND2 XA 2024",
			"IND2 XA 2023",
			"IND3",
			"IND4",
			"IND5",
			"IND6",
			"Codelists",
		]);
		const read = await readXlsx(bytes);
		expect(read.observations).toHaveLength(twoYears.length);
		expect(sortByKey(read.observations)).toEqual(sortByKey(twoYears));
	});
});

describe("XLSX problems", () => {
	it("names the worksheet cell of a problem", async () => {
		const table = cleanTable("IND1").map((observation) =>
			observation.dimensions.CITIZEN === "KZ" &&
			observation.dimensions.SEX === "F" &&
			observation.dimensions.AGE === "Y18-34"
				? { ...observation, value: "12.5" }
				: observation,
		);
		const read = await readXlsx(await writeXlsxTemplate({ observations: table }));
		const [issue] = validate(read.observations);
		expect(issue?.rule).toBe("VALUE");
		const column = firstValueColumn("IND1") + 7 + 3;
		expect(issue?.cells[0]).toEqual({
			sheet: "IND1",
			row: FIRST_DATA_ROW + 1,
			column: String.fromCharCode(64 + column),
		});
	});

	it("a damaged workbook, a workbook without indicator sheets, a sheet not laid out as the template", async () => {
		const damaged = await readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
		expect(damaged.issues.map((issue) => issue.rule)).toEqual(["FILE-FORMAT"]);
		const other = new ExcelJS.Workbook();
		other.addWorksheet("Sheet1").getCell(1, 1).value = "hello";
		const unrelated = await readXlsx(new Uint8Array(await other.xlsx.writeBuffer()));
		expect(unrelated.issues[0]?.message.en).toContain("no indicator sheet (IND1 … IND6); its sheets are: Sheet1");
		other.addWorksheet("IND3").getCell(1, 1).value = "CITIZENSHIP";
		const misshapen = await readXlsx(new Uint8Array(await other.xlsx.writeBuffer()));
		expect(misshapen.issues[0]).toMatchObject({ rule: "STRUCT-COLUMNS", cells: [{ sheet: "IND3" }] });
		expect(INDICATORS.IND3.layout.rows).toEqual(["CITIZEN"]);
	});
});
