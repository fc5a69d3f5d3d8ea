import type ExcelJS from "exceljs";

/**
 * Text that goes into a spreadsheet, made safe to open (OWASP "CSV injection";
 * docs/decisions/0082-origin-and-headers.md). Every CSV and XLSX writer of the app uses this
 * one module: CSV cells through escapeFormula, XLSX workbooks through escapeWorkbookText
 * once they are built, so that no label, header or value can be run as a formula.
 */

/**
 * ExcelJS, loaded on first use: it adds about 25 MiB to a server that is asked for a workbook
 * rarely, if ever (docs/decisions/0098-heavy-modules-on-first-use.md).
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
	return (await import("exceljs")).default;
}

/** A spreadsheet runs text that starts with these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** A sign alone runs nothing, and "-" is SDMX-CSV's delete marker: it must come back as written. */
const LONE_SIGN = /^[-+]$/;
const APOSTROPHE = 39;

/** Text a spreadsheet would run as a formula gets a leading apostrophe; plain numbers stay as they are. */
export function escapeFormula(text: string): string {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) && !LONE_SIGN.test(text) ? `'${text}` : text;
}

/** Reverses escapeFormula on text read back from a file the app wrote. */
export function unescapeFormula(text: string): string {
	return text.charCodeAt(0) === APOSTROPHE && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Escapes every text cell of a workbook, on every sheet: values, labels and headers alike, and
 * the text of rich-text cells and links. Numbers, dates and the formulas the writer set on
 * purpose (`{ formula }` cells, drop-down lists) stay as they are. Call it last, before writing.
 */
export function escapeWorkbookText(workbook: ExcelJS.Workbook): void {
	for (const sheet of workbook.worksheets) {
		sheet.eachRow({ includeEmpty: false }, (row) => {
			row.eachCell({ includeEmpty: false }, (cell) => {
				const value = cell.value;
				if (typeof value === "string") {
					const safe = escapeFormula(value);
					if (safe !== value) cell.value = safe;
				} else if (value && typeof value === "object" && "richText" in value && value.richText.length > 0) {
					const [first, ...rest] = value.richText;
					cell.value = { richText: [{ ...first!, text: escapeFormula(first!.text) }, ...rest] };
				} else if (value && typeof value === "object" && "hyperlink" in value && typeof value.text === "string") {
					cell.value = { ...value, text: escapeFormula(value.text) };
				}
			});
		});
	}
}
