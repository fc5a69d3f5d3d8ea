import { describe, expect, it } from "vitest";
import en from "~/locales/en.json";
import ru from "~/locales/ru.json";
import { createTranslator, type Catalogue } from "./i18n";
import { languageFromAcceptLanguage, resolveLanguage } from "./i18n.server";

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of a catalogue, plural forms folded into their base key. */
function keys(catalogue: Catalogue, prefix = ""): Set<string> {
	const found = new Set<string>();
	for (const [key, value] of Object.entries(catalogue)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (typeof value === "string") found.add(path.replace(PLURAL, ""));
		else for (const nested of keys(value, path)) found.add(nested);
	}
	return found;
}

function pluralForms(catalogue: Catalogue, prefix = ""): Map<string, Set<string>> {
	const forms = new Map<string, Set<string>>();
	for (const [key, value] of Object.entries(catalogue)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (typeof value !== "string") {
			for (const [k, v] of pluralForms(value, path)) forms.set(k, v);
		} else if (PLURAL.test(path)) {
			const base = path.replace(PLURAL, "");
			forms.set(base, (forms.get(base) ?? new Set()).add(path.match(PLURAL)![1]!));
		}
	}
	return forms;
}

describe("catalogues", () => {
	it("have the same keys in English and Russian", () => {
		const english = keys(en);
		const russian = keys(ru);
		expect(
			[...english].filter((k) => !russian.has(k)),
			"missing in ru.json",
		).toEqual([]);
		expect(
			[...russian].filter((k) => !english.has(k)),
			"missing in en.json",
		).toEqual([]);
	});

	it("give every plural the forms its language needs", () => {
		for (const [key, forms] of pluralForms(en)) expect([...forms].sort(), `en ${key}`).toEqual(["one", "other"]);
		for (const [key, forms] of pluralForms(ru))
			expect([...forms].sort(), `ru ${key}`).toEqual(["few", "many", "one", "other"]);
	});

	it("have no empty strings", () => {
		const empty = (c: Catalogue): boolean =>
			Object.values(c).some((v) => (typeof v === "string" ? !v.trim() : empty(v)));
		expect(empty(en)).toBe(false);
		expect(empty(ru)).toBe(false);
	});
});

describe("translator", () => {
	it("fills values and picks Russian plural forms", () => {
		const t = createTranslator("ru", ru);
		expect(t("home.admin.users", { count: 1 })).toBe("1 пользователь");
		expect(t("home.admin.users", { count: 3 })).toBe("3 пользователя");
		expect(t("home.admin.users", { count: 11 })).toBe("11 пользователей");
		expect(t("profile.signedInAs", { email: "a@b.c" })).toBe("Вы вошли как a@b.c.");
	});

	it("writes numbers as the language does", () => {
		const values = { percent: 18, score: 1.83, max: 10, count: 10, passMark: 70 };
		expect(createTranslator("ru", ru)("quiz.resultFailed", values)).toContain("(1,83 из 10 баллов;");
		expect(createTranslator("en", en)("quiz.resultFailed", values)).toContain("(1.83 of 10 marks;");
		expect(createTranslator("ru", ru)("quiz.resultFailed", { ...values, max: 1, count: 1, score: 0.5 })).toContain(
			"(0,5 из 1 балла;",
		);
		expect(createTranslator("ru", ru)("home.admin.users", { count: 18_220 })).toBe("18\u00a0220 пользователей");
		// Four digits are not grouped, so a year reads 2026 in both languages.
		expect(createTranslator("ru", ru)("home.admin.users", { count: 1822 })).toBe("1822 пользователя");
		expect(createTranslator("en", en)("home.admin.users", { count: 2026 })).toBe("2026 users");
	});

	it("never gives one word two meanings on a review line: a grade is not an answer True or False", () => {
		for (const [language, catalogue] of [
			["en", en],
			["ru", ru],
		] as const) {
			const t = createTranslator(language, catalogue);
			const answers = new Set([t("quiz.true"), t("quiz.false")]);
			for (const state of ["correct", "partial", "incorrect", "unanswered"]) {
				expect(answers.has(t(`quiz.state.${state}`)), `${language} quiz.state.${state}`).toBe(false);
			}
		}
	});

	it("shows a missing key rather than nothing", () => {
		expect(createTranslator("en", en)("no.such.key")).toBe("no.such.key");
		expect(createTranslator("en", en)("no.such.key", { count: 2 })).toBe("no.such.key");
		expect(createTranslator("en", en)("nav")).toBe("nav");
	});

	it("fills every value by name, a number as the language writes it, an unknown one with nothing", () => {
		const t = createTranslator("ru", {
			a: { b: "{{name}} и {{ name }}: {{total}}, {{none}}." },
			n_one: "{{count}} модуль",
			n_few: "{{count}} модуля",
			n_many: "{{count}} модулей",
		});
		expect(t("a.b", { name: "<Имя>", total: 12500.5 })).toBe("<Имя> и <Имя>: 12\u00a0500,5, .");
		expect(t("n", { count: 1 })).toBe("1 модуль");
		expect(t("n", { count: 3 })).toBe("3 модуля");
		expect(t("n", { count: 25 })).toBe("25 модулей");
		expect(t("a.b")).toBe("{{name}} и {{ name }}: {{total}}, {{none}}.");
	});
});

describe("language of a request", () => {
	it("prefers the user's setting, then the cookie, then Accept-Language", () => {
		const request = new Request("http://x/", { headers: { Cookie: "dsm_lang=ru", "Accept-Language": "en" } });
		expect(resolveLanguage(request, { language: "en" })).toBe("en");
		expect(resolveLanguage(request)).toBe("ru");
		expect(resolveLanguage(new Request("http://x/", { headers: { "Accept-Language": "ru-RU,ru;q=0.9" } }))).toBe("ru");
	});

	it("reads Accept-Language by quality", () => {
		expect(languageFromAcceptLanguage("de-DE,de;q=0.9,ru;q=0.8,en;q=0.7")).toBe("ru");
		expect(languageFromAcceptLanguage("kk, ru;q=0.5, en;q=0.9")).toBe("en");
		expect(languageFromAcceptLanguage("ru;q=0, en")).toBe("en");
		expect(languageFromAcceptLanguage("uz")).toBe("en");
		expect(languageFromAcceptLanguage(null)).toBe("en");
	});
});
