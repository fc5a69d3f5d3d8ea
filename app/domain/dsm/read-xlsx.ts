import type ExcelJS from "exceljs";
import { unescapeFormula } from "./csv";
import { fileProblem } from "./encoding";
import type { CellRef, Issue } from "./issues";
import { INDICATORS, type AttributeId, type BreakdownId, type DimensionId, type IndicatorId } from "./model";
import type { Observation } from "./observation";
import { failedRead, type ReadResult } from "./read-result";
import { CODELISTS } from "./codelists";
import { FILE_FORMAT, FILE_LIMIT, FILE_NO_DATA, READ_LIMITS } from "./rules/file";
import { zipSummary } from "./zip";
import { issueOf } from "./rules/rule";
import { STRUCT_COLUMNS, STRUCT_HEADER } from "./rules/structure";
import {
	FIRST_DATA_ROW,
	SHEET_FIELDS,
	SHEET_FIELD_DEFAULTS,
	firstValueColumn,
	indicatorOfSheet,
	parseValueCell,
	type SheetField,
} from "./xlsx-layout";

/** Reads a filled XLSX template (see xlsx-layout.ts): every non-empty value cell is one observation. */

type Content = string | number | undefined;

/** What a cell shows: a formula's result, rich text as plain text, an error as its code. */
function contentOf(value: ExcelJS.CellValue): Content {
	if (value === null || value === undefined) return undefined;
	if (typeof value === "number" || typeof value === "string") return value;
	if (typeof value === "boolean") return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if ("result" in value) return contentOf(value.result as ExcelJS.CellValue);
	if ("richText" in value) return value.richText.map((part) => part.text).join("");
	if ("text" in value) return String(value.text);
	if ("error" in value) return value.error;
	return undefined;
}

function textOf(worksheet: ExcelJS.Worksheet, row: number, column: number): string {
	const content = contentOf(worksheet.getCell(row, column).value);
	return content === undefined ? "" : unescapeFormula(String(content).trim());
}

function letterOf(column: number): string {
	let letters = "";
	for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
		letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
	return letters;
}

type SheetLayout = {
	readonly headerRow: number;
	readonly fields: Readonly<Record<SheetField, string>>;
	readonly fieldCells: Readonly<Record<string, CellRef>>;
	readonly columns: ReadonlyArray<{ readonly column: number; readonly outer: string; readonly inner: string }>;
};

/**
 * The template's real extent for an indicator: its rows (every combination of the row
 * dimensions' codes, with room for codes outside the lists and added rows) and its columns
 * (every outer × inner code, with room). Nothing beyond it is read, whatever the sheet claims.
 */
export function templateExtent(indicator: IndicatorId): { readonly rows: number; readonly columns: number } {
	const { rows, columns } = INDICATORS[indicator].layout;
	const codes = (dimension: BreakdownId) => CODELISTS[dimension].codes.length;
	const combinations = rows.reduce((product, dimension) => product * codes(dimension), 1);
	return {
		rows: FIRST_DATA_ROW + 2 * combinations + 500,
		columns: firstValueColumn(indicator) + codes(columns[0]) * codes(columns[1]) + 50,
	};
}

type Extent = { readonly rows: number; readonly columns: number };

/** Where the sheet's values end, bounded by the template's extent; or the first value outside it. */
function extentOf(worksheet: ExcelJS.Worksheet, indicator: IndicatorId): Extent | { outside: string; last: string } {
	const template = templateExtent(indicator);
	let rows = 0;
	let columns = 0;
	let outside: string | undefined;
	// eachRow and eachCell visit only the cells the file stores (never the 17 billion a sheet could hold).
	worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		if (outside) return;
		row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
			if (outside || contentOf(cell.value) === undefined || String(contentOf(cell.value)).trim() === "") return;
			if (rowNumber > template.rows || columnNumber > template.columns) {
				outside = `${letterOf(columnNumber)}${rowNumber}`;
				return;
			}
			rows = Math.max(rows, rowNumber);
			columns = Math.max(columns, columnNumber);
		});
	});
	if (outside) return { outside, last: `${letterOf(template.columns)}${template.rows}` };
	return { rows, columns };
}

function findHeaderRow(worksheet: ExcelJS.Worksheet, indicator: IndicatorId, extent: Extent): number | undefined {
	const [firstRowDimension] = INDICATORS[indicator].layout.rows;
	for (let row = 1; row <= extent.rows; row++) {
		if (textOf(worksheet, row, 1) === firstRowDimension) return row;
	}
	return undefined;
}

function layoutOf(worksheet: ExcelJS.Worksheet, indicator: IndicatorId, extent: Extent): SheetLayout | undefined {
	const headerRow = findHeaderRow(worksheet, indicator, extent);
	const { rows } = INDICATORS[indicator].layout;
	if (headerRow === undefined || rows.some((dimension, index) => textOf(worksheet, headerRow, index + 1) !== dimension))
		return undefined;
	const fields = { ...SHEET_FIELD_DEFAULTS } as Record<SheetField, string>;
	const fieldCells: Record<string, CellRef> = {};
	for (let row = 1; row < headerRow; row++) {
		const field = SHEET_FIELDS.find((name) => name === textOf(worksheet, row, 1));
		if (!field) continue;
		fields[field] = textOf(worksheet, row, 2) || (SHEET_FIELD_DEFAULTS[field] ?? "");
		fieldCells[field] = { sheet: worksheet.name, row, column: "B" };
	}
	const columns: Array<{ column: number; outer: string; inner: string }> = [];
	for (let column = firstValueColumn(indicator); column <= extent.columns; column++) {
		const outer = textOf(worksheet, headerRow, column);
		const inner = textOf(worksheet, headerRow + 1, column);
		if (outer !== "" || inner !== "") columns.push({ column, outer, inner });
	}
	return { headerRow, fields, fieldCells, columns };
}

function readSheet(
	worksheet: ExcelJS.Worksheet,
	indicator: IndicatorId,
	observations: Observation[],
	issues: Issue[],
): void {
	const extent = extentOf(worksheet, indicator);
	if ("outside" in extent) {
		const { outside, last } = extent;
		issues.push(
			issueOf(FILE_LIMIT, { kind: "sheet-extent", sheet: worksheet.name, cell: outside, last }, [
				{ sheet: worksheet.name, row: Number(/\d+$/.exec(outside)?.[0]), column: outside.replace(/\d+$/, "") },
			]),
		);
		return;
	}
	const layout = layoutOf(worksheet, indicator, extent);
	const { rows: rowDimensions, columns: columnDimensions } = INDICATORS[indicator].layout;
	if (!layout) {
		const expected = {
			en: `a header row reading ${rowDimensions.join(", ")} in column A onward`,
			ru: `строка заголовка с ${rowDimensions.join(", ")} начиная со столбца A`,
		};
		issues.push(
			issueOf(STRUCT_COLUMNS, { kind: "sheet-layout", sheet: worksheet.name, expected }, [
				{ sheet: worksheet.name, row: 1, column: "A" },
			]),
		);
		return;
	}
	const { headerRow, fields, fieldCells, columns } = layout;
	const sheet = worksheet.name;
	for (let row = headerRow + 3; row <= extent.rows; row++) {
		if (observations.length > READ_LIMITS.observations) return;
		const rowCodes = rowDimensions.map((_, index) => textOf(worksheet, row, index + 1));
		if (rowCodes.every((code) => code === "")) continue;
		for (const { column, outer, inner } of columns) {
			const content = contentOf(worksheet.getCell(row, column).value);
			if (content === undefined || String(content).trim() === "") continue;
			const cell =
				typeof content === "number"
					? { value: String(content), status: "A", confidentiality: "F" }
					: parseValueCell(unescapeFormula(content));
			const dimensions: Partial<Record<DimensionId, string>> = {
				FREQ: fields.FREQ,
				REF_AREA: fields.REF_AREA,
				TIME_PERIOD: fields.TIME_PERIOD,
			};
			const cells: Record<string, CellRef> = { ...fieldCells };
			rowDimensions.forEach((dimension, index) => {
				dimensions[dimension] = rowCodes[index] ?? "";
				cells[dimension] = { sheet, row, column: letterOf(index + 1) };
			});
			dimensions[columnDimensions[0]] = outer;
			dimensions[columnDimensions[1]] = inner;
			cells[columnDimensions[0]] = { sheet, row: headerRow, column: letterOf(column) };
			cells[columnDimensions[1]] = { sheet, row: headerRow + 1, column: letterOf(column) };
			const attributes: Record<AttributeId, string> = {
				UNIT: fields.UNIT,
				OBS_STATUS: cell.status,
				CONF_STATUS: cell.confidentiality,
				ROUNDING: fields.ROUNDING,
				SOURCE_AGENCY: fields.SOURCE_AGENCY,
				NOTE: fields.NOTE,
			};
			const origin = { sheet, row, column: letterOf(column), fields: cells };
			observations.push({ indicator, action: fields.ACTION, dimensions, value: cell.value, attributes, origin });
		}
	}
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
	const problem = fileProblem(bytes);
	if (problem) return failedRead(problem, "xlsx-template");
	const zip = zipSummary(bytes);
	if (zip && zip.entries > READ_LIMITS.zipEntries)
		return failedRead(
			issueOf(FILE_LIMIT, { kind: "zip-entries", entries: zip.entries, limit: READ_LIMITS.zipEntries }),
			"xlsx-template",
		);
	if (zip && zip.expandedBytes > READ_LIMITS.expandedBytes)
		return failedRead(
			issueOf(FILE_LIMIT, { kind: "expanded", bytes: zip.expandedBytes, limit: READ_LIMITS.expandedBytes }),
			"xlsx-template",
		);
	// Loaded on first use: ExcelJS takes half a second to load, which a CSV upload need not pay.
	const { default: Excel } = await import("exceljs");
	const workbook = new Excel.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as ExcelJS.Buffer);
	} catch {
		return failedRead(issueOf(FILE_FORMAT, { problem: "xlsx" }), "xlsx-template");
	}
	const sheets = workbook.worksheets.flatMap((worksheet) => {
		const indicator = indicatorOfSheet(worksheet.name);
		return indicator ? [{ worksheet, indicator }] : [];
	});
	if (sheets.length === 0) {
		const names = workbook.worksheets.map((worksheet) => worksheet.name);
		return failedRead(issueOf(STRUCT_HEADER, { kind: "no-sheet", sheets: names }), "xlsx-template");
	}
	const observations: Observation[] = [];
	const issues: Issue[] = [];
	for (const { worksheet, indicator } of sheets) readSheet(worksheet, indicator, observations, issues);
	if (observations.length > READ_LIMITS.observations)
		return failedRead(issueOf(FILE_LIMIT, { kind: "observations", limit: READ_LIMITS.observations }), "xlsx-template");
	if (observations.length === 0 && issues.length === 0) issues.push(issueOf(FILE_NO_DATA, {}));
	return { format: "xlsx-template", observations, issues, defaulted: [] };
}
