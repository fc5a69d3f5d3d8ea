import type { Localized } from "../localized";
import { defineRule } from "./rule";

/** What keeps a file from being read at all, before any DSM rule can apply. */

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export const FILE_EMPTY = defineRule<Record<string, never>>({
	id: "FILE-EMPTY",
	severity: "error",
	section: "additional-technical-data-issues/encodings-and-file-formats",
	requirement: { en: "The file has content.", ru: "Файл не пуст." },
	message: () => ({ en: "The file is empty.", ru: "Файл пуст." }),
});

export const FILE_SIZE = defineRule<{ bytes: number; limit: number }>({
	id: "FILE-SIZE",
	severity: "error",
	section: "additional-technical-data-issues/encodings-and-file-formats",
	requirement: { en: "The file is within the size limit.", ru: "Размер файла не превышает предела." },
	message: ({ bytes, limit }) => ({
		en: `The file is ${megabytes(bytes)} MB; the limit is ${megabytes(limit)} MB. Split it by indicator or by period.`,
		ru: `Размер файла ${megabytes(bytes)} МБ, а предел ${megabytes(limit)} МБ. Разделите файл по показателям или по периодам.`,
	}),
});

export type EncodingProblem = "utf-16" | "koi8-r" | "unknown";

const ENCODING_MESSAGES: Readonly<Record<EncodingProblem, Localized>> = {
	"utf-16": {
		en: "The file is in UTF-16. Save it as CSV UTF-8 (or Windows-1251) and upload it again.",
		ru: "Файл в кодировке UTF-16. Сохраните его как CSV UTF-8 (или Windows-1251) и загрузите снова.",
	},
	"koi8-r": {
		en: "The file looks like KOI8-R, which is not accepted. Save it as CSV UTF-8 (or Windows-1251).",
		ru: "Файл, по-видимому, в кодировке KOI8-R, которая не принимается. Сохраните его как CSV UTF-8 (или Windows-1251).",
	},
	unknown: {
		en: "The file is neither UTF-8 nor Windows-1251. Save it as CSV UTF-8 and upload it again.",
		ru: "Файл не в кодировке UTF-8 и не в Windows-1251. Сохраните его как CSV UTF-8 и загрузите снова.",
	},
};

export const FILE_ENCODING = defineRule<{ problem: EncodingProblem }>({
	id: "FILE-ENCODING",
	severity: "error",
	section: "additional-technical-data-issues/encodings-and-file-formats",
	requirement: {
		en: "Text files are UTF-8 (with or without BOM) or Windows-1251.",
		ru: "Текстовые файлы в кодировке UTF-8 (с BOM или без) или Windows-1251.",
	},
	message: ({ problem }) => ENCODING_MESSAGES[problem],
});

export type FormatProblem = "binary" | "xlsx";

const FORMAT_MESSAGES: Readonly<Record<FormatProblem, Localized>> = {
	binary: {
		en: "This is not a text file nor an XLSX workbook. Upload SDMX-CSV, a Eurostat CSV export or the XLSX template.",
		ru: "Это не текстовый файл и не книга XLSX. Загрузите SDMX-CSV, выгрузку Eurostat в CSV или шаблон XLSX.",
	},
	xlsx: {
		en: "The workbook cannot be opened: it is damaged or not an XLSX file (old .xls files are not accepted).",
		ru: "Книгу не удаётся открыть: файл повреждён или это не XLSX (старые файлы .xls не принимаются).",
	},
};

export const FILE_FORMAT = defineRule<{ problem: FormatProblem }>({
	id: "FILE-FORMAT",
	severity: "error",
	section: "additional-technical-data-issues/encodings-and-file-formats",
	requirement: {
		en: "The file is SDMX-CSV, a Eurostat CSV export or the XLSX template.",
		ru: "Файл в формате SDMX-CSV, выгрузка Eurostat в CSV или шаблон XLSX.",
	},
	message: ({ problem }) => FORMAT_MESSAGES[problem],
});

export const FILE_SYNTAX = defineRule<{ line: number; problem: "unclosed-quote" | "text-after-quote" }>({
	id: "FILE-SYNTAX",
	severity: "error",
	section: "additional-technical-data-issues/encodings-and-file-formats",
	requirement: { en: "The CSV quoting is well formed.", ru: "Кавычки в CSV расставлены правильно." },
	message: ({ line, problem }) =>
		problem === "unclosed-quote"
			? {
					en: `Line ${line}: a quoted cell is never closed; the rest of the file cannot be read.`,
					ru: `Строка ${line}: ячейка в кавычках не закрыта; остальную часть файла прочитать нельзя.`,
				}
			: {
					en: `Line ${line}: text follows a closing quote; put the whole cell in quotes and double the quotes inside it.`,
					ru: `Строка ${line}: после закрывающей кавычки идёт текст; заключите всю ячейку в кавычки, а кавычки внутри удвойте.`,
				},
});

export const FILE_NO_DATA = defineRule<Record<string, never>>({
	id: "FILE-NO-DATA",
	severity: "error",
	section: "data-sharing-mechanism/sdmx-csv-files",
	requirement: { en: "The file has observations.", ru: "В файле есть наблюдения." },
	message: () => ({
		en: "The file has a header but no observations.",
		ru: "В файле есть заголовок, но нет ни одного наблюдения.",
	}),
});

export const FILE_CUSTOM_COLUMNS = defineRule<{ columns: readonly string[] }>({
	id: "FILE-CUSTOM-COLUMNS",
	severity: "warning",
	section: "data-sharing-mechanism/sdmx-csv-files",
	requirement: {
		en: "Columns beyond the DSM structure are custom columns, which SDMX-CSV 2.0 allows and the DSM ignores.",
		ru: "Столбцы сверх структуры МОД — пользовательские; SDMX-CSV 2.0 их допускает, МОД их не читает.",
	},
	message: ({ columns }) => ({
		en: `Column(s) ${columns.join(", ")} are not part of the DSM structure and were ignored (SDMX-CSV 2.0 allows custom columns). If one of them should be a DSM column, rename it exactly.`,
		ru: `Столбцы ${columns.join(", ")} не входят в структуру МОД и не прочитаны (SDMX-CSV 2.0 допускает пользовательские столбцы). Если один из них должен быть столбцом МОД, переименуйте его точно.`,
	}),
});

/** Larger than any real submission (six indicators of one state-year stay under 15 MB of SDMX-CSV). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What a file may hold at most, so that no file can take the reader's time or memory (docs/decisions/0019). */
export const READ_LIMITS = {
	/** Data lines of a CSV file (the largest state-year of all six indicators has about 100,000). */
	rows: 200_000,
	/** Cells of one CSV line (a DSM line has 16 to 19, custom columns aside). */
	cellsPerRow: 100,
	/** Cells of a CSV file in all. */
	cells: 4_000_000,
	/** Observations of a workbook. */
	observations: 200_000,
	/** Bytes a workbook's parts expand to (the filled template of 100,000 observations takes about 3 MB). */
	expandedBytes: 40 * 1024 * 1024,
	/** Parts of a workbook (a template has about 20). */
	zipEntries: 500,
} as const;

export type LimitProblem =
	| { kind: "rows"; limit: number }
	| { kind: "cells-per-row"; line: number; limit: number }
	| { kind: "cells"; limit: number }
	| { kind: "observations"; limit: number }
	| { kind: "expanded"; bytes: number; limit: number }
	| { kind: "zip-entries"; entries: number; limit: number }
	| { kind: "sheet-extent"; sheet: string; cell: string; last: string }
	| { kind: "memory"; megabytes: number }
	| { kind: "time"; seconds: number }
	| { kind: "crashed" };

const count = (value: number) => value.toLocaleString("en");
/** Russian groups digits with a (non-breaking) space: 200 000. */
const countRu = (value: number) => value.toLocaleString("en").replaceAll(",", "\u00a0");

export const FILE_LIMIT = defineRule<LimitProblem>({
	id: "FILE-LIMIT",
	severity: "error",
	section: "additional-technical-data-issues/encodings-and-file-formats",
	requirement: {
		en: "The file stays within what a DSM submission can hold, in lines, cells, workbook extent, memory and time.",
		ru: "Файл не выходит за пределы того, что может содержать передача данных МОД: по строкам, ячейкам, размеру книги, памяти и времени.",
	},
	message: (problem) => {
		switch (problem.kind) {
			case "rows":
				return {
					en: `The file has more than ${count(problem.limit)} lines, more than any DSM submission holds (the largest state-year of all six indicators has about 100,000). Split it by indicator or by period.`,
					ru: `В файле больше ${countRu(problem.limit)} строк — больше, чем бывает в передаче данных МОД (для крупнейшего государства за год по всем шести показателям около 100\u00a0000). Разделите файл по показателям или по периодам.`,
				};
			case "cells-per-row":
				return {
					en: `Line ${problem.line} has more than ${count(problem.limit)} cells; a DSM line has fewer than 20. Check the delimiter and the quotes.`,
					ru: `В строке ${problem.line} больше ${countRu(problem.limit)} ячеек, а в строке МОД их меньше 20. Проверьте разделитель и кавычки.`,
				};
			case "cells":
				return {
					en: `The file has more than ${count(problem.limit)} cells in all. Split it by indicator or by period.`,
					ru: `В файле всего больше ${countRu(problem.limit)} ячеек. Разделите файл по показателям или по периодам.`,
				};
			case "observations":
				return {
					en: `The workbook has more than ${count(problem.limit)} values. Split it by indicator or by period.`,
					ru: `В книге больше ${countRu(problem.limit)} значений. Разделите её по показателям или по периодам.`,
				};
			case "expanded":
				return {
					en: `The workbook would expand to ${megabytes(problem.bytes)} MB when opened; the limit is ${megabytes(problem.limit)} MB (a filled template of 100,000 values takes about 3 MB). Save the table into a fresh template.`,
					ru: `При открытии книга заняла бы ${megabytes(problem.bytes)} МБ, а предел ${megabytes(problem.limit)} МБ (заполненный шаблон на 100\u00a0000 значений занимает около 3 МБ). Перенесите таблицу в чистый шаблон.`,
				};
			case "zip-entries":
				return {
					en: `The workbook has ${count(problem.entries)} parts; a template has about 20 (limit ${count(problem.limit)}). Save the table into a fresh template.`,
					ru: `В книге ${countRu(problem.entries)} частей, а в шаблоне их около 20 (предел ${countRu(problem.limit)}). Перенесите таблицу в чистый шаблон.`,
				};
			case "sheet-extent":
				return {
					en: `Sheet ${problem.sheet} has a value in ${problem.cell}, outside the template's table (which ends by ${problem.last}). Delete what lies outside the table, or copy the table into a fresh template.`,
					ru: `На листе ${problem.sheet} есть значение в ячейке ${problem.cell}, за пределами таблицы шаблона (она заканчивается не дальше ${problem.last}). Удалите всё, что лежит вне таблицы, или перенесите таблицу в чистый шаблон.`,
				};
			case "memory":
				return {
					en: `Reading the file needed more than ${problem.megabytes} MB of memory, so it was stopped. Split the file by indicator or by period, or save it as SDMX-CSV.`,
					ru: `Для чтения файла понадобилось больше ${problem.megabytes} МБ памяти, поэтому чтение остановлено. Разделите файл по показателям или по периодам либо сохраните его в формате SDMX-CSV.`,
				};
			case "time":
				return {
					en: `Reading the file took longer than ${problem.seconds} s, so it was stopped. Split the file by indicator or by period, or save it as SDMX-CSV.`,
					ru: `Чтение файла заняло больше ${problem.seconds} с, поэтому оно остановлено. Разделите файл по показателям или по периодам либо сохраните его в формате SDMX-CSV.`,
				};
			case "crashed":
				return {
					en: "The file could not be read: the reader stopped unexpectedly. Save the file again (SDMX-CSV or the XLSX template) and upload it.",
					ru: "Файл не удалось прочитать: чтение неожиданно прервалось. Сохраните файл заново (SDMX-CSV или шаблон XLSX) и загрузите его.",
				};
		}
	},
});

export type MappingProblem =
	| { kind: "label"; column: string; label: string; rows: number; firstRow: number }
	| { kind: "flag"; flag: string; meaning: Localized; rows: number; firstRow: number }
	| { kind: "outside"; column: string; label: string; indicator: string; rows: number; firstRow: number }
	| { kind: "proxy"; dataset: string; reading: Localized };

export const IMPORT_MAPPING = defineRule<MappingProblem>({
	id: "IMPORT-MAPPING",
	severity: "warning",
	section: "additional-technical-data-issues/flags-breaks-and-revisions",
	requirement: {
		en: "Labels and flags of an import map to DSM codes without doubt.",
		ru: "Подписи и отметки импортируемого файла однозначно соответствуют кодам МОД.",
	},
	message: (problem) => {
		if (problem.kind === "label") {
			return {
				en: `${problem.column} "${problem.label}" has no sure DSM code; it is kept as written in ${problem.rows} row(s), first at line ${problem.firstRow}.`,
				ru: `Для ${problem.column} «${problem.label}» нет однозначного кода МОД; значение оставлено как есть (строк: ${problem.rows}, первая — ${problem.firstRow}).`,
			};
		}
		if (problem.kind === "flag") {
			return {
				en: `Flag "${problem.flag}" (${problem.meaning.en}) has no DSM status; ${problem.rows} value(s) are read as normal (A), first at line ${problem.firstRow}. Explain it in the NOTE.`,
				ru: `Отметке «${problem.flag}» (${problem.meaning.ru}) нет соответствия в МОД; значения с ней прочитаны как обычные, со статусом A (строк: ${problem.rows}, первая — ${problem.firstRow}). Поясните это в пояснительной записке (NOTE).`,
			};
		}
		if (problem.kind === "outside") {
			return {
				en: `${problem.column} "${problem.label}" is outside what ${problem.indicator} counts; ${problem.rows} row(s) skipped, first at line ${problem.firstRow}.`,
				ru: `${problem.column} «${problem.label}» не входит в показатель ${problem.indicator}; пропущено строк: ${problem.rows}, первая — ${problem.firstRow}.`,
			};
		}
		return {
			en: `${problem.dataset} is read as ${problem.reading.en}: a stand-in, not the same statistic.`,
			ru: `${problem.dataset} прочитан как ${problem.reading.ru}: это замена, а не тот же показатель.`,
		};
	},
});
