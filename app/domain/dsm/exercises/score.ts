import type { CellRef } from "../issues";
import { describeKey, observationKey, type Observation } from "../observation";
import { cellOf } from "../rules/check";

/** A trainee's table against the answer, cell by cell. */

export type CellDifference = {
	readonly key: string;
	readonly expected?: string;
	readonly submitted?: string;
	/** Where the trainee's cell is, when there is one. */
	readonly cell?: CellRef;
};

export type TableScore = {
	/** Cells of the answer. */
	readonly cells: number;
	readonly correct: number;
	/** In both tables with another value. */
	readonly wrong: readonly CellDifference[];
	/** In the answer only. */
	readonly missing: readonly CellDifference[];
	/** In the trainee's table only, or given twice. */
	readonly extra: readonly CellDifference[];
	/** correct / cells, from 0 to 1. */
	readonly score: number;
};

/** What a cell says: its number (leading zeros aside), or its status when it has no value. */
function cellContent(observation: Observation): string {
	const { value } = observation;
	if (value === "") return observation.attributes.OBS_STATUS;
	return /^\d+$/.test(value) ? String(Number(value)) : value;
}

export function scoreTable(answer: readonly Observation[], submission: readonly Observation[]): TableScore {
	const expected = new Map(answer.map((observation) => [observationKey(observation), observation]));
	const seen = new Set<string>();
	const wrong: CellDifference[] = [];
	const extra: CellDifference[] = [];
	let correct = 0;
	for (const observation of submission) {
		const key = observationKey(observation);
		const target = expected.get(key);
		const difference = {
			key: describeKey(observation),
			submitted: cellContent(observation),
			cell: cellOf(observation, "OBS_VALUE"),
		};
		if (!target || seen.has(key)) {
			extra.push(difference);
			continue;
		}
		seen.add(key);
		if (cellContent(target) === cellContent(observation)) correct++;
		else wrong.push({ ...difference, expected: cellContent(target) });
	}
	const missing = answer
		.filter((observation) => !seen.has(observationKey(observation)))
		.map((observation) => ({ key: describeKey(observation), expected: cellContent(observation) }));
	return {
		cells: expected.size,
		correct,
		wrong,
		missing,
		extra,
		score: expected.size === 0 ? 0 : correct / expected.size,
	};
}
