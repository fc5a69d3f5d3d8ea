import { catalogueOf, registerCatalogue, type Catalogue, type Language } from "./i18n";

// Each language's catalogue is its own chunk, downloaded when the page is first in that language.
const files = import.meta.glob<{ default: Catalogue }>("../locales/*.json");

/** The catalogue of a language, loaded and registered once; the root's clientLoader waits for it. */
export async function loadCatalogue(language: Language): Promise<Catalogue> {
	const known = catalogueOf(language);
	if (known) return known;
	const catalogue = (await files[`../locales/${language}.json`]!()).default;
	registerCatalogue(language, catalogue);
	return catalogue;
}
