import type { RenderedContent } from "~/components/content/content-body";
import { currentRequest } from "./request-context.server";

/**
 * The rendered content as the loader returns it: on a page load its HTML is held for the
 * server's render (entry.server.tsx) and left out of the loader data, so that it is not sent a
 * second time inside the page's script; on a `.data` fetch, or without a request context (a
 * test calling the loader), it is returned whole.
 */
export function sendOnce(content: RenderedContent): RenderedContent {
	const request = currentRequest();
	if (!request?.document || content.html === null) return content;
	request.held ??= new Map();
	const key = `content-${request.held.size}`;
	request.held.set(key, content.html);
	return { ...content, html: null, held: key };
}
