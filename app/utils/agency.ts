/** Kinds of agency that take part in the General Model. */
export const AGENCY_KINDS = [
	"migration-service",
	"statistics-office",
	"border-guard",
	"labour-ministry",
	"interior-ministry",
	"foreign-ministry",
	"other",
] as const;
