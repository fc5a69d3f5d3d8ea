import type { CellRef, Issue } from "../issues";
import type { DimensionId, IndicatorId } from "../model";
import type { Observation } from "../observation";
import { issueOf, type Rule } from "./rule";

/**
 * What rules that need more than the file are given (DSM.md: "the submitting state, the
 * exercise's time window, the previous period, the other indicators of the same submission").
 * The other indicators are simply the other observations passed to validate().
 */
export type ValidationContext = {
	/** The submitting state (AREA, REVISION). */
	readonly country?: string;
	/** The exercise's time window, as two periods of any frequency, both included (TIME). */
	readonly window?: { readonly from: string; readonly to: string };
	/** "Now", for periods in the future (TIME); defaults to the current date. */
	readonly today?: Date;
	/** Observations of earlier periods, already submitted (CHANGE). */
	readonly previous?: readonly Observation[];
	/** Periods already accepted, per indicator (REVISION). */
	readonly acceptedPeriods?: ReadonlyArray<{ readonly indicator: IndicatorId; readonly period: string }>;
	/** Why accepted periods are being replaced (REVISION). */
	readonly revisionReason?: string;
	/** Asylum cases pending at the start of the period, by CITIZEN code (CROSS-DECISIONS). */
	readonly pendingCasesAtStart?: Readonly<Record<string, number>>;
	/** The submission lists every citizenship, so citizenships add up to TOTAL (ADD-CITIZEN). */
	readonly citizenBreakdownComplete?: boolean;
};

/** An observation prepared once for all rules. */
export type Entry = {
	readonly observation: Observation;
	/** observationCodes(): the indicator, then the dimensions' codes. */
	readonly codes: readonly string[];
	readonly key: string;
	/** The value as a whole number when it is one; undefined when empty or malformed. */
	readonly amount: number | undefined;
	readonly valueState: "number" | "empty" | "invalid";
};

/** Entries that differ only in one dimension, by the rest of their key, then by their code in it. */
export type Slices = ReadonlyMap<string, ReadonlyMap<string, Entry>>;

export type ValidationInput = {
	readonly entries: readonly Entry[];
	/** The first entry of each full key. */
	readonly byKey: ReadonlyMap<string, Entry>;
	/** Computed once per dimension and shared by the rules that compare along it. */
	readonly slices: (dimension: DimensionId) => Slices;
	readonly context: ValidationContext;
};

export type Report = <Params>(rule: Rule<Params>, params: Params, cells: readonly CellRef[]) => void;

export type Check = (input: ValidationInput, report: Report) => void;

export function collectingReport(issues: Issue[]): Report {
	return (rule, params, cells) => {
		issues.push(issueOf(rule, params, cells));
	};
}

/** The cell a person sees for one field of an observation. */
export function cellOf(observation: Observation, column: string): CellRef {
	const { origin } = observation;
	const field = origin.fields?.[column];
	if (field) return field;
	if (origin.sheet) return { sheet: origin.sheet, row: origin.row, column: origin.column ?? column };
	return { row: origin.row, column };
}
