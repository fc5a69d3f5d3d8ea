/**
 * The numbers of a text, read the way its language writes them (docs/decisions/0041-bilingual-checks.md):
 * English groups thousands with commas and writes decimals with a point (`1,250`, `12.5`); Russian
 * groups with a space, a no-break space or a thin space and writes decimals with a comma (`1 250`,
 * `12,5`). A run of three or more parts joined by points (`1.0.0`, `01.12.2026`) is a code or a
 * date, read as its parts in either language. Two parts joined by a point (`1.1`, an outline
 * number or an English decimal left as it is) read the same in both, so they agree. Signs are not
 * read: `−5` and a dash before a number look alike.
 */

export type NumberLocale = "en" | "ru";

const GROUP_SPACE = "[ \\u00A0\\u202F\\u2009]";

const PATTERNS: Record<NumberLocale, RegExp> = {
	en: /(?<!\d)(?:(?<dotted>\d+(?:\.\d+){2,})|(?<grouped>\d{1,3}(?:,\d{3})+(?:\.\d+)?)|(?<plain>\d+(?:\.\d+)?))(?!\d)/gu,
	ru: new RegExp(
		`(?<!\\d)(?:(?<dotted>\\d+(?:\\.\\d+){2,})|(?<grouped>\\d{1,3}(?:${GROUP_SPACE}\\d{3})+(?:,\\d+)?)|(?<plain>\\d+(?:[.,]\\d+)?))(?!\\d)`,
		"gu",
	),
};

/** Every number in `text`, in order. */
export function readNumbers(text: string, locale: NumberLocale): number[] {
	return [...text.matchAll(PATTERNS[locale])].flatMap((match) => {
		const { dotted, grouped, plain } = match.groups!;
		if (dotted !== undefined) return dotted.split(".").map(Number);
		const written = (grouped ?? plain)!;
		const canonical =
			locale === "en" ? written.replace(/,/g, "") : written.replace(new RegExp(GROUP_SPACE, "gu"), "").replace(",", ".");
		return [Number(canonical)];
	});
}

/** What one list of numbers has that the other lacks, counting repeats. */
export function numberDifference(
	english: readonly number[],
	russian: readonly number[],
): { missing: number[]; extra: number[] } {
	const remaining = [...russian];
	const missing: number[] = [];
	for (const value of english) {
		const index = remaining.indexOf(value);
		if (index === -1) missing.push(value);
		else remaining.splice(index, 1);
	}
	return { missing, extra: remaining };
}
