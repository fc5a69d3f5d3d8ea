import { dimensionsOf, type DimensionId, type IndicatorId } from "./model";
import { KEY_SEPARATOR, observationCodes, type Observation } from "./observation";
import type { Entry, Slices } from "./rules/check";

/** Observations prepared once for every rule: codes, key and value read a single time. */

const WHOLE_NUMBER = /^\d+$/;

export function entryOf(observation: Observation): Entry {
	const { value } = observation;
	const codes = observationCodes(observation);
	const key = codes.join(KEY_SEPARATOR);
	if (value === "") return { observation, codes, key, amount: undefined, valueState: "empty" };
	if (WHOLE_NUMBER.test(value)) {
		const amount = Number(value);
		if (Number.isSafeInteger(amount)) return { observation, codes, key, amount, valueState: "number" };
	}
	return { observation, codes, key, amount: undefined, valueState: "invalid" };
}

/** Groups entries that differ only in `dimension`; the first entry of each code wins (UNIQUE reports the rest). */
export function slicesAlong(entries: readonly Entry[], dimension: DimensionId): Slices {
	const positions = new Map<IndicatorId, number>();
	const slices = new Map<string, Map<string, Entry>>();
	for (const entry of entries) {
		const { indicator } = entry.observation;
		let position = positions.get(indicator);
		if (position === undefined) {
			position = dimensionsOf(indicator).indexOf(dimension) + 1;
			positions.set(indicator, position);
		}
		if (position === 0) continue;
		const parts = [...entry.codes];
		const code = parts[position] ?? "";
		parts[position] = "*";
		const sliceKey = parts.join(KEY_SEPARATOR);
		let slice = slices.get(sliceKey);
		if (!slice) {
			slice = new Map();
			slices.set(sliceKey, slice);
		}
		if (!slice.has(code)) slice.set(code, entry);
	}
	return slices;
}
