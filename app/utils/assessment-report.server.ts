import crypto from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportBody, type ReportBodyProps } from "~/components/assessment/report-body";
import { I18nProvider, type Language } from "./i18n";
import { catalogues } from "./i18n.server";

/**
 * The readiness report's body as HTML, rendered by React once per change of what it shows and kept
 * (docs/decisions/0117): the report is read many times between two answers, and React rendered its
 * 50 kB on every request, a third of the page's CPU. The key is a hash of everything the body shows,
 * so a changed answer, target, previous year, lesson title or language renders it anew.
 */
export function reportBodyHtml(props: ReportBodyProps, language: Language): string {
	const key = crypto
		.createHash("sha256")
		.update(JSON.stringify([language, props]))
		.digest("base64url");
	let html = rendered.get(key);
	if (html === undefined) {
		html = renderToStaticMarkup(
			createElement(I18nProvider, {
				language,
				catalogue: catalogues[language],
				children: createElement(ReportBody, props),
			}),
		);
		if (rendered.size >= MAX_KEPT) rendered.delete(rendered.keys().next().value!);
	} else rendered.delete(key);
	// The last asked for goes last, so the oldest is the first to go.
	rendered.set(key, html);
	return html;
}

/** A report is about 50 kB of HTML: a few agencies' reports in both languages. */
const MAX_KEPT = 100;
const rendered = new Map<string, string>();
