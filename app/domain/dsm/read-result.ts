import type { TextEncoding } from "./encoding";
import type { Issue } from "./issues";
import type { AttributeId } from "./model";
import type { Observation } from "./observation";

export type FileFormat = "sdmx-csv-2.0" | "sdmx-csv-1.0" | "eurostat-labels" | "eurostat-sdmx-csv" | "xlsx-template";

/** What a reader gives back: never an exception, always observations (maybe none) and the problems met. */
export type ReadResult = {
	readonly format?: FileFormat;
	readonly encoding?: TextEncoding;
	readonly observations: Observation[];
	readonly issues: Issue[];
	/** Attribute columns the file left out, whose default values the observations carry. */
	readonly defaulted: readonly AttributeId[];
};

export function failedRead(issue: Issue, format?: FileFormat): ReadResult {
	return { format, observations: [], issues: [issue], defaulted: [] };
}
