/**
 * TIME_PERIOD by frequency (DSM.md, "Codelists"): A is YYYY, Q is YYYY-Qn, M is YYYY-MM.
 * Dates are whole UTC days; a period runs from its first day to its last day included.
 */
export type Frequency = "A" | "Q" | "M";

export type Period = {
	readonly frequency: Frequency;
	readonly year: number;
	/** 1 for annual periods, the quarter (1-4) or the month (1-12). */
	readonly index: number;
};

const PATTERNS: ReadonlyArray<readonly [Frequency, RegExp]> = [
	["A", /^(\d{4})$/],
	["Q", /^(\d{4})-Q([1-4])$/],
	["M", /^(\d{4})-(0[1-9]|1[0-2])$/],
];

/** Reads a period in any of the three formats. */
export function parsePeriod(text: string): Period | undefined {
	for (const [frequency, pattern] of PATTERNS) {
		const match = pattern.exec(text);
		if (match) return { frequency, year: Number(match[1]), index: match[2] ? Number(match[2]) : 1 };
	}
	return undefined;
}

export function formatPeriod(period: Period): string {
	if (period.frequency === "A") return String(period.year);
	if (period.frequency === "Q") return `${period.year}-Q${period.index}`;
	return `${period.year}-${String(period.index).padStart(2, "0")}`;
}

const MONTHS_PER_STEP: Readonly<Record<Frequency, number>> = { A: 12, Q: 3, M: 1 };

/** The first day of the period: a stock's reference date. */
export function periodStart(period: Period): Date {
	const month = (period.index - 1) * MONTHS_PER_STEP[period.frequency];
	return new Date(Date.UTC(period.year, month, 1));
}

/** The last day of the period. */
export function periodEnd(period: Period): Date {
	const month = (period.index - 1) * MONTHS_PER_STEP[period.frequency] + MONTHS_PER_STEP[period.frequency];
	return new Date(Date.UTC(period.year, month, 0));
}

export function previousPeriod(period: Period): Period {
	if (period.index > 1) return { ...period, index: period.index - 1 };
	const last = period.frequency === "A" ? 1 : period.frequency === "Q" ? 4 : 12;
	return { frequency: period.frequency, year: period.year - 1, index: last };
}

/** Whole UTC day of a date, so that comparisons ignore the time of day. */
export function utcDay(date: Date): Date {
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
