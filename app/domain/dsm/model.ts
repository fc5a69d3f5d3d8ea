import type { CodelistId } from "./codelists";
import type { Localized } from "./localized";

/**
 * The six DSM dataflows (DSM.md, "The six indicators" and "Formats"), as data: readers,
 * writers, the validator and the exercises all read these tables and nothing else.
 */
export const INDICATOR_IDS = ["IND1", "IND2", "IND3", "IND4", "IND5", "IND6"] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The dimensions every dataflow has, in SDMX-CSV column order. */
export const COMMON_DIMENSIONS = ["FREQ", "REF_AREA", "TIME_PERIOD"] as const;

/** The breakdowns: the dimensions besides REF_AREA, TIME_PERIOD and FREQ. */
export const BREAKDOWNS = ["CITIZEN", "SEX", "AGE", "STAGE", "APPLICANT", "INSTANCE", "DECISION"] as const;
export type BreakdownId = (typeof BREAKDOWNS)[number];
export type DimensionId = (typeof COMMON_DIMENSIONS)[number] | BreakdownId;

/** The codelist of each coded dimension; TIME_PERIOD has a format instead (see periods.ts). */
export const DIMENSION_CODELIST: Readonly<Record<Exclude<DimensionId, "TIME_PERIOD">, CodelistId>> = {
	FREQ: "FREQ",
	REF_AREA: "REF_AREA",
	CITIZEN: "CITIZEN",
	SEX: "SEX",
	AGE: "AGE",
	STAGE: "STAGE",
	APPLICANT: "APPLICANT",
	INSTANCE: "INSTANCE",
	DECISION: "DECISION",
};

/** Attributes, in SDMX-CSV order: UNIT comes before OBS_VALUE, the five others after it. */
export const ATTRIBUTES = ["UNIT", "OBS_STATUS", "CONF_STATUS", "ROUNDING", "SOURCE_AGENCY", "NOTE"] as const;
export type AttributeId = (typeof ATTRIBUTES)[number];

/** The attribute columns after OBS_VALUE that a file may leave out, with the value they then take. */
export const OPTIONAL_ATTRIBUTE_DEFAULTS: Readonly<Partial<Record<AttributeId, string>>> = {
	OBS_STATUS: "A",
	CONF_STATUS: "F",
	ROUNDING: "NONE",
	SOURCE_AGENCY: "",
	NOTE: "",
};

export const ATTRIBUTE_CODELIST: Readonly<Partial<Record<AttributeId, CodelistId>>> = {
	UNIT: "UNIT",
	OBS_STATUS: "OBS_STATUS",
	CONF_STATUS: "CONF_STATUS",
	ROUNDING: "ROUNDING",
};

/** OBS_STATUS codes that go with an empty OBS_VALUE (DSM rule 9). */
export const MISSING_STATUSES: ReadonlySet<string> = new Set(["M", "O"]);

const SDMX_AGENCY = "DSM";
const DATAFLOW_VERSION = "1.0.0";

export type Indicator = {
	readonly id: IndicatorId;
	/** SDMX dataflow id: DF_IND1 … DF_IND6. */
	readonly dataflow: string;
	readonly title: Localized;
	/** A stock is counted at the first day of the period; a flow over the whole period. */
	readonly kind: "stock" | "flow";
	/** Its own dimensions, in SDMX-CSV column order. */
	readonly breakdowns: readonly BreakdownId[];
	/** The units it may be counted in; the first is the usual one. */
	readonly units: readonly string[];
	/** The wide table statisticians read: row dimensions, then the column dimensions (outer, inner). */
	readonly layout: { readonly rows: readonly BreakdownId[]; readonly columns: readonly [BreakdownId, BreakdownId] };
};

export const INDICATORS: Readonly<Record<IndicatorId, Indicator>> = {
	IND1: {
		id: "IND1",
		dataflow: "DF_IND1",
		title: { en: "Number of foreigners in the country", ru: "Численность иностранцев в стране" },
		kind: "stock",
		breakdowns: ["CITIZEN", "SEX", "AGE"],
		units: ["PER"],
		layout: { rows: ["CITIZEN"], columns: ["SEX", "AGE"] },
	},
	IND2: {
		id: "IND2",
		dataflow: "DF_IND2",
		title: {
			en: "Applications for and decisions on work permits",
			ru: "Заявления на разрешения на работу и решения по ним",
		},
		kind: "flow",
		breakdowns: ["CITIZEN", "SEX", "STAGE"],
		units: ["PER", "CASE"],
		layout: { rows: ["CITIZEN"], columns: ["SEX", "STAGE"] },
	},
	IND3: {
		id: "IND3",
		dataflow: "DF_IND3",
		title: { en: "Foreigners entering the country", ru: "Иностранцы, въехавшие в страну" },
		kind: "flow",
		breakdowns: ["CITIZEN", "SEX", "AGE"],
		units: ["PER", "CROSS"],
		layout: { rows: ["CITIZEN"], columns: ["SEX", "AGE"] },
	},
	IND4: {
		id: "IND4",
		dataflow: "DF_IND4",
		title: { en: "Foreigners leaving the country", ru: "Иностранцы, выехавшие из страны" },
		kind: "flow",
		breakdowns: ["CITIZEN", "SEX", "AGE"],
		units: ["PER", "CROSS"],
		layout: { rows: ["CITIZEN"], columns: ["SEX", "AGE"] },
	},
	IND5: {
		id: "IND5",
		dataflow: "DF_IND5",
		title: { en: "Applications for asylum", ru: "Ходатайства о предоставлении убежища" },
		kind: "flow",
		breakdowns: ["CITIZEN", "SEX", "AGE", "APPLICANT"],
		units: ["PER"],
		layout: { rows: ["APPLICANT", "CITIZEN"], columns: ["SEX", "AGE"] },
	},
	IND6: {
		id: "IND6",
		dataflow: "DF_IND6",
		title: { en: "Refugee status determinations", ru: "Решения об определении статуса беженца" },
		kind: "flow",
		breakdowns: ["CITIZEN", "SEX", "AGE", "INSTANCE", "DECISION"],
		units: ["PER", "CASE"],
		layout: { rows: ["INSTANCE", "DECISION", "CITIZEN"], columns: ["SEX", "AGE"] },
	},
};

/**
 * How totals are made of parts, per breakdown (DSM rules 12 to 16 and 18). `sumRule` names the
 * additivity rule that checks the sum; a hierarchy without one is only checked part by part
 * (PART-LE-TOTAL). CITIZEN's parts are every other citizenship reported, and its sum is checked
 * only when the submission declares the breakdown complete.
 */
export type Hierarchy = {
	readonly total: string;
	readonly parts: readonly string[] | "every other code";
	readonly sumRule?: "ADD-SEX" | "ADD-AGE" | "ADD-CITIZEN" | "ADD-DECISION" | "ADD-STAGE";
};

export const HIERARCHIES: Readonly<Record<BreakdownId, readonly Hierarchy[]>> = {
	CITIZEN: [{ total: "TOTAL", parts: "every other code", sumRule: "ADD-CITIZEN" }],
	SEX: [{ total: "T", parts: ["F", "M", "UNK"], sumRule: "ADD-SEX" }],
	AGE: [{ total: "TOTAL", parts: ["Y_LT14", "Y14-17", "Y18-34", "Y35-64", "Y_GE65", "UNK"], sumRule: "ADD-AGE" }],
	STAGE: [{ total: "TOTAL_DEC", parts: ["GRANTED", "REFUSED"], sumRule: "ADD-STAGE" }],
	APPLICANT: [{ total: "TOTAL", parts: ["FIRST", "SUBSEQ"] }],
	INSTANCE: [],
	DECISION: [
		{ total: "TOTAL_POS", parts: ["GENCONV", "SUB_PROT", "HUMSTAT"], sumRule: "ADD-DECISION" },
		{ total: "TOTAL", parts: ["TOTAL_POS", "REJECTED"], sumRule: "ADD-DECISION" },
	],
};

/** "DSM:DF_IND6(1.0.0)", the STRUCTURE_ID of an indicator. */
export function structureIdOf(indicator: IndicatorId): string {
	return `${SDMX_AGENCY}:${INDICATORS[indicator].dataflow}(${DATAFLOW_VERSION})`;
}

const indicatorByStructureId = new Map(INDICATOR_IDS.map((id) => [structureIdOf(id), id]));

export function indicatorOfStructureId(structureId: string): IndicatorId | undefined {
	return indicatorByStructureId.get(structureId);
}

const withCommon = (indicator: Indicator): readonly DimensionId[] => [...COMMON_DIMENSIONS, ...indicator.breakdowns];

const dimensionLists: Readonly<Record<IndicatorId, readonly DimensionId[]>> = {
	IND1: withCommon(INDICATORS.IND1),
	IND2: withCommon(INDICATORS.IND2),
	IND3: withCommon(INDICATORS.IND3),
	IND4: withCommon(INDICATORS.IND4),
	IND5: withCommon(INDICATORS.IND5),
	IND6: withCommon(INDICATORS.IND6),
};

/** The dimensions of an indicator in SDMX-CSV order: FREQ, REF_AREA, TIME_PERIOD, then its breakdowns. */
export function dimensionsOf(indicator: IndicatorId): readonly DimensionId[] {
	return dimensionLists[indicator];
}

export function isIndicatorId(value: string): value is IndicatorId {
	return (INDICATOR_IDS as readonly string[]).includes(value);
}
