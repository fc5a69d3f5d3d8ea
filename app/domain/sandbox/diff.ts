import { ATTRIBUTES, type AttributeId } from "../dsm/model";
import type { Observation } from "../dsm/observation";
import { formatValueCell } from "../dsm/xlsx-layout";
import { cellKey } from "./cells";

/**
 * Two revisions compared cell by cell (the first observation of each key, as the validator's
 * UNIQUE keeps): cells added, removed, and changed in their value, status, confidentiality or
 * another attribute. In key order of the newer revision, then the removed ones.
 */
export type CellState = { readonly text: string; readonly observation: Observation };

export type CellChange = {
	readonly key: string;
	readonly kind: "added" | "removed" | "changed";
	readonly before?: CellState;
	readonly after?: CellState;
	/** The attributes (besides value, OBS_STATUS and CONF_STATUS, which the text shows) that differ. */
	readonly attributes: readonly AttributeId[];
	readonly actionChanged: boolean;
};

export type Comparison = {
	readonly changes: readonly CellChange[];
	readonly added: number;
	readonly removed: number;
	readonly changed: number;
	readonly unchanged: number;
};

const textOf = (o: Observation) => String(formatValueCell(o.value, o.attributes.OBS_STATUS, o.attributes.CONF_STATUS));

function firstByKey(observations: readonly Observation[]): Map<string, Observation> {
	const byKey = new Map<string, Observation>();
	for (const observation of observations) {
		const key = cellKey(observation);
		if (!byKey.has(key)) byKey.set(key, observation);
	}
	return byKey;
}

const SHOWN_IN_TEXT: ReadonlySet<AttributeId> = new Set(["OBS_STATUS", "CONF_STATUS"]);

export function compareContents(before: readonly Observation[], after: readonly Observation[]): Comparison {
	const old = firstByKey(before);
	const current = firstByKey(after);
	const changes: CellChange[] = [];
	let unchanged = 0;
	for (const [key, observation] of current) {
		const previous = old.get(key);
		const afterState = { text: textOf(observation), observation };
		if (!previous) {
			changes.push({ key, kind: "added", after: afterState, attributes: [], actionChanged: false });
			continue;
		}
		const attributes = ATTRIBUTES.filter(
			(attribute) =>
				!SHOWN_IN_TEXT.has(attribute) && previous.attributes[attribute] !== observation.attributes[attribute],
		);
		const beforeState = { text: textOf(previous), observation: previous };
		const actionChanged = previous.action !== observation.action;
		if (beforeState.text === afterState.text && attributes.length === 0 && !actionChanged) unchanged += 1;
		else changes.push({ key, kind: "changed", before: beforeState, after: afterState, attributes, actionChanged });
	}
	for (const [key, observation] of old)
		if (!current.has(key))
			changes.push({
				key,
				kind: "removed",
				before: { text: textOf(observation), observation },
				attributes: [],
				actionChanged: false,
			});
	const count = (kind: CellChange["kind"]) => changes.filter((change) => change.kind === kind).length;
	return { changes, added: count("added"), removed: count("removed"), changed: count("changed"), unchanged };
}
