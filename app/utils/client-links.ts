import { useLocation, useNavigate } from "@remix-run/react";
import { useCallback, type MouseEvent } from "react";

/*
 * Links written as plain anchors and followed by the client router: the links of a held text
 * (a lesson, a dashboard's tables), and the site's and a cohort's navigation lists, which are on
 * every page and cost the server a microsecond a link where a <NavLink> costs about twenty
 * (docs/decisions/0111-navigation-as-plain-links.md). Without JavaScript they are ordinary links.
 */

/**
 * A click handler for an element with plain links in it: a plain click on one of its links to a
 * page of the app goes through the client router, as a <Link> would (replacing the history entry
 * when the link is to the page shown); any other click (a new tab, a download, mailto:, another
 * site) is the browser's.
 */
export function useClientLinks() {
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
			const to = url.pathname + url.search + url.hash;
			const here = window.location.pathname + window.location.search + window.location.hash;
			navigate(to, { replace: to === here });
		},
		[navigate],
	);
}

/** `aria-current` for a navigation link: "page" where the page shown is the link's or, unless `end`, below it. */
export function useCurrentPage() {
	const { pathname } = useLocation();
	return (to: string, { end = false } = {}) => (isCurrentPage(pathname, to, end) ? "page" : undefined);
}

/** Whether `pathname` is the page `to` or, unless `end`, one below it, as a <NavLink> tells (without case). */
export function isCurrentPage(pathname: string, to: string, end = false): boolean {
	const here = pathname.toLowerCase();
	const link = to.length > 1 ? to.toLowerCase().replace(/\/+$/, "") : to;
	if (here === link || here === `${link}/`) return true;
	return !end && link !== "/" && here.startsWith(`${link}/`);
}
