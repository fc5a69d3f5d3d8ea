import type { CellRef, Issue, Severity } from "../issues";
import type { Localized } from "../localized";

/** The training modules whose sections explain the rules (content/modules/NN.slug/). */
export type ModuleSlug =
	| "basic-concepts-and-categories"
	| "data-collection-and-processing"
	| "policy-legal-issues-and-data"
	| "data-sharing-mechanism"
	| "additional-technical-data-issues";

/** A section of a module: "additional-technical-data-issues/rounding-and-tolerance". */
export type SectionPath = `${ModuleSlug}/${string}`;

/**
 * A rule: its id (DSM.md's, or FILE-… for what keeps a file from being read), its number in
 * DSM.md, its severity, what it requires, and how it words one finding in English and Russian.
 */
export type Rule<Params> = {
	readonly id: string;
	readonly number?: number;
	readonly severity: Severity;
	/** The module section that explains the rule. */
	readonly section: SectionPath;
	readonly requirement: Localized;
	readonly message: (params: Params) => Localized;
};

export function defineRule<Params>(rule: Rule<Params>): Rule<Params> {
	return rule;
}

/** The section's address in the app: /modules/<slug>/<section-id>. */
export function sectionOf(rule: { readonly section: SectionPath }): string {
	return `/modules/${rule.section}`;
}

export function issueOf<Params>(rule: Rule<Params>, params: Params, cells: readonly CellRef[] = []): Issue {
	return { rule: rule.id, severity: rule.severity, message: rule.message(params), cells, section: sectionOf(rule) };
}
