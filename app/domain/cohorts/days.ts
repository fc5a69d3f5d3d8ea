/**
 * Calendar days as ISO text (`2026-12-01`), counted in UTC. A cohort's dates and due dates are
 * days, not instants: a module due on 1 December is overdue from 2 December.
 */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The day of a date, in UTC. */
export function dayOf(date: Date): Day {
	return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a day, as the database stores it. */
export function dateOf(day: Day): Date {
	return new Date(`${day}T00:00:00.000Z`);
}

/** The day, when the text is a real calendar day (2026-02-30 is not); else null. */
export function parseDay(text: string): Day | null {
	const match = DAY.exec(text.trim());
	if (!match) return null;
	const day = `${match[1]}-${match[2]}-${match[3]}`;
	const date = dateOf(day);
	return Number.isNaN(date.getTime()) || dayOf(date) !== day ? null : day;
}

export function addDays(day: Day, days: number): Day {
	return dayOf(new Date(dateOf(day).getTime() + days * MS_PER_DAY));
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: Day, to: Day): number {
	return Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / MS_PER_DAY);
}
