import en from "~/locales/en.json";
import ru from "~/locales/ru.json";
import {
	DEFAULT_LANGUAGE,
	isLanguage,
	LANGUAGE_COOKIE,
	LANGUAGES,
	registerCatalogue,
	type Catalogue,
	type Language,
} from "./i18n";

export const catalogues: Record<Language, Catalogue> = { en, ru };
// The server renders either language, and meta functions translate through the registry.
for (const language of LANGUAGES) registerCatalogue(language, catalogues[language]);

/**
 * The interface's strings on the server (file headers, anything made before React renders):
 * imported from here, the catalogues are registered by the time it is called.
 */
export { translatorFor } from "./i18n";

/** The language of a request: the user's setting, else the switcher's cookie, else Accept-Language. */
export function resolveLanguage(request: Request, user?: { language: string } | null): Language {
	if (user && isLanguage(user.language)) return user.language;
	return languageFromCookie(request) ?? languageFromAcceptLanguage(request.headers.get("Accept-Language"));
}

function languageFromCookie(request: Request): Language | null {
	const header = request.headers.get("Cookie") ?? "";
	const match = header.match(new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([a-z]{2})`));
	return match && isLanguage(match[1]) ? match[1] : null;
}

export function languageFromAcceptLanguage(header: string | null): Language {
	if (!header) return DEFAULT_LANGUAGE;
	const ranked = header
		.split(",")
		.map((part) => {
			const [tag = "", ...params] = part.trim().split(";");
			const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
			return { base: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1 };
		})
		.filter((entry) => entry.q > 0)
		.sort((a, b) => b.q - a.q);
	const found = ranked.find((entry) => isLanguage(entry.base));
	return found && isLanguage(found.base) ? found.base : DEFAULT_LANGUAGE;
}

export function languageCookie(language: Language, secure: boolean) {
	const parts = [`${LANGUAGE_COOKIE}=${language}`, "Path=/", "SameSite=Lax", `Max-Age=${60 * 60 * 24 * 365}`];
	if (secure) parts.push("Secure");
	return parts.join("; ");
}

export { LANGUAGES };
