import { CODELISTS, codeOrder } from "../dsm/codelists";
import { HIERARCHIES, INDICATORS, type BreakdownId, type IndicatorId } from "../dsm/model";
import { cellFieldOf, type CellCodes } from "./cells";

/**
 * The web form of an indicator, laid out as statisticians read it and as the XLSX template is
 * (the engine's INDICATORS[…].layout): one table per combination of the outer row dimensions
 * (IND6: instance × decision; IND5: applicant), rows citizenship, columns the outer column
 * dimension (sex) × the inner (age, or the indicator's own breakdown).
 */
export type FormBlock = { readonly id: string; readonly codes: CellCodes };

export type FormLayout = {
	readonly indicator: IndicatorId;
	readonly blockDimensions: readonly BreakdownId[];
	readonly blocks: readonly FormBlock[];
	/** Citizenship codes, TOTAL first, then in codelist order. */
	readonly rows: readonly string[];
	readonly outer: BreakdownId;
	readonly inner: BreakdownId;
	readonly outerCodes: readonly string[];
	readonly innerCodes: readonly string[];
};

const codesOf = (dimension: BreakdownId) => CODELISTS[dimension].codes.map((entry) => entry.code);

/** The citizenship rows: TOTAL, then the others given (once each), in codelist order. */
export function citizenRows(citizens: Iterable<string>): string[] {
	const rows = new Set(["TOTAL", ...citizens]);
	return [...rows].sort((a, b) => codeOrder("CITIZEN", a) - codeOrder("CITIZEN", b));
}

export function formLayout(indicator: IndicatorId, citizens: Iterable<string>): FormLayout {
	const { rows, columns } = INDICATORS[indicator].layout;
	const blockDimensions = rows.filter((dimension) => dimension !== "CITIZEN");
	let blocks: Array<Partial<Record<BreakdownId, string>>> = [{}];
	for (const dimension of blockDimensions)
		blocks = blocks.flatMap((codes) => codesOf(dimension).map((code) => ({ ...codes, [dimension]: code })));
	const [outer, inner] = columns;
	return {
		indicator,
		blockDimensions,
		blocks: blocks.map((codes) => ({ id: ["b", ...blockDimensions.map((d) => codes[d])].join("."), codes })),
		rows: citizenRows(citizens),
		outer,
		inner,
		outerCodes: codesOf(outer),
		innerCodes: codesOf(inner),
	};
}

/** Every cell of the form, block by block, row by row, column by column. */
export function layoutCells(layout: FormLayout): CellCodes[] {
	const cells: CellCodes[] = [];
	for (const block of layout.blocks)
		for (const citizen of layout.rows)
			for (const outer of layout.outerCodes)
				for (const inner of layout.innerCodes)
					cells.push({ ...block.codes, CITIZEN: citizen, [layout.outer]: outer, [layout.inner]: inner });
	return cells;
}

/** The totals the form computes from their parts: every hierarchy with a sum rule, citizenship aside. */
const computedHierarchies = (indicator: IndicatorId) =>
	INDICATORS[indicator].breakdowns.flatMap((dimension) =>
		dimension === "CITIZEN"
			? []
			: HIERARCHIES[dimension]
					.filter((h) => h.sumRule && h.parts !== "every other code")
					.map((h) => ({ dimension, total: h.total, parts: h.parts as readonly string[] })),
	);

/**
 * Sums for the total cells left empty whose parts are all numbers, repeated until nothing more
 * can be computed (IND6: TOTAL_POS from three decisions, then TOTAL from TOTAL_POS and REJECTED).
 * `known` maps form fields (cellFieldOf) to amounts; the result holds only the computed fields.
 * Used by the server on save and, as you type, by the page.
 */
export function computeTotals(
	indicator: IndicatorId,
	cells: readonly CellCodes[],
	known: ReadonlyMap<string, number>,
): Map<string, number> {
	const hierarchies = computedHierarchies(indicator);
	const amounts = new Map(known);
	const computed = new Map<string, number>();
	const open = cells.filter((codes) => !amounts.has(cellFieldOf(indicator, codes)));
	let changed = true;
	while (changed) {
		changed = false;
		for (const codes of open) {
			const field = cellFieldOf(indicator, codes);
			if (computed.has(field)) continue;
			for (const { dimension, total, parts } of hierarchies) {
				if (codes[dimension] !== total) continue;
				let sum = 0;
				let complete = true;
				for (const part of parts) {
					const amount = amounts.get(cellFieldOf(indicator, { ...codes, [dimension]: part }));
					if (amount === undefined) {
						complete = false;
						break;
					}
					sum += amount;
				}
				if (!complete) continue;
				amounts.set(field, sum);
				computed.set(field, sum);
				changed = true;
				break;
			}
		}
	}
	return computed;
}
