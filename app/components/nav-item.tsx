import type { ReactNode } from "react";
import { useCurrentPage } from "~/utils/client-links";

/**
 * An item of a navigation list: a plain link, marked as the current page where it is, for the list
 * to send through the client router (useClientLinks on the list's element). A <NavLink> costs the
 * server about twenty times as much, on every page (docs/decisions/0111-navigation-as-plain-links.md).
 */
export function NavItem({ to, end = false, children }: { to: string; end?: boolean; children: ReactNode }) {
	const current = useCurrentPage();
	return (
		<li>
			<a href={to} aria-current={current(to, { end })}>
				{children}
			</a>
		</li>
	);
}
