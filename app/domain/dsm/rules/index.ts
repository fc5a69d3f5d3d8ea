import type { Severity } from "../issues";
import type { Localized } from "../localized";
import {
	ADD_AGE,
	ADD_CITIZEN,
	ADD_DECISION,
	ADD_SEX,
	ADD_STAGE,
	PART_LE_TOTAL,
	ROUND_TOLERANCE,
	checkAdditivity,
} from "./additivity";
import type { Check } from "./check";
import {
	AREA,
	CITIZEN_SELF,
	CODE,
	TIME,
	UNIQUE,
	checkArea,
	checkCitizenSelf,
	checkCodes,
	checkTime,
	checkUnique,
} from "./codes";
import {
	CHANGE,
	CROSS_DECISIONS,
	CROSS_EXITS,
	checkChanges,
	checkDecisionsAgainstApplications,
	checkExitsAgainstStockAndEntries,
} from "./consistency";
import {
	FILE_CUSTOM_COLUMNS,
	FILE_EMPTY,
	FILE_ENCODING,
	FILE_FORMAT,
	FILE_LIMIT,
	FILE_NO_DATA,
	FILE_SIZE,
	FILE_SYNTAX,
	IMPORT_MAPPING,
} from "./file";
import { sectionOf, type SectionPath } from "./rule";
import { SERIES_GAP, checkSeriesGaps } from "./series";
import { STRUCT_COLUMNS, STRUCT_HEADER } from "./structure";
import { CONF, META, REVISION, checkConfidentiality, checkMetadata, checkRevisions } from "./submission";
import { MISSING, ROUND5, UNIT, VALUE, checkMissing, checkRounding, checkUnits, checkValues } from "./values";

/** What a rule is, without how it words a finding: for documentation pages and the trainer's report. */
export type RuleSummary = {
	readonly id: string;
	readonly number?: number;
	readonly severity: Severity;
	/** Where the module section is: /modules/<slug>/<section-id>. */
	readonly section: string;
	readonly requirement: Localized;
};

const summarize = (rule: Omit<RuleSummary, "section"> & { readonly section: SectionPath }): RuleSummary => ({
	id: rule.id,
	number: rule.number,
	severity: rule.severity,
	section: sectionOf(rule),
	requirement: rule.requirement,
});

/** The 24 rules of DSM.md, in its order, then the engine's own SERIES-GAP (25). */
export const DSM_RULES: readonly RuleSummary[] = [
	STRUCT_HEADER,
	STRUCT_COLUMNS,
	CODE,
	AREA,
	CITIZEN_SELF,
	TIME,
	UNIQUE,
	VALUE,
	MISSING,
	UNIT,
	ROUND5,
	ADD_SEX,
	ADD_AGE,
	ADD_CITIZEN,
	ADD_DECISION,
	ADD_STAGE,
	ROUND_TOLERANCE,
	PART_LE_TOTAL,
	CROSS_DECISIONS,
	CROSS_EXITS,
	CHANGE,
	META,
	CONF,
	REVISION,
	SERIES_GAP,
].map(summarize);

/** What stops a file from being read before the DSM rules apply. */
export const FILE_RULES: readonly RuleSummary[] = [
	FILE_EMPTY,
	FILE_SIZE,
	FILE_LIMIT,
	FILE_ENCODING,
	FILE_FORMAT,
	FILE_SYNTAX,
	FILE_NO_DATA,
	FILE_CUSTOM_COLUMNS,
	IMPORT_MAPPING,
].map(summarize);

/** The checks validate() runs; rules 1 and 2 are applied by the readers. */
export const CHECKS: readonly Check[] = [
	checkCodes,
	checkArea,
	checkCitizenSelf,
	checkTime,
	checkUnique,
	checkValues,
	checkMissing,
	checkUnits,
	checkRounding,
	checkAdditivity,
	checkDecisionsAgainstApplications,
	checkExitsAgainstStockAndEntries,
	checkChanges,
	checkSeriesGaps,
	checkMetadata,
	checkConfidentiality,
	checkRevisions,
];
