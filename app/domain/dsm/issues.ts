import type { Language, Localized } from "./localized";

export type Severity = "error" | "warning";

/** A cell a person can find: a CSV line and column header, or a worksheet cell. */
export type CellRef = { readonly row: number; readonly column?: string; readonly sheet?: string };

/**
 * A problem found in a submission, by a reader or by the validator. `rule` is a DSM.md rule id
 * (STRUCT-HEADER … REVISION) or a file problem (FILE-…, IMPORT-MAPPING); `section` links the
 * module section that explains it.
 */
export type Issue = {
	readonly rule: string;
	readonly severity: Severity;
	readonly message: Localized;
	readonly cells: readonly CellRef[];
	readonly section: string;
};

export function hasErrors(issues: readonly Issue[]): boolean {
	return issues.some((issue) => issue.severity === "error");
}

const LINE: Readonly<Record<Language, string>> = { en: "line", ru: "строка" };

/** "line 12, SEX" (ru: "строка 12, SEX") or "IND6!D17", for one-line summaries. */
export function formatCell(cell: CellRef, language: Language = "en"): string {
	if (cell.sheet) return `${cell.sheet}!${cell.column ?? ""}${cell.row}`;
	const line = `${LINE[language]} ${cell.row}`;
	return cell.column ? `${line}, ${cell.column}` : line;
}
