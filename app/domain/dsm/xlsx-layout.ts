import { CODELISTS, isCode } from "./codelists";
import type { Localized } from "./localized";
import { INDICATORS, isIndicatorId, type BreakdownId, type IndicatorId } from "./model";

/**
 * The XLSX template, shared by its writer and its reader. One sheet per indicator, laid out as
 * statisticians read a table: the sheet's attributes at the top (code in column A, value in
 * column B), then two rows of column codes (outer and inner dimension, e.g. SEX then AGE) and a
 * row of labels, then one row per citizenship (after the indicator's other row dimensions).
 *
 * A value cell holds a number, or text: the value followed by flags (OBS_STATUS E, P or B, and C
 * for confidential), e.g. "125 P" or "40 C"; "O" (missing value: not known) or "M" (missing
 * value, data cannot exist: not applicable) alone. An empty cell is not reported.
 */

/** The attributes a sheet states once, in this order, from row FIRST_ATTRIBUTE_ROW on. */
export const SHEET_FIELDS = [
	"ACTION",
	"FREQ",
	"REF_AREA",
	"TIME_PERIOD",
	"UNIT",
	"ROUNDING",
	"SOURCE_AGENCY",
	"NOTE",
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

export const SHEET_FIELD_DEFAULTS: Readonly<Partial<Record<SheetField, string>>> = { ACTION: "I", ROUNDING: "NONE" };

export const SHEET_FIELD_LABELS: Readonly<Record<SheetField, Localized>> = {
	ACTION: {
		en: "Action: I (new or updated), R (replace), D (delete)",
		ru: "Действие: I (новые или обновлённые), R (замена), D (удаление)",
	},
	FREQ: { en: "Frequency: A, Q or M", ru: "Периодичность: A, Q или M" },
	REF_AREA: { en: "Reporting state (ISO code)", ru: "Отчитывающееся государство (код ISO)" },
	TIME_PERIOD: { en: "Period: 2024, 2024-Q1 or 2024-01", ru: "Период: 2024, 2024-Q1 или 2024-01" },
	UNIT: {
		en: "Unit: PER (persons), CROSS (crossings), CASE (cases)",
		ru: "Единица: PER (люди), CROSS (пересечения), CASE (дела)",
	},
	ROUNDING: { en: "Rounding: NONE or R5", ru: "Округление: NONE или R5" },
	SOURCE_AGENCY: { en: "Source agency", ru: "Ведомство-источник" },
	NOTE: {
		en: "Note: national definitions used (foreigner, residence criterion, persons or cases, family members, instance)",
		ru: "Примечание: применённые национальные определения (иностранец, критерий проживания, люди или дела, члены семей, инстанция)",
	},
};

export const TITLE_ROW = 1;
export const STRUCTURE_ROW = 2;
export const FIRST_ATTRIBUTE_ROW = 4;
/** Outer column codes; the inner codes and the labels follow on the next two rows. */
export const HEADER_ROW = FIRST_ATTRIBUTE_ROW + SHEET_FIELDS.length + 1;
export const FIRST_DATA_ROW = HEADER_ROW + 3;
export const LABEL_HEADER: Localized = { en: "Label", ru: "Наименование" };

/** Columns: the row dimensions (A, B, …), then a label column, then the values. */
export function firstValueColumn(indicator: IndicatorId): number {
	return INDICATORS[indicator].layout.rows.length + 2;
}

export function labelColumn(indicator: IndicatorId): number {
	return INDICATORS[indicator].layout.rows.length + 1;
}

/** The indicator a sheet holds, from its name: "IND6", "IND6 KZ 2024", "IND6 (2)". */
export function indicatorOfSheet(name: string): IndicatorId | undefined {
	const id = /^(IND\d)\b/.exec(name)?.[1] ?? "";
	return isIndicatorId(id) ? id : undefined;
}

const VALUE_FLAGS: ReadonlySet<string> = new Set(["A", "E", "P", "B", "M", "O", "C"]);

/** "125 P C" → value 125, status P, confidential; "M" → no value, status M. */
export function parseValueCell(text: string): { value: string; status: string; confidentiality: string } {
	const tokens = text.trim().split(/\s+/);
	let status = "A";
	let confidentiality = "F";
	while (tokens.length > 0 && VALUE_FLAGS.has(tokens[tokens.length - 1] ?? "")) {
		const flag = tokens.pop() ?? "";
		if (flag === "C") confidentiality = "C";
		else status = flag;
	}
	return { value: tokens.join(" "), status, confidentiality };
}

/** The inverse of parseValueCell: a number when the value is plain, text with flags otherwise. */
export function formatValueCell(value: string, status: string, confidentiality: string): string | number {
	if (/^\d+$/.test(value) && status === "A" && confidentiality === "F" && Number.isSafeInteger(Number(value)))
		return Number(value);
	const flags = [status === "A" && value !== "" ? "" : status, confidentiality === "C" ? "C" : ""].filter(Boolean);
	return [value, ...flags].filter(Boolean).join(" ");
}

/** Codes of a dimension in template order: the codelist's, then any others met, as met. */
export function codesInOrder(dimension: BreakdownId, present: Iterable<string>, all: boolean): string[] {
	const found = new Set(present);
	const listed = CODELISTS[dimension].codes.map((entry) => entry.code).filter((code) => all || found.has(code));
	const others = [...found].filter((code) => !isCode(dimension, code));
	return [...listed, ...others];
}
