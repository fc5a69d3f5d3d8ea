import { createContext, useContext, useMemo } from "react";

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
