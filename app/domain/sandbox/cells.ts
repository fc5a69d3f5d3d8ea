import { INDICATORS, type BreakdownId, type IndicatorId } from "../dsm/model";
import { dimensionOf, type Observation } from "../dsm/observation";

/**
 * A cell of a workspace, named the same way on the form, in the report, in comparisons and in
 * trainers' comments: "IND6.KZ.2024.AF.F.Y18-34.FIRST.GENCONV" (indicator, state, period, then
 * the indicator's breakdowns in SDMX-CSV order). Codes never contain a dot, so the key is also
 * an HTML id and a URL fragment.
 */
export type CellCodes = Readonly<Partial<Record<BreakdownId, string>>>;

export function cellKeyOf(indicator: IndicatorId, refArea: string, period: string, codes: CellCodes): string {
	return [indicator, refArea, period, ...INDICATORS[indicator].breakdowns.map((d) => codes[d] ?? "")].join(".");
}

export function cellKey(observation: Observation): string {
	return cellKeyOf(
		observation.indicator,
		dimensionOf(observation, "REF_AREA"),
		dimensionOf(observation, "TIME_PERIOD"),
		observation.dimensions,
	);
}

/** The form field of a cell: its breakdown codes only (the page states indicator, state and period). */
export function cellFieldOf(indicator: IndicatorId, codes: CellCodes): string {
	return ["c", ...INDICATORS[indicator].breakdowns.map((d) => codes[d] ?? "")].join(".");
}

export function codesOfField(indicator: IndicatorId, field: string): CellCodes | undefined {
	const [prefix, ...codes] = field.split(".");
	const breakdowns = INDICATORS[indicator].breakdowns;
	if (prefix !== "c" || codes.length !== breakdowns.length) return undefined;
	return Object.fromEntries(breakdowns.map((dimension, position) => [dimension, codes[position] ?? ""]));
}

/** The parts of a key: undefined when it is not one. */
export function parseCellKey(
	key: string,
): { indicator: IndicatorId; refArea: string; period: string; codes: CellCodes } | undefined {
	const [indicator = "", refArea = "", period = "", ...codes] = key.split(".");
	if (!(indicator in INDICATORS)) return undefined;
	const id = indicator as IndicatorId;
	const breakdowns = INDICATORS[id].breakdowns;
	if (codes.length !== breakdowns.length) return undefined;
	return {
		indicator: id,
		refArea,
		period,
		codes: Object.fromEntries(breakdowns.map((dimension, position) => [dimension, codes[position] ?? ""])),
	};
}
