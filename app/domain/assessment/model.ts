import type { Localized } from "../dsm/localized";

export type { Localized };

/**
 * The shape of the IT self-assessment instrument (IT_ASSESSMENT.md): parts, sections (one wizard
 * step each), items keeping the seed's numbering, and the typed fields each item asks. The
 * instrument itself is data (instrument.ts); the wizard, the scorer, the report and the exports
 * read it and nothing else.
 */

/** A level of readiness, 1 to 5 (method.ts says what each means). */
export type Level = 1 | 2 | 3 | 4 | 5;
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/**
 * How urgent a gap is, in the order of module 11's three questions: does it block taking part
 * in the DSM, does it put personal data or the data themselves at risk, does it make the work
 * slow or fragile.
 */
export const PRIORITIES = ["blocking", "risk", "fragile"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A section of a module that teaches what an item asks: /modules/<module>/<section>. */
export type ModuleRef = { readonly module: string; readonly section: string };

export type Option = { readonly value: string; readonly label: Localized };

type FieldBase = { readonly name: string; readonly label: Localized; readonly help?: Localized };

/** A typed answer: one choice, several choices, a count, a measure with its unit, a year, or free text. */
export type FieldDef =
	| (FieldBase & { readonly kind: "choice"; readonly options: readonly Option[] })
	| (FieldBase & { readonly kind: "choices"; readonly options: readonly Option[] })
	| (FieldBase & { readonly kind: "count"; readonly max: number })
	| (FieldBase & { readonly kind: "measure"; readonly max: number; readonly unit: Localized })
	/** "past": up to this year (purchased, last trained); "future": this year or later (planned). */
	| (FieldBase & { readonly kind: "year"; readonly when: "past" | "future" })
	| (FieldBase & { readonly kind: "text"; readonly maxLength: number });

export type FieldKind = FieldDef["kind"];

/** The six columns of the seed's grid, asked where they fit an item. */
export const COLUMN_IDS = ["available", "usedFor", "licensed", "purchasedBy", "plannedUpgrades", "compatible"] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** One item's answers: field name → value. Blank fields are absent. */
export type ItemAnswer = Readonly<Record<string, string | number | readonly string[]>>;
export type Answers = Readonly<Record<string, ItemAnswer>>;

/** What the rules of an item may know besides its answers. */
export type ScoringContext = { readonly year: number };

/**
 * A fact that limits an item's level whatever the assessor's judgement: "a PC that handles
 * personal data and runs a system with no updates at all should be marked 'less than needed',
 * however fast it is" (module 11). Caps at level 3 or below raise a gap with their priority and
 * recommendation; a cap at 4 only keeps the item from "more than enough".
 */
export type Cap = {
	readonly id: string;
	readonly level: Exclude<Level, 5>;
	readonly priority: Priority;
	readonly when: (answer: ItemAnswer, context: ScoringContext) => boolean;
	/** The condition in words, as the method page and the report show it. */
	readonly condition: Localized;
	readonly recommendation: Localized;
	readonly learn?: ModuleRef;
};

/** The item is skipped when another item's field has one of these values (no LAN: no server questions). */
export type SkipRule = { readonly item: string; readonly field: string; readonly values: readonly string[] };

export type ItemDef = {
	readonly id: string;
	/** The seed's number of the heading the item stands under, e.g. "A1 1.0"; A1 has two "4.0". */
	readonly code: string;
	readonly label: Localized;
	readonly help: Localized;
	/** The grid's columns this item asks, in the grid's order. */
	readonly columns: readonly ColumnId[];
	/** What "Licensed" means for it: a software licence, or hardware warranty or support. */
	readonly licence?: "software" | "hardware";
	/** The item's own typed fields (counts, Mbit/s, years, choices, text), asked before the columns. */
	readonly details?: readonly FieldDef[];
	/**
	 * How "Available: no" reads: "essential" makes the item level 1 (nothing can replace it),
	 * "optional" makes it not apply (an "Other" row with nothing in it).
	 */
	readonly absence?: "essential" | "optional";
	/** For repeated rows (partner agencies): the item does not apply while this field is blank. */
	readonly unusedWhenBlank?: string;
	/** For repeated rows: the field that names the row, shown after the item's label in the report. */
	readonly rowName?: string;
	/** Fields that must be filled for the item to count as answered; default: available (if asked) and compatible. */
	readonly required?: readonly string[];
	readonly skipWhen?: SkipRule;
	/** Priority of the gap when the item is judged "less than needed" or is missing. */
	readonly priority: Priority;
	/** What to do when the item is judged "less than needed" or is missing. */
	readonly recommendation: Localized;
	readonly learn: ModuleRef;
	readonly caps?: readonly Cap[];
};

export type PartId = "A" | "B";

export type SectionDef = {
	readonly id: string;
	readonly part: PartId;
	/** The seed's heading number(s), e.g. "A1 1.0", "A1 5.0–6.0", "A2". */
	readonly code: string;
	readonly title: Localized;
	readonly intro: Localized;
	readonly learn: ModuleRef;
	/** What each level 1..5 looks like for this section (the maturity toolkits' written stages). */
	readonly levels: readonly [Localized, Localized, Localized, Localized, Localized];
	readonly items: readonly ItemDef[];
};

export type PartDef = { readonly id: PartId; readonly title: Localized };

export type Instrument = {
	readonly version: number;
	readonly parts: readonly PartDef[];
	readonly sections: readonly SectionDef[];
};

/** The targets form's field for a section. */
export function targetField(sectionId: string) {
	return `target.${sectionId}`;
}
