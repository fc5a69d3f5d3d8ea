import { INTL_LOCALES, useTranslation, type Language } from "./i18n";

/**
 * Intl formatters, made once per language and options: making one costs tens of microseconds
 * (an IT assessment step formats a date for each of its answers, and made a formatter for each:
 * 8 % of the page's CPU), using one a few.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function kept<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) formatters.set(key, (formatter = make()));
	return formatter;
}

const dateTimeFormat = (language: Language, options: Intl.DateTimeFormatOptions) =>
	kept(`date|${language}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(INTL_LOCALES[language], options));

/** A calendar day (`2026-12-01`, or a date at 00:00 UTC), the same wherever the reader is; usable outside React. */
export function formatDay(value: Date | string, language: Language) {
	return dateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(value));
}

/** Dates and numbers formatted for the interface language. */
export function useFormat() {
	const { language } = useTranslation();
	return {
		date: (value: Date | string) => dateTimeFormat(language, { dateStyle: "medium" }).format(new Date(value)),
		time: (value: Date | string) => dateTimeFormat(language, { timeStyle: "short" }).format(new Date(value)),
		dateTime: (value: Date | string) =>
			dateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value)),
		day: (value: Date | string) => formatDay(value, language),
		number: (value: number, options?: Intl.NumberFormatOptions) =>
			kept(
				`number|${language}|${options ? JSON.stringify(options) : ""}`,
				() => new Intl.NumberFormat(INTL_LOCALES[language], options),
			).format(value),
		percent: (value: number) =>
			kept(
				`percent|${language}`,
				() => new Intl.NumberFormat(INTL_LOCALES[language], { style: "percent", maximumFractionDigits: 0 }),
			).format(value),
		/** "2, 5 and 7", "2, 5 и 7". */
		list: (items: string[]) =>
			kept(`list|${language}`, () => new Intl.ListFormat(INTL_LOCALES[language], { type: "conjunction" })).format(
				items,
			),
	};
}
