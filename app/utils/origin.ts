/** Methods that never change data; everything else must come from this site. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Sec-Fetch-Site values that say the request was sent by another site's page. */
const FOREIGN_SITES = new Set(["cross-site", "same-site"]);

/**
 * Why a request that changes data is refused as coming from another site, or null when it may go
 * on (docs/decisions/0082-origin-and-headers.md). Browsers send Origin with every POST; a foreign
 * or opaque one (`null`: sandboxed frames, redirects across sites) is refused, and so is a request
 * without Origin whose Sec-Fetch-Site says another site sent it. Clients that send neither, such
 * as scripts with no cookies of a user, may go on: they cannot act for anyone else.
 */
export function crossSiteReason(request: Request): string | null {
	if (SAFE_METHODS.has(request.method)) return null;
	const origin = request.headers.get("Origin");
	if (origin === null) {
		const site = request.headers.get("Sec-Fetch-Site");
		return site && FOREIGN_SITES.has(site) ? `no Origin, Sec-Fetch-Site: ${site}` : null;
	}
	if (origin === "null") return "Origin: null";
	let host: string;
	try {
		host = new URL(origin).host;
	} catch {
		return "a malformed Origin";
	}
	return host === new URL(request.url).host ? null : `Origin: ${origin}`;
}
