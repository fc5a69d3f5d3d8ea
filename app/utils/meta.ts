import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { DEFAULT_LANGUAGE, isLanguage, translatorFor, type Language, type Translate } from "./i18n";

const SITE = "DSM Academy";

type Loader = (...args: never[]) => unknown;
type Page<L extends Loader> = {
	t: Translate;
	language: Language;
	/** The route's loader data; undefined when the route failed. */
	data: MetaArgs<L>["data"];
};
/** The page's own part of the title, most specific first; null for the site's name alone. */
type Title = string | null | undefined | Array<string | null | undefined>;

/**
 * A route's meta in the page's language: the one way every route names its browser tab
 * (docs/decisions/0084-one-language-per-page.md).
 *
 *     export const meta = pageMeta(({ t }) => t("auth.loginTitle"));
 *     export const meta = pageMeta<typeof loader>(({ t, data }) => [t("learn.quiz.title"), data?.module.title]);
 *
 * The title is the parts given, then "DSM Academy", joined by " · "; a route that failed is
 * titled by its error page ("Page not found · DSM Academy"). `more` adds other tags (robots).
 * The language is the root loader's, as for the page itself; meta runs on the server and in
 * the browser, and both have that language's catalogue by then (i18n.ts, registerCatalogue).
 */
export function pageMeta<L extends Loader = Loader>(title: (page: Page<L>) => Title, more: MetaDescriptor[] = []) {
	return (args: MetaArgs<L>): MetaDescriptor[] => {
		const language = pageLanguage(args.matches);
		const t = translatorFor(language);
		const parts = args.error ? [errorTitle(t, args.error)] : [title({ t, language, data: args.data })].flat();
		return [{ title: [...parts.filter(Boolean), SITE].join(" · ") }, ...more];
	};
}

function pageLanguage(matches: MetaArgs["matches"]): Language {
	const root = matches.find((match) => match.id === "root")?.data as { language?: unknown } | undefined;
	if (isLanguage(root?.language)) return root.language;
	const documentLanguage = typeof document === "undefined" ? undefined : document.documentElement.lang;
	return isLanguage(documentLanguage) ? documentLanguage : DEFAULT_LANGUAGE;
}

function errorTitle(t: Translate, error: unknown) {
	const status = isRouteErrorResponse(error) ? error.status : 500;
	const page = isRouteErrorResponse(error) && error.data === "database-unavailable" ? "database" : status;
	const key = `errors.page.${page}.title`;
	const title = t(key);
	return title === key ? t("errors.page.500.title") : title;
}
