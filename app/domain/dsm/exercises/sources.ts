/**
 * Raw records of a fictional state's agencies, the kind a trainee aggregates into the DSM
 * indicators: a residence register extract, a border-crossing log, asylum case records.
 * Dates are ISO (YYYY-MM-DD); an unknown birth date is empty; sex is F, M or U (unknown).
 */
export type RecordedSex = "F" | "M" | "U";

export type RegisterEntry = {
	readonly personId: string;
	readonly citizenship: string;
	readonly sex: RecordedSex;
	readonly birthDate: string;
	readonly registeredFrom: string;
	/** Last day of registration; empty while still registered. */
	readonly registeredUntil: string;
	readonly permit: "TEMPORARY" | "PERMANENT";
};

export type BorderCrossing = {
	readonly crossingId: string;
	readonly date: string;
	readonly direction: "IN" | "OUT";
	readonly personId: string;
	readonly citizenship: string;
	readonly sex: RecordedSex;
	readonly birthDate: string;
	readonly checkpoint: string;
};

export type AsylumOutcome = "GENCONV" | "SUB_PROT" | "HUMSTAT" | "REJECTED";

export type AsylumCase = {
	readonly caseId: string;
	readonly citizenship: string;
	readonly sex: RecordedSex;
	readonly birthDate: string;
	readonly lodged: string;
	readonly applicantType: "FIRST" | "SUBSEQ";
	readonly firstDecisionDate: string;
	readonly firstDecision: AsylumOutcome | "";
	readonly finalDecisionDate: string;
	readonly finalDecision: AsylumOutcome | "";
};

export type Sources = {
	readonly residenceRegister: readonly RegisterEntry[];
	readonly borderCrossings: readonly BorderCrossing[];
	readonly asylumCases: readonly AsylumCase[];
};
