import type { ReactNode } from "react";
import { HELD_ATTRIBUTE, useHeldHtml } from "~/utils/held-content";
import { useTranslation, type Language } from "~/utils/i18n";

/**
 * Content in the reader's language, or in English with a notice where the Russian is not yet
 * written (docs/decisions/0040-bilingual-content.md "Fallback is visible"). English shown on a
 * Russian page carries `lang="en"`, so that screen readers switch voice.
 */

/**
 * A rendered MDX file: its HTML, its language, and whether it stands in for a missing translation.
 * On a page load the HTML is null and `held` names it: it is in the page, not in the data
 * (app/utils/held-content.ts).
 */
export type RenderedContent = { html: string | null; held?: string; lang: Language; fallback: boolean };

/** A text of the frontmatter; `lang` is set when it is shown in another language than the page's. */
export type LocalizedText = { text: string; lang?: Language };

/**
 * The `lang` of a text whose language is not recorded (a source's title, a document's name) on a
 * page in `language`: English when a Russian page shows it without a Cyrillic letter.
 */
export function unmarkedTextLang(text: string, language: Language): Language | undefined {
	return language === "ru" && !/\p{Script=Cyrillic}/u.test(text) ? "en" : undefined;
}

/** Says that what follows is shown in English because it is not yet translated. */
export function UntranslatedNotice({ of = "text" }: { of?: "text" | "questions" }) {
	const { t } = useTranslation();
	return (
		<p className="untranslated" role="note">
			{t(of === "questions" ? "content.untranslatedQuestions" : "content.untranslated")}
		</p>
	);
}

/** A lesson, introduction, guide or track body, with the notice above it when it is the English stand-in. */
export function ContentBody({ content, className = "prose" }: { content: RenderedContent; className?: string }) {
	const html = useHeldHtml(content.html, content.held);
	return (
		<div className={className}>
			{content.fallback ? <UntranslatedNotice /> : null}
			<div lang={content.lang} {...{ [HELD_ATTRIBUTE]: content.held }} dangerouslySetInnerHTML={{ __html: html }} />
		</div>
	);
}

/** A piece of content shown in another language than the page's, marked so. */
export function InLanguage({ lang, children }: { lang?: Language; children: ReactNode }) {
	return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

/** A frontmatter text, `lang="en"` where the Russian is missing. */
export function Localized({ value }: { value: LocalizedText }) {
	return <InLanguage lang={value.lang}>{value.text}</InLanguage>;
}

/**
 * An interface sentence with a frontmatter text in it (`Next section: {{title}}`), the text marked
 * with its own language when that is not the page's.
 */
export function SentenceWith({ i18nKey, name, value }: { i18nKey: string; name: string; value: LocalizedText }) {
	const { t } = useTranslation();
	const mark = "\u0001";
	const [before = "", after = ""] = t(i18nKey, { [name]: mark }).split(mark);
	return (
		<>
			{before}
			<Localized value={value} />
			{after}
		</>
	);
}
