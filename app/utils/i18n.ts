import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";

/**
 * The interface's strings (docs/decisions/0105-flat-translation-table.md). Keys are dotted paths
 * into app/locales/<language>.json; `{{name}}` is replaced by `values.name`; a `count` value picks
 * the plural form `key_one`, `key_few`, `key_many` or `key_other` by the language's plural rules.
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
	const table = flatten(catalogue);
	const plurals = new Intl.PluralRules(INTL_LOCALES[language]);
	const numbers = new Intl.NumberFormat(INTL_LOCALES[language], { maximumFractionDigits: 2, useGrouping: "min2" });
	return (key, values) => {
		if (!values) return table.get(key) ?? key;
		// Numbers are written as the language writes them: "1,83" and "12 500" in Russian; four
		// digits are not grouped, so a year reads 2026 in both languages.
		const shown = formatNumbers(values, numbers);
		const text =
			(typeof values.count === "number" &&
				(table.get(`${key}_${plurals.select(values.count)}`) ?? table.get(`${key}_other`))) ||
			table.get(key);
		// A missing key shows itself, so it is seen and fixed, never blank.
		return text === undefined ? key : fill(text, shown);
	};
}

/** The catalogue as one table from each dotted key to its text, made once per translator. */
function flatten(catalogue: Catalogue, prefix = "", table = new Map<string, string>()) {
	for (const name in catalogue) {
		const entry = catalogue[name]!;
		if (typeof entry === "string") table.set(prefix + name, entry);
		else flatten(entry, `${prefix}${name}.`, table);
	}
	return table;
}

/** `{{name}}` replaced by the value of that name; an unknown name by nothing. */
function fill(text: string, values: TranslateValues) {
	if (!text.includes("{{")) return text;
	return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

function formatNumbers(values: TranslateValues, numbers: Intl.NumberFormat): TranslateValues {
	let shown: TranslateValues | undefined;
	for (const name in values) {
		const value = values[name];
		if (typeof value === "number") (shown ??= { ...values })[name] = numbers.format(value);
	}
	return shown ?? values;
}

/**
 * The catalogues this process has: both on the server (i18n.server.ts registers them), the
 * page's own in the browser, and another once the language changes (i18n.client.ts loads it
 * before the page renders in it). Meta functions, which have no React context, translate
 * through it too (meta.ts).
 */
const registry = new Map<Language, { catalogue: Catalogue; translate?: Translate }>();

export function registerCatalogue(language: Language, catalogue: Catalogue) {
	registry.set(language, { catalogue });
}

export function catalogueOf(language: Language): Catalogue | undefined {
	return registry.get(language)?.catalogue;
}

/** The translator of a registered language; keys stand for themselves until its catalogue is there. */
export function translatorFor(language: Language): Translate {
	const entry = registry.get(language);
	if (!entry) return (key) => key;
	return (entry.translate ??= createTranslator(language, entry.catalogue));
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
	const value = useMemo(() => ({ language, t: translatorOf(language, catalogue) }), [language, catalogue]);
	return createElement(I18nContext.Provider, { value }, children);
}

/**
 * One translator per catalogue and language: the server renders every page anew, and a translator
 * costs two Intl objects and a table to make.
 */
const translators = new WeakMap<Catalogue, Partial<Record<Language, Translate>>>();
function translatorOf(language: Language, catalogue: Catalogue): Translate {
	let made = translators.get(catalogue);
	if (!made) translators.set(catalogue, (made = {}));
	return (made[language] ??= createTranslator(language, catalogue));
}

/**
 * Renders its children in `language` when its catalogue is registered, else in the language
 * around it. The root layout wraps the page in it with the language of the root loader, so a
 * page that changes the language without a reload (a Russian user logging in on an English
 * login page) renders in the new one: the root's clientLoader has loaded its catalogue by then.
 */
export function LanguageProvider({ language, children }: { language: Language | undefined; children: ReactNode }) {
	const around = useContext(I18nContext);
	const chosen = language && catalogueOf(language) ? language : around.language;
	const t = chosen === around.language ? around.t : translatorFor(chosen);
	// Always the same element, so that a change of language re-renders the page but never remounts it.
	const value = useMemo(() => ({ language: chosen, t }), [chosen, t]);
	return createElement(I18nContext.Provider, { value }, children);
}

/** The translator and the language of the page. */
export function useTranslation() {
	return useContext(I18nContext);
}
