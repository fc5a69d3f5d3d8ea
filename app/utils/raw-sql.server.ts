/**
 * Values as raw reads return them on either database (`$queryRaw`, `readRows`). Raw SQL is kept
 * for the reads every page makes, where Prisma's query compiler and client cost more than the
 * query (docs/decisions/0094, 0097): the session check, the home page's cohort cards, the
 * dashboard's aggregates.
 */

/** A DateTime column: a Date on PostgreSQL and mostly on SQLite, ISO text or epoch ms where SQLite loses the column's type. */
export function sqlDateOrNull(value: unknown): Date | null {
	if (value === null || value === undefined) return null;
	const date = value instanceof Date ? value : new Date(typeof value === "number" ? value : String(value));
	return Number.isNaN(date.getTime()) ? null : date;
}

/** A DateTime column that cannot be null; an unreadable one is the epoch, never a date far ahead. */
export function sqlDate(value: unknown): Date {
	return sqlDateOrNull(value) ?? new Date(0);
}
