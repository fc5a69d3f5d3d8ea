import { createContext, useContext } from "react";
import type { Language } from "~/utils/i18n";

/**
 * The language of the questions' texts when it is not the page's: an English bank shown to a
 * Russian reader (docs/decisions/0040-bilingual-content.md "Fallback is visible"). Every text of
 * the bank then carries `lang`, the page's own words around it do not.
 */
const TextLanguage = createContext<Language | undefined>(undefined);

export const TextLanguageProvider = TextLanguage.Provider;

/** The `lang` a text of the bank carries: undefined when it is in the page's language. */
export function useTextLanguage() {
	return useContext(TextLanguage);
}

/**
 * A question's or feedback's text. Shown as text (React escapes it): GIFT
 * files may come from anywhere, and the house content is plain. Line breaks
 * are kept.
 */
export function RichTextView({ text, as: Tag = "span" }: { text: { text: string }; as?: "span" | "p" | "div" }) {
	const lang = useTextLanguage();
	return (
		<Tag className="rich-text" lang={lang}>
			{text.text}
		</Tag>
	);
}
