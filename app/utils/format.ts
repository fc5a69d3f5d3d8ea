import { INTL_LOCALES, useTranslation } from "./i18n";

/** Dates and numbers formatted for the interface language. */
export function useFormat() {
	const { language } = useTranslation();
	const locale = INTL_LOCALES[language];
	return {
		date: (value: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value)),
		dateTime: (value: Date | string) =>
			new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value)),
		/** A calendar day (`2026-12-01`, or a date at 00:00 UTC), the same wherever the reader is. */
		day: (value: Date | string) =>
			new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(value)),
		number: (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value),
		percent: (value: number) =>
			new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value),
	};
}
