import type { Localized } from "../localized";
import { ATTRIBUTES } from "../model";
import { defineRule, issueOf } from "./rule";

/** DSM rules 1 and 2, which the readers apply while they read. */

export type HeaderProblem =
	| { kind: "not-sdmx"; firstColumns: readonly string[] }
	| { kind: "structure"; value: string; row: number }
	| { kind: "dataflow"; value: string; rows: number; firstRow: number }
	| { kind: "no-sheet"; sheets: readonly string[] }
	| { kind: "eurostat-dataset"; dataset: string; known: readonly string[] };

export const STRUCT_HEADER = defineRule<HeaderProblem>({
	id: "STRUCT-HEADER",
	number: 1,
	severity: "error",
	section: "data-sharing-mechanism/sdmx-csv-files",
	requirement: {
		en: "The file's header is SDMX-CSV 2.0 with a known dataflow and version.",
		ru: "Заголовок файла соответствует SDMX-CSV 2.0 и указывает известный поток данных и версию.",
	},
	message: (problem) => {
		switch (problem.kind) {
			case "not-sdmx":
				return {
					en: `The header starts with "${problem.firstColumns.join(",")}"; SDMX-CSV 2.0 starts with STRUCTURE,STRUCTURE_ID (1.0 with DATAFLOW).`,
					ru: `Заголовок начинается с «${problem.firstColumns.join(",")}»; SDMX-CSV 2.0 начинается с STRUCTURE,STRUCTURE_ID (1.0 — с DATAFLOW).`,
				};
			case "structure":
				return {
					en: `Line ${problem.row}: STRUCTURE is "${problem.value}"; DSM files give "dataflow".`,
					ru: `Строка ${problem.row}: STRUCTURE = «${problem.value}»; в файлах МОД указывается «dataflow».`,
				};
			case "dataflow":
				return {
					en: `"${problem.value}" is not a DSM dataflow (DSM:DF_IND1(1.0.0) … DSM:DF_IND6(1.0.0)); ${problem.rows} row(s) skipped, first at line ${problem.firstRow}.`,
					ru: `«${problem.value}» — не поток данных МОД (DSM:DF_IND1(1.0.0) … DSM:DF_IND6(1.0.0)); пропущено строк: ${problem.rows}, первая — ${problem.firstRow}.`,
				};
			case "no-sheet":
				return {
					en: `The workbook has no indicator sheet (IND1 … IND6); its sheets are: ${problem.sheets.join(", ") || "none"}.`,
					ru: `В книге нет листов показателей (IND1 … IND6); её листы: ${problem.sheets.join(", ") || "нет"}.`,
				};
			case "eurostat-dataset":
				return {
					en: `Eurostat dataset ${problem.dataset} has no DSM reading; known: ${problem.known.join(", ")}.`,
					ru: `Для набора Eurostat ${problem.dataset} нет соответствия в МОД; известны: ${problem.known.join(", ")}.`,
				};
		}
	},
});

export type ColumnsProblem =
	| { kind: "missing"; indicator: string; columns: readonly string[] }
	| { kind: "duplicate"; column: string }
	| { kind: "unknown"; column: string; suggestion?: string }
	| { kind: "cell-count"; row: number; found: number; expected: number }
	| { kind: "foreign"; row: number; column: string; indicator: string; value: string }
	| { kind: "sheet-layout"; sheet: string; expected: Localized };

export const STRUCT_COLUMNS = defineRule<ColumnsProblem>({
	id: "STRUCT-COLUMNS",
	number: 2,
	severity: "error",
	section: "data-sharing-mechanism/sdmx-csv-files",
	requirement: {
		en: "Every dimension column and OBS_VALUE is present, each once, named exactly.",
		ru: "Все столбцы измерений и OBS_VALUE присутствуют, каждый один раз и с точным названием.",
	},
	message: (problem) => {
		switch (problem.kind) {
			case "missing":
				return {
					en: `${problem.indicator} needs the column(s) ${problem.columns.join(", ")}; its rows are skipped.`,
					ru: `Для ${problem.indicator} нужны столбцы ${problem.columns.join(", ")}; его строки пропущены.`,
				};
			case "duplicate":
				return {
					en: `Column ${problem.column} appears more than once; the file is not read.`,
					ru: `Столбец ${problem.column} встречается несколько раз; файл не прочитан.`,
				};
			case "unknown": {
				const hint = problem.suggestion ? ` Did you mean ${problem.suggestion}?` : "";
				const hintRu = problem.suggestion ? ` Возможно, имелся в виду ${problem.suggestion}?` : "";
				return {
					en: `Column "${problem.column}" is not part of the DSM structure (names are exact, e.g. ${ATTRIBUTES.join(", ")}).${hint}`,
					ru: `Столбца «${problem.column}» нет в структуре МОД (названия точные, например ${ATTRIBUTES.join(", ")}).${hintRu}`,
				};
			}
			case "cell-count":
				return {
					en: `Line ${problem.row} has ${problem.found} cells where the header has ${problem.expected}; the line is skipped.`,
					ru: `В строке ${problem.row} ${problem.found} ячеек, а в заголовке ${problem.expected}; строка пропущена.`,
				};
			case "foreign":
				return {
					en: `Line ${problem.row}: ${problem.column} is not a dimension of ${problem.indicator} and must be empty, not "${problem.value}".`,
					ru: `Строка ${problem.row}: ${problem.column} не является измерением ${problem.indicator} и должен быть пустым, а не «${problem.value}».`,
				};
			case "sheet-layout":
				return {
					en: `Sheet ${problem.sheet} is not laid out as the template: ${problem.expected.en}.`,
					ru: `Лист ${problem.sheet} оформлен не по шаблону: ${problem.expected.ru}.`,
				};
		}
	},
});

/** A data row with more or fewer cells than the header: STRUCT-COLUMNS, at that row. */
export function cellCountIssue(row: { line: number; cells: readonly string[] }, header: { cells: readonly string[] }) {
	return issueOf(
		STRUCT_COLUMNS,
		{ kind: "cell-count", row: row.line, found: row.cells.length, expected: header.cells.length },
		[{ row: row.line }],
	);
}
