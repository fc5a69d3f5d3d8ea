/** Any origin of our own will do: a path is resolved against it and must stay on it. */
const SITE = "https://dsm-academy.invalid";

/** Control characters, white space (U+3000 included) and backslashes: a browser drops or reads them as `/`. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\u0000-\u001f\u007f\s\\]/u;

/**
 * A path on this site to go to after login or a switch of language; anything else falls back.
 * The path is parsed against the site's own origin, as a browser would resolve it, and then
 * checked once more with its percent-escapes decoded, since the client-side router decodes them
 * (`/%09/evil.example` would become `//evil.example`). The result is the parsed path, query and
 * fragment: always a valid header value.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
	if (typeof to !== "string" || !to.startsWith("/") || UNSAFE.test(to)) return fallback;
	let url: URL;
	try {
		url = new URL(to, SITE);
	} catch {
		return fallback;
	}
	if (url.origin !== SITE) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(url.pathname);
	} catch {
		return fallback;
	}
	if (UNSAFE.test(decoded) || decoded.startsWith("//") || url.pathname.startsWith("//")) return fallback;
	return url.pathname + url.search + url.hash;
}

/** The highest page a list may be asked for; far beyond any real list, and a safe offset for the database. */
const MAX_PAGE = 100_000;

/**
 * The `page` of a list's address: 1 when absent, else a whole number from 1 to MAX_PAGE. Anything
 * else (`1e308`, `-1`, `two`) is a 400 page saying the address is wrong, not a failed query.
 */
export function pageParam(url: URL, name = "page"): number {
	const raw = url.searchParams.get(name);
	if (raw === null || raw === "") return 1;
	if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
		throw new Response(`"${name}" must be a whole number from 1 to ${MAX_PAGE}`, {
			status: 400,
			statusText: "Bad Request",
		});
	}
	return Number(raw);
}
