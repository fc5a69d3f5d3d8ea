import type { ReactNode } from "react";

/**
 * One panel of the cohort dashboard's work list. The marking queue is the first; other features
 * add theirs beside it (the sandbox's review of submissions), each with its own heading and link.
 */
export function DashboardPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
	return (
		<section className="card dashboard-panel" aria-labelledby={id}>
			<h2 id={id}>{title}</h2>
			{children}
		</section>
	);
}
