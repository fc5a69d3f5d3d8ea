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
