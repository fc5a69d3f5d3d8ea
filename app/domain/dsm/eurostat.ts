import { ISO_COUNTRIES } from "./countries";
import type { Localized } from "./localized";
import type { DimensionId, IndicatorId } from "./model";

/**
 * What the importer knows about Eurostat's exports (DSM.md, "Formats"), as data: which dataset
 * reads as which indicator, and which labels and flags map to DSM codes without doubt.
 */

export type EurostatDataset = {
	/** Eurostat's dataset code, as in "ESTAT:TPS00170(1.0)". */
	readonly code: string;
	readonly indicator: IndicatorId;
	readonly description: string;
	/** Eurostat columns (lowercase) and the DSM field each holds. */
	readonly columns: Readonly<Record<string, DimensionId | "UNIT">>;
	/** A column only this dataset has, to recognise the label layout that does not name its dataset. */
	readonly signature?: string;
	/** DSM dimensions the dataset does not break down, with the code they take. */
	readonly fixed: Readonly<Partial<Record<DimensionId, string>>>;
	/** Eurostat breakdowns that the DSM indicator does not have: only their "Total" rows are read. */
	readonly totalOnly: readonly string[];
	/** Eurostat rounds asylum figures to 5; other datasets are exact. */
	readonly rounding: "R5" | "NONE";
	/** Set when the dataset only stands in for the indicator. */
	readonly proxy?: Localized;
};

const COMMON_COLUMNS = { geo: "REF_AREA", citizen: "CITIZEN", unit: "UNIT" } as const;

export const EUROSTAT_DATASETS: readonly EurostatDataset[] = [
	{
		code: "MIGR_ASYDCFSTA",
		indicator: "IND6",
		description: "first instance decisions on applications by citizenship, age and sex, annual data (rounded)",
		columns: { ...COMMON_COLUMNS, sex: "SEX", age: "AGE", decision: "DECISION" },
		signature: "decision",
		fixed: { INSTANCE: "FIRST" },
		totalOnly: [],
		rounding: "R5",
	},
	{
		code: "MIGR_ASYAPPCTZA",
		indicator: "IND5",
		description:
			"asylum and first time asylum applicants by citizenship, age and sex, annual aggregated data (rounded)",
		columns: { ...COMMON_COLUMNS, sex: "SEX", age: "AGE", asyl_app: "APPLICANT", applicant: "APPLICANT" },
		signature: "asyl_app",
		fixed: {},
		totalOnly: [],
		rounding: "R5",
	},
	{
		code: "TPS00170",
		indicator: "IND2",
		description: "first residence permits issued, all reasons",
		columns: COMMON_COLUMNS,
		fixed: { SEX: "T", STAGE: "GRANTED" },
		totalOnly: ["reason", "duration"],
		rounding: "NONE",
		proxy: {
			en: "IND2 work permits GRANTED (first residence permits for all reasons, not work permits only)",
			ru: "IND2, выданные разрешения на работу (GRANTED): первые виды на жительство по всем основаниям, а не только разрешения на работу",
		},
	},
];

/** Eurostat's flags, with the DSM status or confidentiality each means; `undefined` where the DSM has none. */
export const EUROSTAT_FLAGS: Readonly<Record<string, { meaning: Localized; status?: string; confidential?: true }>> = {
	b: { meaning: { en: "break in time series", ru: "разрыв временного ряда" }, status: "B" },
	c: { meaning: { en: "confidential", ru: "конфиденциально" }, confidential: true },
	d: { meaning: { en: "definition differs", ru: "определение отличается" } },
	e: { meaning: { en: "estimated", ru: "оценка" }, status: "E" },
	f: { meaning: { en: "forecast", ru: "прогноз" } },
	n: { meaning: { en: "not significant", ru: "незначимо" } },
	p: { meaning: { en: "provisional", ru: "предварительные данные" }, status: "P" },
	r: { meaning: { en: "revised", ru: "пересмотрено" } },
	s: { meaning: { en: "Eurostat estimate", ru: "оценка Евростата" }, status: "E" },
	u: { meaning: { en: "low reliability", ru: "низкая надёжность" } },
	m: {
		meaning: { en: "missing value, data cannot exist", ru: "отсутствующее значение, данные не могут существовать" },
		status: "M",
	},
	z: { meaning: { en: "not applicable", ru: "неприменимо" }, status: "M" },
};

/** Spellings compared loosely: "&" and "and", curly and straight apostrophes, spacing. */
export function normalizeLabel(label: string): string {
	return label.replaceAll("&", "and").replaceAll("\u2019", "'").replace(/\s+/g, " ").trim();
}

/** Eurostat's names of states where they differ from the CLDR short names, and its own codes. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
	"Czech Republic": "CZ",
	"Germany (until 1990 former territory of the FRG)": "DE",
	"Former Yugoslav Republic of Macedonia, the": "MK",
	"Former Yugoslav Republic of Macedonia": "MK",
	Turkey: "TR",
	"Viet Nam": "VN",
	Palestine: "PS",
	"Congo, Democratic Republic of the": "CD",
	"Bosnia and Herzegovina": "BA",
	EL: "GR",
	UK: "GB",
};

const countries = new Map<string, string>([
	...ISO_COUNTRIES.flatMap(([code, en]) => [[normalizeLabel(en), code] as const, [code, code] as const]),
	...Object.entries(COUNTRY_ALIASES).map(([label, code]) => [normalizeLabel(label), code] as const),
]);

/** Labels (and codes) of Eurostat's exports, per DSM field. */
export const EUROSTAT_LABELS: Readonly<Partial<Record<DimensionId | "UNIT", ReadonlyMap<string, string>>>> = {
	FREQ: new Map([
		["Annual", "A"],
		["Quarterly", "Q"],
		["Monthly", "M"],
		["A", "A"],
		["Q", "Q"],
		["M", "M"],
	]),
	REF_AREA: countries,
	CITIZEN: new Map([...countries, ["Total", "TOTAL"], ["TOTAL", "TOTAL"], ["Stateless", "STLS"], ["Unknown", "UNK"]]),
	SEX: new Map([
		["Total", "T"],
		["Females", "F"],
		["Males", "M"],
		["Unknown", "UNK"],
		["T", "T"],
		["F", "F"],
		["M", "M"],
		["UNK", "UNK"],
	]),
	AGE: new Map([
		["Total", "TOTAL"],
		["Less than 14 years", "Y_LT14"],
		["From 14 to 17 years", "Y14-17"],
		["From 18 to 34 years", "Y18-34"],
		["From 35 to 64 years", "Y35-64"],
		["65 years or over", "Y_GE65"],
		["Unknown", "UNK"],
		["TOTAL", "TOTAL"],
		["Y_LT14", "Y_LT14"],
		["Y14-17", "Y14-17"],
		["Y18-34", "Y18-34"],
		["Y35-64", "Y35-64"],
		["Y_GE65", "Y_GE65"],
		["UNK", "UNK"],
	]),
	DECISION: new Map([
		["Total", "TOTAL"],
		["Total positive decisions", "TOTAL_POS"],
		["Geneva Convention status", "GENCONV"],
		["Subsidiary protection status", "SUB_PROT"],
		["Humanitarian status", "HUMSTAT"],
		["Rejected", "REJECTED"],
		["TOTAL", "TOTAL"],
		["TOTAL_POS", "TOTAL_POS"],
		["GENCONV", "GENCONV"],
		["SUB_PROT", "SUB_PROT"],
		["HUMSTAT", "HUMSTAT"],
		["REJECTED", "REJECTED"],
	]),
	APPLICANT: new Map([
		["Asylum applicant", "TOTAL"],
		["First time applicant", "FIRST"],
		["Subsequent applicant", "SUBSEQ"],
		["ASY_APP", "TOTAL"],
		["NASY_APP", "FIRST"],
	]),
	UNIT: new Map([
		["Person", "PER"],
		["PER", "PER"],
	]),
};
