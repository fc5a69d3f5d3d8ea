import { ISO_COUNTRIES } from "./countries";
import type { Localized } from "./localized";

/**
 * The DSM codelists (DSM.md, "Codelists"), as data. Order matters: it is the order of rows
 * and columns in templates and of codes in the codelists sheet.
 */
export type Code = Localized & { readonly code: string };

export type CodelistId =
	| "FREQ"
	| "REF_AREA"
	| "CITIZEN"
	| "SEX"
	| "AGE"
	| "STAGE"
	| "APPLICANT"
	| "INSTANCE"
	| "DECISION"
	| "UNIT"
	| "OBS_STATUS"
	| "CONF_STATUS"
	| "ROUNDING"
	| "ACTION";

export type Codelist = { readonly id: CodelistId; readonly name: Localized; readonly codes: readonly Code[] };

const code = (value: string, en: string, ru: string): Code => ({ code: value, en, ru });

/** The participating states of Eastern Europe and Central Asia. */
export const EECA_STATES = ["AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "RU", "TJ", "TM", "UA", "UZ"] as const;

/** The fictional state of practice scenarios, on an ISO 3166-1 user-assigned code so that no real state is meant. */
export const PRACTICE_STATE: Code = code(
	"XA",
	"Republic of Arcadia (fictional)",
	"Республика Аркадия (вымышленное государство)",
);

const FICTIONAL_STATES: readonly Code[] = [PRACTICE_STATE];

const isoCodes: readonly Code[] = ISO_COUNTRIES.map(([value, en, ru]) => code(value, en, ru));
const isoByCode = new Map(isoCodes.map((entry) => [entry.code, entry]));

const eecaCodes: readonly Code[] = EECA_STATES.map((value) => {
	const entry = isoByCode.get(value);
	if (!entry) throw new Error(`EECA state ${value} is missing from ISO_COUNTRIES`);
	return entry;
});

export const CODELISTS: Readonly<Record<CodelistId, Codelist>> = {
	FREQ: {
		id: "FREQ",
		name: { en: "Frequency", ru: "Периодичность" },
		codes: [code("A", "Annual", "Годовая"), code("Q", "Quarterly", "Квартальная"), code("M", "Monthly", "Месячная")],
	},
	REF_AREA: {
		id: "REF_AREA",
		name: { en: "Reporting state", ru: "Отчитывающееся государство" },
		codes: [...eecaCodes, ...FICTIONAL_STATES],
	},
	CITIZEN: {
		id: "CITIZEN",
		name: { en: "Citizenship", ru: "Гражданство" },
		codes: [
			code("TOTAL", "All citizenships", "Все гражданства"),
			...isoCodes,
			...FICTIONAL_STATES,
			code("STLS", "Stateless", "Лица без гражданства"),
			code("UNK", "Unknown citizenship", "Гражданство неизвестно"),
		],
	},
	SEX: {
		id: "SEX",
		name: { en: "Sex", ru: "Пол" },
		codes: [
			code("T", "Total", "Всего"),
			code("F", "Female", "Женщины"),
			code("M", "Male", "Мужчины"),
			code("UNK", "Unknown sex", "Пол неизвестен"),
		],
	},
	AGE: {
		id: "AGE",
		name: { en: "Age", ru: "Возраст" },
		codes: [
			code("TOTAL", "All ages", "Все возрасты"),
			code("Y_LT14", "Under 14", "До 14 лет"),
			code("Y14-17", "14 to 17", "14–17 лет"),
			code("Y18-34", "18 to 34", "18–34 года"),
			code("Y35-64", "35 to 64", "35–64 года"),
			code("Y_GE65", "65 or over", "65 лет и старше"),
			code("UNK", "Unknown age", "Возраст неизвестен"),
		],
	},
	STAGE: {
		id: "STAGE",
		name: { en: "Stage of the work permit procedure", ru: "Этап рассмотрения разрешения на работу" },
		codes: [
			code("APPLIED", "Applications", "Подано заявлений"),
			code("GRANTED", "Granted", "Выдано"),
			code("REFUSED", "Refused", "Отказано"),
			code("TOTAL_DEC", "All decisions", "Всего решений"),
		],
	},
	APPLICANT: {
		id: "APPLICANT",
		name: { en: "Type of asylum applicant", ru: "Тип заявителя" },
		codes: [
			code("TOTAL", "All applicants", "Все заявители"),
			code("FIRST", "First-time applicants", "Впервые обратившиеся"),
			code("SUBSEQ", "Subsequent applicants", "Повторно обратившиеся"),
		],
	},
	INSTANCE: {
		id: "INSTANCE",
		name: { en: "Decision instance", ru: "Инстанция" },
		codes: [
			code("FIRST", "First instance", "Первая инстанция"),
			code("FINAL", "Final, on appeal", "Окончательное решение (апелляция)"),
		],
	},
	DECISION: {
		id: "DECISION",
		name: { en: "Decision", ru: "Решение" },
		codes: [
			code("TOTAL", "All decisions", "Всего решений"),
			code("TOTAL_POS", "All positive decisions", "Всего положительных решений"),
			code("GENCONV", "Refugee status (Geneva Convention)", "Статус беженца (Женевская конвенция)"),
			code("SUB_PROT", "Subsidiary protection", "Дополнительная защита"),
			code("HUMSTAT", "Humanitarian status", "Гуманитарный статус"),
			code("REJECTED", "Rejected", "Отказано"),
		],
	},
	UNIT: {
		id: "UNIT",
		name: { en: "Unit of measure", ru: "Единица измерения" },
		codes: [
			code("PER", "Persons", "Человек"),
			code("CROSS", "Border crossings", "Пересечений границы"),
			code("CASE", "Cases", "Дел"),
		],
	},
	OBS_STATUS: {
		id: "OBS_STATUS",
		name: { en: "Observation status", ru: "Статус значения" },
		codes: [
			code("A", "Normal value", "Обычное значение"),
			code("E", "Estimated", "Оценка"),
			code("P", "Provisional", "Предварительное"),
			code("B", "Break in series", "Разрыв ряда"),
			code("O", "Missing value (not known)", "Отсутствующее значение (неизвестно)"),
			code(
				"M",
				"Missing value; data cannot exist (not applicable)",
				"Отсутствующее значение; данные не могут существовать (неприменимо)",
			),
		],
	},
	CONF_STATUS: {
		id: "CONF_STATUS",
		name: { en: "Confidentiality", ru: "Конфиденциальность" },
		codes: [code("F", "Free", "Открытое"), code("C", "Confidential", "Конфиденциальное")],
	},
	ROUNDING: {
		id: "ROUNDING",
		name: { en: "Rounding", ru: "Округление" },
		codes: [code("NONE", "Exact figures", "Точные значения"), code("R5", "Rounded to 5", "Округлено до 5")],
	},
	ACTION: {
		id: "ACTION",
		name: { en: "Action", ru: "Действие" },
		codes: [
			code("I", "Information (add or update)", "Информация (добавить или обновить)"),
			code("A", "Append (SDMX-CSV 2.0)", "Добавление (SDMX-CSV 2.0)"),
			code("M", "Merge (SDMX-CSV 2.1)", "Слияние (SDMX-CSV 2.1)"),
			code("R", "Replace", "Замена"),
			code("D", "Delete", "Удаление"),
		],
	},
};

const codeMaps = new Map<CodelistId, ReadonlyMap<string, Code>>(
	Object.values(CODELISTS).map((list) => [list.id, new Map(list.codes.map((entry) => [entry.code, entry]))]),
);
const codePositions = new Map<CodelistId, ReadonlyMap<string, number>>(
	Object.values(CODELISTS).map((list) => [list.id, new Map(list.codes.map((entry, index) => [entry.code, index]))]),
);

export function isCode(list: CodelistId, value: string): boolean {
	return codeMaps.get(list)?.has(value) ?? false;
}

function findCode(list: CodelistId, value: string): Code | undefined {
	return codeMaps.get(list)?.get(value);
}

/** The label of a code, or the code itself when it is not in the list. */
export function labelOf(list: CodelistId, value: string, language: "en" | "ru"): string {
	return findCode(list, value)?.[language] ?? value;
}

/** Position of a code in its list, for sorting rows and columns; unknown codes sort last. */
export function codeOrder(list: CodelistId, value: string): number {
	return codePositions.get(list)?.get(value) ?? CODELISTS[list].codes.length;
}
