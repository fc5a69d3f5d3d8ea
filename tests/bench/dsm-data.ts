import { ISO_COUNTRIES } from "~/domain/dsm/countries";
import { seededRandom } from "~/domain/dsm/exercises/random";
import { INDICATORS, type AttributeId, type BreakdownId, type IndicatorId } from "~/domain/dsm/model";
import type { Observation } from "~/domain/dsm/observation";
import { completeTable, detailedCodes, type TableCell } from "~/domain/dsm/table";
import { asWrittenLines } from "~/domain/dsm/write-sdmx-csv";

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
