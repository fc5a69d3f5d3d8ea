import type { CellRef } from "./issues";
import type { AttributeId, DimensionId, IndicatorId } from "./model";
import { dimensionsOf } from "./model";

/** Where an observation came from, so that every issue can name the cell a person sees. */
export type Origin = {
	/** The line of a CSV file (the header is line 1) or the row of a worksheet. */
	readonly row: number;
	/** Worksheet name, for XLSX. */
	readonly sheet?: string;
	/** Column letter of the value cell, for XLSX; CSV cells are named by their column header. */
	readonly column?: string;
	/** For XLSX, the cells that hold the other fields (codes in row and column headers, the sheet's attributes). */
	readonly fields?: Readonly<Record<string, CellRef>>;
};

/**
 * One observation as it was read: codes and the value are kept as text, exactly as the file
 * had them, so that the validator (not the reader) judges them and can quote them back.
 */
export type Observation = {
	readonly indicator: IndicatorId;
	/** SDMX-CSV ACTION: I, M, R or D. */
	readonly action: string;
	readonly dimensions: Readonly<Partial<Record<DimensionId, string>>>;
	/** OBS_VALUE as written; "" when empty. */
	readonly value: string;
	readonly attributes: Readonly<Record<AttributeId, string>>;
	readonly origin: Origin;
};

export function dimensionOf(observation: Observation, dimension: DimensionId): string {
	return observation.dimensions[dimension] ?? "";
}

export const KEY_SEPARATOR = "\u001f";

/** The indicator, then every dimension's code in SDMX-CSV order. */
export function observationCodes(observation: Observation): string[] {
	const codes: string[] = [observation.indicator];
	for (const dimension of dimensionsOf(observation.indicator)) codes.push(observation.dimensions[dimension] ?? "");
	return codes;
}

/** The full key of an observation: indicator and every dimension, period included (DSM rule 7). */
export function observationKey(observation: Observation): string {
	return observationCodes(observation).join(KEY_SEPARATOR);
}

/** A readable key for messages: "IND6 KZ 2024 CITIZEN=AF SEX=F AGE=Y18-34 INSTANCE=FIRST DECISION=GENCONV". */
export function describeKey(observation: Observation): string {
	const [, , , ...breakdowns] = dimensionsOf(observation.indicator);
	const parts = breakdowns.map((dimension) => `${dimension}=${observation.dimensions[dimension] ?? ""}`);
	return [
		observation.indicator,
		dimensionOf(observation, "REF_AREA"),
		dimensionOf(observation, "TIME_PERIOD"),
		...parts,
	].join(" ");
}
