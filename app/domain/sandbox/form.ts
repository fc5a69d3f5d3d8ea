import { formatValueCell, parseValueCell } from "../dsm/xlsx-layout";
import { INDICATORS, type AttributeId, type IndicatorId } from "../dsm/model";
import { dimensionOf, type Observation } from "../dsm/observation";
import { parsePeriod } from "../dsm/periods";
import { cellFieldOf, codesOfField, type CellCodes } from "./cells";
import { computeTotals, formLayout, layoutCells, type FormLayout } from "./layout";

/**
 * The web form ↔ observations. A cell holds what the XLSX template's cells hold (xlsx-layout.ts):
 * a number, the number followed by flags (E, P or B for OBS_STATUS, C for confidential: "40 C"),
 * or M (not applicable: data cannot exist) or O (not known) alone. An empty cell is not reported,
 * except a total whose parts are all numbers: its sum is computed and reported.
 */
export type SheetAttributes = { unit: string; rounding: string; sourceAgency: string; note: string };

export type FormContent = {
	readonly attributes: SheetAttributes;
	/** Cell text by form field (cellFieldOf). */
	readonly cells: Readonly<Record<string, string>>;
	readonly citizens: readonly string[];
};

const WHOLE_NUMBER = /^\d+$/;

/** The amount a cell's text stands for, when it is a plain whole number (flags allowed). */
export function amountOf(text: string): number | undefined {
	const { value } = parseValueCell(text);
	return WHOLE_NUMBER.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
}

/** The observations of one indicator's slice, as the form shows them. */
export function formContentOf(
	indicator: IndicatorId,
	refArea: string,
	period: string,
	observations: readonly Observation[],
): FormContent {
	const slice = observations.filter(
		(o) =>
			o.indicator === indicator && dimensionOf(o, "TIME_PERIOD") === period && dimensionOf(o, "REF_AREA") === refArea,
	);
	const cells: Record<string, string> = {};
	for (const observation of slice) {
		const field = cellFieldOf(indicator, observation.dimensions);
		if (field in cells) continue;
		cells[field] = String(
			formatValueCell(observation.value, observation.attributes.OBS_STATUS, observation.attributes.CONF_STATUS),
		);
	}
	const first = slice[0]?.attributes;
	return {
		attributes: {
			unit: first?.UNIT ?? INDICATORS[indicator].units[0] ?? "PER",
			rounding: first?.ROUNDING ?? "NONE",
			sourceAgency: first?.SOURCE_AGENCY ?? "",
			note: first?.NOTE ?? "",
		},
		cells,
		citizens: [...new Set(slice.map((o) => dimensionOf(o, "CITIZEN")).filter(Boolean))],
	};
}

/** The cells sent, by field, for fields of this indicator only. */
export function cellsOfInput(indicator: IndicatorId, input: Readonly<Record<string, unknown>>): Record<string, string> {
	const cells: Record<string, string> = {};
	for (const [field, value] of Object.entries(input))
		if (typeof value === "string" && codesOfField(indicator, field)) cells[field] = value;
	return cells;
}

export function citizensOfCells(indicator: IndicatorId, cells: Readonly<Record<string, string>>): string[] {
	return [...new Set(Object.keys(cells).map((field) => codesOfField(indicator, field)?.CITIZEN ?? ""))].filter(Boolean);
}

/** Amounts of the cells that hold plain numbers. */
export function knownAmounts(cells: Readonly<Record<string, string>>): Map<string, number> {
	const known = new Map<string, number>();
	for (const [field, text] of Object.entries(cells)) {
		const amount = text.trim() === "" ? undefined : amountOf(text);
		if (amount !== undefined) known.set(field, amount);
	}
	return known;
}

/** The observations a form save reports, in the form's order, with the totals computed from parts. */
export function formObservations(
	indicator: IndicatorId,
	refArea: string,
	period: string,
	content: FormContent,
	layout: FormLayout = formLayout(indicator, content.citizens),
): { observations: Observation[]; computed: string[] } {
	const frequency = parsePeriod(period)?.frequency ?? "A";
	const cellsInLayout = layoutCells(layout);
	const given = Object.fromEntries(Object.entries(content.cells).filter(([, text]) => text.trim() !== ""));
	const computed = computeTotals(indicator, cellsInLayout, knownAmounts(given));
	const observations: Observation[] = [];
	const observationOf = (codes: CellCodes, text: string): Observation => {
		const { value, status, confidentiality } = parseValueCell(text);
		const attributes: Record<AttributeId, string> = {
			UNIT: content.attributes.unit,
			OBS_STATUS: status,
			CONF_STATUS: confidentiality,
			ROUNDING: content.attributes.rounding,
			SOURCE_AGENCY: content.attributes.sourceAgency,
			NOTE: content.attributes.note,
		};
		return {
			indicator,
			action: "I",
			dimensions: { FREQ: frequency, REF_AREA: refArea, TIME_PERIOD: period, ...codes },
			value,
			attributes,
			origin: { row: observations.length + 2 },
		};
	};
	for (const codes of cellsInLayout) {
		const field = cellFieldOf(indicator, codes);
		const text = given[field] ?? (computed.has(field) ? String(computed.get(field)) : undefined);
		if (text !== undefined) observations.push(observationOf(codes, text));
	}
	return { observations, computed: [...computed.keys()] };
}
