import { hasRole } from "~/utils/roles";

/**
 * Who may do what with an agency's assessment (checked in every loader and action):
 * its own agency's assessors fill it in and set its targets; the coordinators of its country and
 * the admins read it and may reopen it once submitted; nobody else sees it.
 */

export type Viewer = {
	readonly roles: readonly string[];
	readonly agencyId: string | null;
	readonly countryCode: string | null;
};

export type AgencyRef = { readonly id: string; readonly countryCode: string };

export function assessmentAccess(viewer: Viewer, agency: AgencyRef) {
	const admin = hasRole(viewer, "admin");
	const coordinator = hasRole(viewer, "coordinator") && viewer.countryCode === agency.countryCode;
	const assessor = hasRole(viewer, "assessor") && viewer.agencyId === agency.id;
	return { view: admin || coordinator || assessor, edit: assessor, reopen: admin || coordinator, targets: assessor };
}

export type AssessmentAccess = ReturnType<typeof assessmentAccess>;

/**
 * What the comparison shows a viewer: an admin any country (the one asked for, else their own),
 * a coordinator their own country, an assessor their own agency; anyone else, or a coordinator or
 * assessor asking for another country, nothing (403).
 */
export type CompareScope =
	| { readonly kind: "countries"; readonly country: string | null }
	| { readonly kind: "country"; readonly country: string }
	| { readonly kind: "agency"; readonly country: string; readonly agencyId: string }
	| { readonly kind: "forbidden" };

export function compareScope(viewer: Viewer, requested: string | null): CompareScope {
	if (hasRole(viewer, "admin")) return { kind: "countries", country: requested ?? viewer.countryCode };
	const own = viewer.countryCode;
	if (requested && requested !== own) return { kind: "forbidden" };
	if (hasRole(viewer, "coordinator") && own) return { kind: "country", country: own };
	if (hasRole(viewer, "assessor") && own && viewer.agencyId)
		return { kind: "agency", country: own, agencyId: viewer.agencyId };
	return { kind: "forbidden" };
}
