import type { RenderedContent } from "~/components/content/content-body";
import { currentRequest } from "./request-context.server";

/**
 * The rendered content as the loader returns it: on a page load its HTML is held for the
 * server's render (entry.server.tsx) and left out of the loader data, so that it is not sent a
 * second time inside the page's script; on a `.data` fetch, or without a request context (a
 * test calling the loader), it is returned whole.
 */
export function sendOnce(content: RenderedContent): RenderedContent {
	return content.html === null ? content : { ...content, ...sendHtmlOnce(content.html) };
}

/** Any HTML the page renders as it is (the cohort dashboard's table), sent once in the same way. */
export function sendHtmlOnce(html: string): { html: string | null; held?: string } {
	const request = currentRequest();
	if (!request?.document) return { html };
	request.held ??= new Map();
	const key = `content-${request.held.size}`;
	request.held.set(key, html);
	return { html: null, held: key };
}
