import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { escapeFormula, escapeWorkbookText, unescapeFormula } from "./spreadsheet";

describe("formula escaping", () => {
	it("defuses text a spreadsheet would run, leaves numbers and plain text alone, and is undone on reading", () => {
		for (const text of ['=HYPERLINK("http://x")', "+7 persons", "-x", "@SUM(A1)", "\tcmd", "\r=1"]) {
			expect(escapeFormula(text)).toBe(`'${text}`);
			expect(unescapeFormula(escapeFormula(text))).toBe(text);
		}
		for (const text of ["-5", "12.5", "Migration Service", "'quoted", "", "-", "+"]) {
			expect(escapeFormula(text)).toBe(text);
			expect(unescapeFormula(text)).toBe(text);
		}
		expect(escapeFormula(escapeFormula("=1+1"))).toBe("'=1+1");
	});

	it("reaches every text cell of a workbook, headers and labels included, and nothing else", async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet("Cohort");
		sheet.columns = [{ header: "=Name" }, { header: "Score" }, { header: "Link" }];
		sheet.addRow(["@evil", -5, { text: "+link", hyperlink: "https://example.org" }]);
		sheet.addRow([{ richText: [{ text: "-bold" }, { text: " rest" }] }, { formula: "SUM(B2:B2)" }, new Date(0)]);
		escapeWorkbookText(workbook);
		const bytes = await workbook.xlsx.writeBuffer();
		const read = new ExcelJS.Workbook();
		await read.xlsx.load(bytes);
		const cells = read.getWorksheet("Cohort")!;
		expect(cells.getCell("A1").value).toBe("'=Name");
		expect(cells.getCell("A2").value).toBe("'@evil");
		expect(cells.getCell("B2").value).toBe(-5);
		expect(cells.getCell("C2").value).toMatchObject({ text: "'+link", hyperlink: "https://example.org" });
		expect(cells.getCell("A3").value).toEqual({ richText: [{ text: "'-bold" }, { text: " rest" }] });
		expect(cells.getCell("B3").value).toMatchObject({ formula: "SUM(B2:B2)" });
	});
});
