import { CODELISTS, codeOrder } from "./codelists";
import { HIERARCHIES, INDICATORS, type AttributeId, type BreakdownId, type IndicatorId } from "./model";
import type { Observation } from "./observation";
import { asWrittenLines } from "./write-sdmx-csv";

/**
 * A complete indicator table from counts of its most detailed cells: every combination of codes
 * is present (0 where nothing was counted) and every total is the sum of its parts, as a clean
 * submission is. Exercises build their answers with it, tests and the benchmark their data.
 */

export type TableCell = { readonly codes: Readonly<Partial<Record<BreakdownId, string>>>; readonly count: number };

export type TableHeader = {
	readonly refArea: string;
	readonly period: string;
	readonly frequency: string;
	readonly attributes: Readonly<Record<AttributeId, string>>;
};

const SEPARATOR = "\u001f";

/** The codes of a breakdown that are not totals of other codes. */
export function detailedCodes(dimension: BreakdownId): string[] {
	const totals = new Set(HIERARCHIES[dimension].map((hierarchy) => hierarchy.total));
	return CODELISTS[dimension].codes.map((entry) => entry.code).filter((code) => !totals.has(code));
}

function emptyTable(dimensions: readonly BreakdownId[], citizens: readonly string[]): Map<string, number> {
	let keys: string[][] = [[]];
	for (const dimension of dimensions) {
		const codes = dimension === "CITIZEN" ? citizens : detailedCodes(dimension);
		keys = keys.flatMap((prefix) => codes.map((code) => [...prefix, code]));
	}
	return new Map(keys.map((codes) => [codes.join(SEPARATOR), 0]));
}

function addTotals(table: Map<string, number>, dimensions: readonly BreakdownId[], citizens: readonly string[]): void {
	dimensions.forEach((dimension, position) => {
		for (const hierarchy of HIERARCHIES[dimension]) {
			const parts = new Set(hierarchy.parts === "every other code" ? citizens : hierarchy.parts);
			const totals = new Map<string, number>();
			for (const [key, count] of table) {
				const codes = key.split(SEPARATOR);
				if (!parts.has(codes[position] ?? "")) continue;
				codes[position] = hierarchy.total;
				const totalKey = codes.join(SEPARATOR);
				totals.set(totalKey, (totals.get(totalKey) ?? 0) + count);
			}
			for (const [key, count] of totals) table.set(key, count);
		}
	});
}

export function completeTable(
	indicator: IndicatorId,
	citizens: readonly string[],
	cells: Iterable<TableCell>,
	header: TableHeader,
): Observation[] {
	const dimensions = INDICATORS[indicator].breakdowns;
	const table = emptyTable(dimensions, citizens);
	for (const cell of cells) {
		const key = dimensions.map((dimension) => cell.codes[dimension] ?? "").join(SEPARATOR);
		const count = table.get(key);
		if (count === undefined)
			throw new RangeError(`${indicator} has no detailed cell ${key.replaceAll(SEPARATOR, " ")}`);
		table.set(key, count + cell.count);
	}
	addTotals(table, dimensions, citizens);
	const rows = [...table].map(([key, count]) => ({ codes: key.split(SEPARATOR), count }));
	rows.sort((a, b) => {
		for (const [position, dimension] of dimensions.entries()) {
			const order = codeOrder(dimension, a.codes[position] ?? "") - codeOrder(dimension, b.codes[position] ?? "");
			if (order !== 0) return order;
		}
		return 0;
	});
	const observations = rows.map(({ codes, count }): Observation => ({
		indicator,
		action: "I",
		dimensions: {
			FREQ: header.frequency,
			REF_AREA: header.refArea,
			TIME_PERIOD: header.period,
			...Object.fromEntries(dimensions.map((dimension, position) => [dimension, codes[position] ?? ""])),
		},
		value: String(count),
		attributes: header.attributes,
		origin: { row: 0 },
	}));
	return asWrittenLines(observations);
}
