/** Every text a trainee reads exists in the platform's two languages. */
export type Localized = { readonly en: string; readonly ru: string };

export type Language = keyof Localized;
