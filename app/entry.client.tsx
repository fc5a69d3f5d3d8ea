import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LANGUAGE, I18nProvider, isLanguage, type Catalogue } from "./utils/i18n";

// The page is rendered in one language (its <html lang>); only that
// language's catalogue is downloaded, as its own cacheable chunk.
const catalogues = import.meta.glob<{ default: Catalogue }>("./locales/*.json");

async function hydrate() {
	const lang = document.documentElement.lang;
	const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
	const catalogue = await catalogues[`./locales/${language}.json`]!();
	startTransition(() => {
		hydrateRoot(
			document,
			<StrictMode>
				<I18nProvider language={language} catalogue={catalogue.default}>
					<RemixBrowser />
				</I18nProvider>
			</StrictMode>,
		);
	});
}

void hydrate();
