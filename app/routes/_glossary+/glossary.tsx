import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SentenceWith, unmarkedTextLang } from "~/components/content/content-body";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { glossaryByLetter } from "~/domain/content/glossary";
import { getUser } from "~/utils/auth.server";
import { getGlossary } from "~/utils/content.server";
import { catalogues, resolveLanguage } from "~/utils/i18n.server";
import { createTranslator, INTL_LOCALES, useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";

/**
 * The curriculum's term list, content/glossary/terms.yaml, from memory: open to everyone, signed
 * in or not, since lessons link their terms here (/glossary#<id>). Alphabetical in the reader's
 * language, each term with its form in the other language, abbreviation, definition and source.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const language = resolveLanguage(request, await getUser(request));
	const groups = glossaryByLetter(await getGlossary(), language, INTL_LOCALES[language]);
	return {
		title: createTranslator(language, catalogues[language])("glossary.title"),
		count: groups.reduce((sum, group) => sum + group.entries.length, 0),
		groups: groups.map(({ letter, entries }) => ({
			letter,
			entries: entries.map((entry) => ({
				...entry,
				source: { text: entry.source, lang: unmarkedTextLang(entry.source, language) },
			})),
		})),
	};
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export default function GlossaryPage() {
	const { count, groups } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="narrow stack-large">
			<header>
				<h1>{t("glossary.title")}</h1>
				<p className="lead">{t("glossary.intro")}</p>
				<p className="muted">{t("glossary.count", { count })}</p>
			</header>
			{groups.length ? (
				<nav aria-label={t("glossary.letters")}>
					<ul className="letter-index">
						{groups.map(({ letter }) => (
							<li key={letter}>
								<a href={`#letter-${letter}`}>{letter}</a>
							</li>
						))}
					</ul>
				</nav>
			) : (
				<p>{t("glossary.empty")}</p>
			)}
			{groups.map(({ letter, entries }) => (
				<section key={letter} aria-labelledby={`letter-${letter}`}>
					<h2 id={`letter-${letter}`} className="glossary__letter">
						{letter}
					</h2>
					<dl className="glossary">
						{entries.map((entry) => (
							<div key={entry.id} id={entry.id} className="glossary__entry">
								<dt>
									<dfn>{entry.term}</dfn>
									{entry.abbr ? <span className="glossary__abbr"> ({entry.abbr})</span> : null}
								</dt>
								<dd className="glossary__other">
									{t(`glossary.in.${entry.other.lang}`)}{" "}
									<span lang={entry.other.lang}>
										{entry.other.term}
										{entry.other.abbr ? ` (${entry.other.abbr})` : ""}
									</span>
								</dd>
								<dd>{entry.definition}</dd>
								{entry.note ? <dd className="glossary__note">{entry.note}</dd> : null}
								<dd className="glossary__source">
									<SentenceWith i18nKey="glossary.source" name="source" value={entry.source} />
								</dd>
							</div>
						))}
					</dl>
				</section>
			))}
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
