import { useNavigate } from "@remix-run/react";
import { createContext, useCallback, useContext, useMemo, type MouseEvent } from "react";

/**
 * A lesson's HTML goes to the browser once (docs/decisions/0091-lesson-html-sent-once.md). On a
 * page load the loader keeps it out of its data (held-content.server.ts) and the server renders
 * it from here; in the browser, hydration takes it from the page it is already in. A page the
 * client router fetches (`.data`) has it in its data, as before.
 */
const HeldContent = createContext<ReadonlyMap<string, string> | undefined>(undefined);
export const HeldContentProvider = HeldContent.Provider;

/** The attribute that marks the element holding a held text in the page. */
export const HELD_ATTRIBUTE = "data-held";

/** The HTML to show: the data's, else the held one (on the server) or the page's (in the browser). */
export function useHeldHtml(html: string | null, key: string | undefined): string {
	const held = useContext(HeldContent);
	const fromPage = useMemo(() => {
		if (html !== null || key === undefined) return null;
		const served = held?.get(key);
		if (served !== undefined) return served;
		if (typeof document === "undefined") return "";
		return document.querySelector(`[${HELD_ATTRIBUTE}="${key}"]`)?.innerHTML ?? "";
	}, [held, html, key]);
	return html ?? fromPage ?? "";
}

/**
 * A click handler for an element holding HTML written as a string: a plain click on one of its
 * links to a page of the app goes through the client router, as a <Link> would; any other click
 * (a new tab, a download, mailto:, another site) is the browser's. Without JavaScript the links
 * are ordinary ones.
 */
export function useHeldLinks() {
	const navigate = useNavigate();
	return useCallback(
		(event: MouseEvent<HTMLElement>) => {
			if (event.defaultPrevented || event.button !== 0) return;
			if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
			const link = (event.target as Element).closest?.("a[href]");
			if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute("download")) return;
			const url = new URL(link.href);
			if (url.origin !== window.location.origin) return;
			event.preventDefault();
			navigate(url.pathname + url.search + url.hash);
		},
		[navigate],
	);
}
