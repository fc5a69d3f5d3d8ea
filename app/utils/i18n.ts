import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";
import rosetta from "rosetta";

/**
 * The interface's strings, through rosetta (~300 bytes in the browser;
 * docs/decisions/0004-i18n-with-rosetta.md). Keys are dotted paths into
 * app/locales/<language>.json; `{{name}}` is replaced by `values.name`; a
 * `count` value picks the plural form `key_one`, `key_few`, `key_many` or
 * `key_other` by the language's plural rules.
 */

export const LANGUAGES = ["en", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";
export const LANGUAGE_COOKIE = "dsm_lang";

/** Names of the languages in themselves, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ru: "Русский" };

/** The locale Intl formats dates and numbers with. */
export const INTL_LOCALES: Record<Language, string> = { en: "en-GB", ru: "ru-RU" };

export function isLanguage(value: unknown): value is Language {
	return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export type Catalogue = { [key: string]: string | Catalogue };
export type TranslateValues = Record<string, string | number>;
export type Translate = (key: string, values?: TranslateValues) => string;

export function createTranslator(language: Language, catalogue: Catalogue): Translate {
	const table = rosetta({ [language]: catalogue });
	table.locale(language);
	const plurals = new Intl.PluralRules(INTL_LOCALES[language]);
	return (key, values) => {
		if (values && typeof values.count === "number") {
			const form = table.t(`${key}_${plurals.select(values.count)}`, values);
			if (form) return form;
			const other = table.t(`${key}_other`, values);
			if (other) return other;
		}
		// A missing key shows itself, so it is seen and fixed, never blank.
		return table.t(key, values) || key;
	};
}

type I18n = { language: Language; t: Translate };

const I18nContext = createContext<I18n>({ language: DEFAULT_LANGUAGE, t: (key) => key });

export function I18nProvider({
	language,
	catalogue,
	children,
}: {
	language: Language;
	catalogue: Catalogue;
	children: ReactNode;
}) {
	const value = useMemo(() => ({ language, t: createTranslator(language, catalogue) }), [language, catalogue]);
	return createElement(I18nContext.Provider, { value }, children);
}

/** The translator and the language of the page. */
export function useTranslation() {
	return useContext(I18nContext);
}
