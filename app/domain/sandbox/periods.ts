import { parsePeriod } from "../dsm/periods";

const FREQUENCY_ORDER = { A: 0, Q: 1, M: 2 } as const;

/** Periods in time order: by year, annual before quarters before months, then by quarter or month. */
export function comparePeriods(a: string, b: string): number {
	const left = parsePeriod(a);
	const right = parsePeriod(b);
	if (!left || !right) return a < b ? -1 : a > b ? 1 : 0;
	return (
		left.year - right.year ||
		FREQUENCY_ORDER[left.frequency] - FREQUENCY_ORDER[right.frequency] ||
		left.index - right.index
	);
}
