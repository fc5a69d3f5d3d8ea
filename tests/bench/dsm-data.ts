import { ISO_COUNTRIES } from "~/domain/dsm/countries";
import { seededRandom } from "~/domain/dsm/exercises/random";
import { INDICATORS, type AttributeId, type BreakdownId, type IndicatorId } from "~/domain/dsm/model";
import type { Observation } from "~/domain/dsm/observation";
import { completeTable, detailedCodes, type TableCell } from "~/domain/dsm/table";
import { readDsmFile } from "~/domain/dsm/read-file";
import type { ReadResult } from "~/domain/dsm/read-result";
import { validate } from "~/domain/dsm/validate";
import { asWrittenLines, writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";

/**
 * A clean submission of a large state's year for the benchmark: 200 citizenships, every cell,
 * counts that keep exits below stock plus entries and decisions below applications.
 */
export const CITIZENS_FOR_BENCH = 200;

const COUNT_RANGES: Readonly<Record<IndicatorId, readonly [number, number]>> = {
	IND1: [50, 100],
	IND2: [0, 10],
	IND3: [10, 30],
	IND4: [0, 10],
	IND5: [5, 20],
	IND6: [0, 3],
};

function attributes(indicator: IndicatorId): Record<AttributeId, string> {
	return {
		UNIT: "PER",
		OBS_STATUS: "A",
		CONF_STATUS: "F",
		ROUNDING: "NONE",
		SOURCE_AGENCY: "Lakeland State Statistics",
		NOTE: `${indicator}: national definitions as agreed in the working group.`,
	};
}

function table(indicator: IndicatorId, citizens: readonly string[], seed: number): Observation[] {
	const random = seededRandom(seed);
	const [low, high] = COUNT_RANGES[indicator];
	let cells: Array<Partial<Record<BreakdownId, string>>> = [{}];
	for (const dimension of INDICATORS[indicator].breakdowns) {
		const codes = dimension === "CITIZEN" ? citizens : detailedCodes(dimension);
		cells = cells.flatMap((prefix) => codes.map((code) => ({ ...prefix, [dimension]: code })));
	}
	const counted: TableCell[] = cells.map((codes) => ({ codes, count: random.int(low, high) }));
	return completeTable(indicator, citizens, counted, {
		refArea: "XA",
		period: "2024",
		frequency: "A",
		attributes: attributes(indicator),
	});
}

export function benchSubmission(size: number): Observation[] {
	const citizens = ISO_COUNTRIES.map(([code]) => code).slice(0, CITIZENS_FOR_BENCH);
	const indicators: IndicatorId[] = ["IND6", "IND5", "IND1", "IND3", "IND4"];
	const all = indicators.flatMap((indicator, index) => table(indicator, citizens, index + 1));
	if (all.length < size) throw new RangeError(`only ${all.length} observations`);
	return asWrittenLines(all.slice(0, size));
}

/** The upload the sandbox's web bench sends (issue 9, "Speed"): 10,000 observations in SDMX-CSV. */
export const UPLOAD_BENCH_OBSERVATIONS = 10_000;

/** The context the benchmark validates with: the bench state XA, 2024. */
export const BENCH_CONTEXT = { country: "XA", window: { from: "2024", to: "2024" }, today: new Date("2025-06-01") };

/** The bytes of a clean SDMX-CSV file of `observations` observations, the same on every run. */
export function benchSdmxCsv(observations = UPLOAD_BENCH_OBSERVATIONS): Uint8Array {
	return new TextEncoder().encode(writeSdmxCsv(benchSubmission(observations)));
}

export type EngineTimes = {
	/** Medians, in seconds: read (decode, parse, map), validate, and the two together. */
	readonly read: number;
	readonly validate: number;
	readonly total: number;
	readonly observations: number;
	readonly issues: number;
};

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * The engine's own read + validate of a file, median of `runs`, for benchmarks that compare a
 * path through the web app with it in the same run. `read` picks the reader: readDsmFile in this
 * thread (the default) or the upload's worker (readUploadedDsmFile).
 */
export async function timeEngine(
	bytes: Uint8Array,
	{ runs = 5, read = readDsmFile }: { runs?: number; read?: (bytes: Uint8Array) => Promise<ReadResult> } = {},
): Promise<EngineTimes> {
	const reads: number[] = [];
	const validations: number[] = [];
	const totals: number[] = [];
	let observations = 0;
	let issues = 0;
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const result = await read(bytes);
		const readAt = performance.now();
		const found = validate(result.observations, BENCH_CONTEXT);
		const done = performance.now();
		reads.push((readAt - started) / 1000);
		validations.push((done - readAt) / 1000);
		totals.push((done - started) / 1000);
		observations = result.observations.length;
		issues = result.issues.length + found.length;
	}
	return { read: median(reads), validate: median(validations), total: median(totals), observations, issues };
}
