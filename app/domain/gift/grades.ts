/**
 * The answer weights Moodle accepts (question_bank::fraction_options_full): 0, ±100 % and ±the
 * fractions p/q for q ≤ 6, p/10, 1/q for q ≤ 10 and 1/20. Moodle refuses to import any other
 * weight, so a bank written here stays importable there.
 */
const POSITIVE_GRADES = [
	1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125,
	0.1111111, 0.1, 0.05,
];

/** Moodle's own tolerance when it matches an imported weight to its list. */
const GRADE_TOLERANCE = 0.00001;

export function isMoodleGrade(fraction: number): boolean {
	return fraction === 0 || POSITIVE_GRADES.some((grade) => Math.abs(Math.abs(fraction) - grade) < GRADE_TOLERANCE);
}

/** The closest weight Moodle accepts, as a percentage, to suggest in an error message. */
export function nearestMoodlePercent(fraction: number): string {
	const grades = [0, ...POSITIVE_GRADES.flatMap((grade) => [grade, -grade])];
	const nearest = grades.reduce((best, grade) =>
		Math.abs(grade - fraction) < Math.abs(best - fraction) ? grade : best,
	);
	return formatPercent(nearest);
}

/** `0.3333333` → `33.33333`, `-0.5` → `-50`: a weight as GIFT writes it between `%` signs. */
export function formatPercent(fraction: number): string {
	return String(Number((fraction * 100).toFixed(5)));
}
