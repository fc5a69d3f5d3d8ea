import { loadExcel } from "~/domain/spreadsheet";
import { escapeFormula, type CsvDelimiter } from "~/domain/dsm/csv";

/**
 * What a trainer sees, as a file (docs/decisions/0055-exports.md): a title, lines that say what
 * it is (cohort, date, filters), then a table with its header. CSV is UTF-8 with a BOM so that
 * Excel reads Cyrillic right; XLSX keeps numbers as numbers. Text a spreadsheet would run as a
 * formula starts with an apostrophe in both, as the DSM files do (app/domain/dsm/csv.ts).
 */
export type ReportCell = string | number | null;

export interface Report {
	title: string;
	/** Label and value pairs above the table. */
	context: ReadonlyArray<readonly [string, ReportCell]>;
	columns: readonly string[];
	rows: ReadonlyArray<readonly ReportCell[]>;
	/** Used for the XLSX sheet's name. */
	sheetName: string;
}

export interface CsvOptions {
	/** "," for English; ";" where Excel's list separator is the semicolon (Russian Windows). */
	delimiter: CsvDelimiter;
	/** The decimal sign numbers are written with: "." or ",". */
	decimal: "." | ",";
}

export function reportToCsv(report: Report, options: CsvOptions): string {
	const cell = (value: ReportCell) => {
		// Numbers are ours and never a formula, even negative ones written with a decimal comma.
		const text =
			value === null ? "" : typeof value === "number" ? formatNumber(value, options.decimal) : escapeFormula(value);
		return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	const lines: ReadonlyArray<readonly ReportCell[]> = [
		[report.title],
		...report.context.map(([label, value]) => [label, value]),
		[],
		report.columns,
		...report.rows,
	];
	return "\ufeff" + lines.map((line) => line.map(cell).join(options.delimiter)).join("\r\n") + "\r\n";
}

/** Numbers as a spreadsheet reads them: no grouping, at most 4 decimals, the given decimal sign. */
function formatNumber(value: number, decimal: "." | ","): string {
	const text = String(Number(value.toFixed(4)));
	return decimal === "," ? text.replace(".", ",") : text;
}

export async function reportToXlsx(report: Report): Promise<Buffer> {
	const workbook = new (await loadExcel()).Workbook();
	workbook.creator = "DSM Academy";
	const sheet = workbook.addWorksheet(sheetName(report.sheetName));
	const text = (value: ReportCell) => (typeof value === "string" ? escapeFormula(value) : value);
	sheet.addRow([text(report.title)]).font = { bold: true, size: 14 };
	for (const [label, value] of report.context) sheet.addRow([text(label), text(value)]);
	sheet.addRow([]);
	const header = sheet.addRow(report.columns.map(text));
	header.font = { bold: true };
	header.eachCell((c) => {
		c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6EBF0" } };
		c.alignment = { wrapText: true, vertical: "top" };
	});
	for (const row of report.rows) sheet.addRow(row.map(text));
	sheet.views = [{ state: "frozen", ySplit: header.number, xSplit: 1 }];
	report.columns.forEach((column, index) => {
		const longest = Math.max(column.length, ...report.rows.slice(0, 200).map((row) => String(row[index] ?? "").length));
		sheet.getColumn(index + 1).width = Math.min(48, Math.max(8, longest + 2));
	});
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
	return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Report";
}
