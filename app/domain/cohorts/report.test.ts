import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/dsm/csv";
import { reportToCsv, reportToXlsx, type Report } from "./report";

const report: Report = {
	title: "Когорта: специалисты по данным",
	sheetName: "Dashboard: 2026/27 [draft]",
	context: [
		["Cohort", "Кыргызстан 2026"],
		["Exported", "2026-12-01"],
	],
	columns: ["Trainee", "Agency", "Score", "Skewness"],
	rows: [
		["Айгерим Садыкова", '=HYPERLINK("http://evil")', 87.5, -0.40479],
		['+Bakyt; "the" second', "@SUM(A1)", null, 12],
		["-Nurlan", "Migration, demo", 0, -5],
	],
};

describe("CSV", () => {
	const csv = reportToCsv(report, { delimiter: ",", decimal: "." });

	it("starts with a BOM, keeps Cyrillic and ends lines with CRLF", () => {
		expect(csv.startsWith("\ufeffКогорта: специалисты по данным\r\n")).toBe(true);
		expect(csv).toContain("Айгерим Садыкова");
		expect(csv.split("\r\n").length).toBe(9);
	});

	it("escapes text a spreadsheet would run as a formula, and leaves numbers alone", () => {
		const rows = parseCsv(csv.slice(1), ",").rows.map((r) => r.cells);
		expect(rows[3]).toEqual(["Trainee", "Agency", "Score", "Skewness"]);
		expect(rows[4]).toEqual(["Айгерим Садыкова", '\'=HYPERLINK("http://evil")', "87.5", "-0.4048"]);
		expect(rows[5]).toEqual(['\'+Bakyt; "the" second', "'@SUM(A1)", "", "12"]);
		expect(rows[6]).toEqual(["'-Nurlan", "Migration, demo", "0", "-5"]);
	});

	it("writes semicolons and decimal commas for a Russian Excel", () => {
		const ru = reportToCsv(report, { delimiter: ";", decimal: "," });
		const rows = parseCsv(ru.slice(1), ";").rows.map((r) => r.cells);
		expect(rows[4]!.slice(2)).toEqual(["87,5", "-0,4048"]);
		expect(rows[6]).toEqual(["'-Nurlan", "Migration, demo", "0", "-5"]);
	});
});

describe("XLSX", () => {
	it("reads back with its title, context, header, typed numbers and no formulas", async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await reportToXlsx(report)) as unknown as ExcelJS.Buffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe("Dashboard  2026 27  draft ");
		const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
		expect(values(1)).toEqual(["Когорта: специалисты по данным"]);
		expect(values(2)).toEqual(["Cohort", "Кыргызстан 2026"]);
		expect(values(5)).toEqual(["Trainee", "Agency", "Score", "Skewness"]);
		expect(values(6)).toEqual(["Айгерим Садыкова", '\'=HYPERLINK("http://evil")', 87.5, -0.40479]);
		expect(sheet.getRow(7).getCell(3).value).toBeNull();
		const cells: unknown[] = [];
		sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
		expect(cells.some((value) => typeof value === "object" && value !== null && "formula" in value)).toBe(false);
	});
});
