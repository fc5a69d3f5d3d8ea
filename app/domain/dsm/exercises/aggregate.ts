import type { TableCell } from "../table";
import type { AsylumCase, BorderCrossing, RecordedSex, RegisterEntry } from "./sources";

/**
 * How the raw records become indicator cells: the worked answer of a compile exercise. Only
 * foreigners count (citizenship other than the reporting state); ages are in full years on the
 * reference date (stocks) or the day of the event (flows).
 */

export type Tally = { readonly citizens: readonly string[]; readonly cells: readonly TableCell[] };

const AGE_BANDS: ReadonlyArray<readonly [below: number, code: string]> = [
	[14, "Y_LT14"],
	[18, "Y14-17"],
	[35, "Y18-34"],
	[65, "Y35-64"],
];

/** Full years between a birth date and a day, both YYYY-MM-DD. */
function ageOn(birthDate: string, day: string): number {
	const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
	return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function ageBand(birthDate: string, day: string): string {
	if (birthDate === "") return "UNK";
	const age = ageOn(birthDate, day);
	return AGE_BANDS.find(([below]) => age < below)?.[1] ?? "Y_GE65";
}

const sexCode = (sex: RecordedSex): string => (sex === "U" ? "UNK" : sex);

function tallyOf(cells: TableCell[]): Tally {
	const citizens = [...new Set(cells.map((cell) => cell.codes.CITIZEN ?? ""))].sort();
	return { citizens, cells };
}

/** IND1: foreigners registered on the reference date (registered from that day or before, not ended before it). */
export function foreignersOnReferenceDate(
	register: readonly RegisterEntry[],
	state: string,
	referenceDate: string,
): Tally {
	const present = register.filter(
		(entry) =>
			entry.citizenship !== state &&
			entry.registeredFrom <= referenceDate &&
			(entry.registeredUntil === "" || entry.registeredUntil >= referenceDate),
	);
	return tallyOf(
		present.map((entry) => ({
			codes: { CITIZEN: entry.citizenship, SEX: sexCode(entry.sex), AGE: ageBand(entry.birthDate, referenceDate) },
			count: 1,
		})),
	);
}

/** IND3 (direction IN) and IND4 (OUT) in persons: each foreigner once, as at the first crossing of the year. */
export function personsCrossing(
	log: readonly BorderCrossing[],
	state: string,
	year: number,
	direction: "IN" | "OUT",
): Tally {
	const first = new Map<string, BorderCrossing>();
	for (const crossing of log) {
		if (crossing.direction !== direction || crossing.citizenship === state || !crossing.date.startsWith(`${year}-`))
			continue;
		const seen = first.get(crossing.personId);
		if (!seen || crossing.date < seen.date) first.set(crossing.personId, crossing);
	}
	return tallyOf(
		[...first.values()].map((crossing) => ({
			codes: {
				CITIZEN: crossing.citizenship,
				SEX: sexCode(crossing.sex),
				AGE: ageBand(crossing.birthDate, crossing.date),
			},
			count: 1,
		})),
	);
}

const inYear = (date: string, year: number) => date.startsWith(`${year}-`);

/** IND5: applications lodged in the year, by type of applicant, age on the day of lodging. */
export function asylumApplications(cases: readonly AsylumCase[], state: string, year: number): Tally {
	return tallyOf(
		cases
			.filter((record) => record.citizenship !== state && inYear(record.lodged, year))
			.map((record) => ({
				codes: {
					CITIZEN: record.citizenship,
					SEX: sexCode(record.sex),
					AGE: ageBand(record.birthDate, record.lodged),
					APPLICANT: record.applicantType,
				},
				count: 1,
			})),
	);
}

/** IND6: decisions taken in the year, first instance and final, age on the day of the decision. */
export function asylumDecisions(cases: readonly AsylumCase[], state: string, year: number): Tally {
	const cells: TableCell[] = [];
	for (const record of cases) {
		if (record.citizenship === state) continue;
		const decisions = [
			["FIRST", record.firstDecisionDate, record.firstDecision],
			["FINAL", record.finalDecisionDate, record.finalDecision],
		] as const;
		for (const [instance, date, decision] of decisions) {
			if (decision === "" || !inYear(date, year)) continue;
			const codes = {
				CITIZEN: record.citizenship,
				SEX: sexCode(record.sex),
				AGE: ageBand(record.birthDate, date),
				INSTANCE: instance,
				DECISION: decision,
			};
			cells.push({ codes, count: 1 });
		}
	}
	return tallyOf(cells);
}

/** Cases lodged before the year and not decided at first instance before it, by citizenship and in TOTAL. */
export function pendingCasesAtStart(cases: readonly AsylumCase[], state: string, year: number): Record<string, number> {
	const start = `${year}-01-01`;
	const pending: Record<string, number> = { TOTAL: 0 };
	for (const record of cases) {
		if (record.citizenship === state || record.lodged >= start) continue;
		if (record.firstDecision !== "" && record.firstDecisionDate < start) continue;
		pending[record.citizenship] = (pending[record.citizenship] ?? 0) + 1;
		pending.TOTAL = (pending.TOTAL ?? 0) + 1;
	}
	return pending;
}
