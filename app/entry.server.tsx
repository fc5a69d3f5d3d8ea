import crypto from "node:crypto";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { HeldContentProvider } from "./utils/held-content";
import { heldMarkers, pageBody, splicePage } from "./utils/held-content.server";
import { NonceProvider } from "./utils/nonce";
import { pageCollector } from "./utils/page-stream.server";
import type { RequestContext } from "./utils/request-context.server";
import { I18nProvider, isLanguage } from "./utils/i18n";
import { catalogues, resolveLanguage } from "./utils/i18n.server";
import { backfillQuestionVersions } from "./utils/question-versions.server";

const ABORT_DELAY = 5_000;

// Attempts made before question versions were kept get theirs at the start (docs/decisions/0056).
backfillQuestionVersions().then(
	({ updated }) => (updated ? console.log(`Question versions recorded for ${updated} earlier attempts`) : undefined),
	(error: unknown) => console.error("The backfill of question versions failed:", error),
);

// What server.js runs before and after Remix for every request (docs/decisions/0080-request-limits.md),
// and around it: the request's context (docs/decisions/0090-one-context-per-request.md).
export { finishResponse, guardRequest } from "./utils/request-guard.server";
export { runInRequest } from "./utils/request-context.server";
// How server.js sends a page, and gzips one with held texts in it (docs/decisions/0106-held-html-spliced-as-bytes.md).
export { gzipPage, holdsTexts, pageBytes } from "./utils/held-content.server";

declare module "@remix-run/node" {
	// The context server.js makes for each request (app/utils/request-context.server.ts).
	interface AppLoadContext extends Partial<Omit<RequestContext, "clientAddress">> {
		/** The client's IP address, from the socket (or X-Forwarded-For behind a trusted proxy). */
		clientAddress: string;
	}
}

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const rootData = remixContext.staticHandlerContext.loaderData.root as { language?: string } | undefined;
	const language = isLanguage(rootData?.language) ? rootData.language : resolveLanguage(request);
	const nonce = crypto.randomBytes(16).toString("base64");

	responseHeaders.set("Content-Type", "text/html; charset=utf-8");
	responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));

	// The page is rendered whole into memory, then sent as one body: server.js compresses it in one
	// piece (docs/decisions/0092-buffered-render-and-compression.md). Nothing here suspends for long
	// (no deferred data), so streaming the shell first would gain nothing but small chunks.
	return new Promise<Response>((resolve, reject) => {
		const timer = setTimeout(() => abort(), ABORT_DELAY);
		const body = pageCollector((page) => {
			clearTimeout(timer);
			// The held texts were rendered as markers; their bytes go in their place, and the nonce
			// is cut out of the rest. server.js sends the parts as they are, without reading the page
			// back from the Response.
			const { held } = loadContext;
			loadContext.pageParts = held?.size ? splicePage(page, held, nonce) : [page];
			resolve(new Response(pageBody(loadContext.pageParts), { headers: responseHeaders, status: responseStatusCode }));
		});
		let allReady = false;
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={nonce}>
				<I18nProvider language={language} catalogue={catalogues[language]}>
					<HeldContentProvider value={heldMarkers(loadContext.held)}>
						<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
					</HeldContentProvider>
				</I18nProvider>
			</NonceProvider>,
			{
				nonce,
				onAllReady() {
					allReady = true;
					pipe(body);
				},
				onShellError(error: unknown) {
					clearTimeout(timer);
					reject(error);
				},
				onError(error: unknown) {
					responseStatusCode = 500;
					if (allReady) console.error(error);
				},
			},
		);
	});
}

/**
 * The log gets a stack for what is broken, not for what was asked wrongly: a 404, a refused
 * method or any other 4xx is the page's business, a 503 says what failed in one line (db.server.ts
 * logs it), and a request the browser gave up is no error at all.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
	if (request.signal.aborted) return;
	if (isRouteErrorResponse(error)) {
		if (error.status >= 500 && error.status !== 503) {
			console.error(`${request.method} ${new URL(request.url).pathname}: ${error.status} ${error.statusText}`);
		}
		return;
	}
	console.error(error);
};

function contentSecurityPolicy(nonce: string) {
	const development = process.env.NODE_ENV === "development";
	return [
		"default-src 'self'",
		`script-src 'self' 'nonce-${nonce}'`,
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		`connect-src 'self'${development ? " ws:" : ""}`,
		"form-action 'self'",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"object-src 'none'",
	].join("; ");
}
