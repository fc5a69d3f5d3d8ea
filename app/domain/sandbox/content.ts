import { ATTRIBUTES, dimensionsOf, isIndicatorId, type AttributeId, type DimensionId } from "../dsm/model";
import { dimensionOf, type Observation } from "../dsm/observation";

/**
 * A revision's observations as stored (SandboxRevision.observations): compact JSON rows, one per
 * observation, in order, with duplicates kept (the validator reports them; a map would hide
 * them). Each row is the indicator, ACTION, the indicator's dimensions in SDMX-CSV order,
 * OBS_VALUE, then the six attributes. Decoded observations are placed on the lines the
 * revision's SDMX-CSV download puts them (the header is line 1).
 */

const FORMAT = 1;

type Stored = { readonly v: number; readonly rows: readonly (readonly string[])[] };

export function encodeContent(observations: readonly Observation[]): string {
	const rows = observations.map((observation) => [
		observation.indicator,
		observation.action,
		...dimensionsOf(observation.indicator).map((dimension) => dimensionOf(observation, dimension)),
		observation.value,
		...ATTRIBUTES.map((attribute) => observation.attributes[attribute] ?? ""),
	]);
	return JSON.stringify({ v: FORMAT, rows } satisfies Stored);
}

export function decodeContent(text: string): Observation[] {
	const stored = JSON.parse(text) as Stored;
	if (stored.v !== FORMAT) throw new Error(`sandbox content format ${stored.v} is not known`);
	return stored.rows.map((row, index): Observation => {
		const [indicator = "", action = "", ...rest] = row;
		if (!isIndicatorId(indicator)) throw new Error(`sandbox content row ${index}: indicator ${indicator}`);
		const dimensions = dimensionsOf(indicator);
		const codes: Partial<Record<DimensionId, string>> = {};
		dimensions.forEach((dimension, position) => (codes[dimension] = rest[position] ?? ""));
		const value = rest[dimensions.length] ?? "";
		const attributes = Object.fromEntries(
			ATTRIBUTES.map((attribute, position) => [attribute, rest[dimensions.length + 1 + position] ?? ""]),
		) as Record<AttributeId, string>;
		return { indicator, action, dimensions: codes, value, attributes, origin: { row: index + 2 } };
	});
}

export function sliceKey(indicator: string, refArea: string, period: string): string {
	return [indicator, refArea, period].join("|");
}

/** The part of a workspace one save or upload replaces: an indicator for one state and period. */
export function sliceOf(observation: Observation): string {
	return sliceKey(observation.indicator, dimensionOf(observation, "REF_AREA"), dimensionOf(observation, "TIME_PERIOD"));
}

/**
 * The content after a save or upload: what was there, less every slice (indicator, state, period)
 * the incoming observations cover, then the incoming observations as they came. A form save of
 * IND6 for 2024 replaces IND6 2024 and keeps everything else; so does a file with only IND6 2024.
 * `alsoReplaced` names slices replaced even when nothing comes in for them (a form emptied).
 */
export function mergeContent(
	previous: readonly Observation[],
	incoming: readonly Observation[],
	alsoReplaced: Iterable<string> = [],
): Observation[] {
	const replaced = new Set([...incoming.map(sliceOf), ...alsoReplaced]);
	return [...previous.filter((observation) => !replaced.has(sliceOf(observation))), ...incoming];
}

/** The same content placed on consecutive lines, as decodeContent gives it back. */
export function onContentLines(observations: readonly Observation[]): Observation[] {
	return observations.map((observation, index) => ({ ...observation, origin: { row: index + 2 } }));
}

/** Periods present, in order of first appearance. */
export function periodsOf(observations: readonly Observation[]): string[] {
	return [...new Set(observations.map((observation) => dimensionOf(observation, "TIME_PERIOD")))];
}
