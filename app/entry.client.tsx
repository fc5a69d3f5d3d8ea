import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LANGUAGE, I18nProvider, isLanguage } from "./utils/i18n";
import { loadCatalogue } from "./utils/i18n.client";

// The page is rendered in one language (its <html lang>); only that
// language's catalogue is downloaded, as its own cacheable chunk.
async function hydrate() {
	const lang = document.documentElement.lang;
	const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
	const catalogue = await loadCatalogue(language);
	startTransition(() => {
		hydrateRoot(
			document,
			<StrictMode>
				<I18nProvider language={language} catalogue={catalogue}>
					<RemixBrowser />
				</I18nProvider>
			</StrictMode>,
		);
	});
}

void hydrate();
