import { INTL_LOCALES, useTranslation, type Language } from "./i18n";

const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar day (`2026-12-01`, or a date at 00:00 UTC), the same wherever the reader is; usable outside React. */
export function formatDay(value: Date | string, language: Language) {
	let format = dayFormats.get(language);
	if (!format) {
		format = new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: "medium", timeZone: "UTC" });
		dayFormats.set(language, format);
	}
	return format.format(new Date(value));
}

/** Dates and numbers formatted for the interface language. */
export function useFormat() {
	const { language } = useTranslation();
	const locale = INTL_LOCALES[language];
	return {
		date: (value: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value)),
		time: (value: Date | string) => new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(new Date(value)),
		dateTime: (value: Date | string) =>
			new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value)),
		day: (value: Date | string) => formatDay(value, language),
		number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
		percent: (value: number) =>
			new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value),
		/** "2, 5 and 7", "2, 5 и 7". */
		list: (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items),
	};
}
