import { formatCsv, type CsvDelimiter } from "./csv";
import { ATTRIBUTES, BREAKDOWNS, COMMON_DIMENSIONS, INDICATORS, structureIdOf, type IndicatorId } from "./model";
import type { Observation } from "./observation";

/** SDMX-CSV 2.0 (DSM.md, "Formats"): one file for any mix of the six dataflows. */

export type SdmxCsvOptions = {
	readonly delimiter?: CsvDelimiter;
	/** A UTF-8 byte order mark, for spreadsheets that guess the encoding otherwise. */
	readonly bom?: boolean;
};

/** The columns, in DSM order, for the indicators present: breakdowns of other indicators are left out. */
function sdmxCsvColumns(indicators: Iterable<IndicatorId>): string[] {
	const used = new Set([...indicators].flatMap((indicator) => INDICATORS[indicator].breakdowns));
	const breakdowns = BREAKDOWNS.filter((dimension) => used.has(dimension));
	const [unit, ...afterValue] = ATTRIBUTES;
	return ["STRUCTURE", "STRUCTURE_ID", "ACTION", ...COMMON_DIMENSIONS, ...breakdowns, unit, "OBS_VALUE", ...afterValue];
}

function cellsOf(observation: Observation, columns: readonly string[]): string[] {
	return columns.map((column) => {
		switch (column) {
			case "STRUCTURE":
				return "dataflow";
			case "STRUCTURE_ID":
				return structureIdOf(observation.indicator);
			case "ACTION":
				return observation.action;
			case "OBS_VALUE":
				return observation.value;
			default:
				return (
					observation.dimensions[column as keyof Observation["dimensions"]] ??
					observation.attributes[column as keyof Observation["attributes"]] ??
					""
				);
		}
	});
}

export function writeSdmxCsv(observations: readonly Observation[], options: SdmxCsvOptions = {}): string {
	const columns = sdmxCsvColumns(new Set(observations.map((observation) => observation.indicator)));
	const rows = [columns, ...observations.map((observation) => cellsOf(observation, columns))];
	return (options.bom ? "\ufeff" : "") + formatCsv(rows, options.delimiter);
}

/** A blank SDMX-CSV file for one indicator: its header only. */
export function sdmxCsvTemplate(indicator: IndicatorId, options: SdmxCsvOptions = {}): string {
	return (options.bom ? "\ufeff" : "") + formatCsv([sdmxCsvColumns([indicator])], options.delimiter);
}

/** Observations with their origin set to the line writeSdmxCsv puts each on (the header is line 1). */
export function asWrittenLines(observations: readonly Observation[]): Observation[] {
	return observations.map((observation, index) => ({ ...observation, origin: { row: index + 2 } }));
}
