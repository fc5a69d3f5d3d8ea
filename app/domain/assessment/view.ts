import { fieldName } from "./answers";
import { itemFields } from "./columns";
import type { Answers, FieldDef, Instrument, ItemAnswer, ItemDef, Localized, ModuleRef, SectionDef } from "./model";
import type { ItemState } from "./scoring";
import { findItem } from "./instrument";
import { REVIEW_STEP, type StepProgress, type StepState } from "./progress";

/**
 * The instrument as a page shows it: plain objects in one language, so that the browser gets
 * the step it shows and never the whole instrument in both languages.
 */

export type Language = "en" | "ru";

export function pick(text: Localized, language: Language) {
	return text[language];
}

export type FieldView =
	| { kind: "select"; name: string; label: string; help?: string; options: { value: string; label: string }[] }
	| { kind: "checkboxes"; name: string; label: string; help?: string; options: { value: string; label: string }[] }
	| { kind: "number"; name: string; label: string; help?: string; unit?: string; decimal: boolean }
	| { kind: "year"; name: string; label: string; help?: string }
	| { kind: "text"; name: string; label: string; help?: string; maxLength: number };

export function fieldView(item: ItemDef, field: FieldDef, language: Language): FieldView {
	const base = {
		name: fieldName(item.id, field.name),
		label: pick(field.label, language),
		...(field.help ? { help: pick(field.help, language) } : {}),
	};
	switch (field.kind) {
		case "choice":
		case "choices":
			return {
				...base,
				kind: field.kind === "choice" ? "select" : "checkboxes",
				options: field.options.map((o) => ({ value: o.value, label: pick(o.label, language) })),
			};
		case "count":
			return { ...base, kind: "number", decimal: false };
		case "measure":
			return { ...base, kind: "number", decimal: true, unit: pick(field.unit, language) };
		case "year":
			return { ...base, kind: "year" };
		case "text":
			return { ...base, kind: "text", maxLength: field.maxLength };
	}
}

/** An item's label, with the name of its row for repeated rows: "Partner agency 2: State Border Service". */
export function itemLabel(item: ItemDef, answer: ItemAnswer | undefined, language: Language) {
	const name = item.rowName ? answer?.[item.rowName] : undefined;
	return typeof name === "string" && name ? `${pick(item.label, language)}: ${name}` : pick(item.label, language);
}

/** Why an item is skipped, in words: which answer of which item skips it. */
export type SkipNote = { item: string; field: string; value: string };

export type ItemView = {
	id: string;
	code: string;
	label: string;
	help: string;
	state: ItemState;
	skip: SkipNote | null;
	fields: FieldView[];
};

function skipNote(instrument: Instrument, item: ItemDef, answers: Answers, language: Language): SkipNote | null {
	const rule = item.skipWhen;
	if (!rule) return null;
	const source = findItem(instrument, rule.item);
	const field = source && itemFields(source).find((f) => f.name === rule.field);
	const value = answers[rule.item]?.[rule.field];
	if (!source || !field || typeof value !== "string" || !rule.values.includes(value)) return null;
	const option = field.kind === "choice" ? field.options.find((o) => o.value === value) : undefined;
	return {
		item: `${source.code} ${pick(source.label, language)}`,
		field: pick(field.label, language),
		value: option ? pick(option.label, language) : value,
	};
}

export function itemView(
	instrument: Instrument,
	item: ItemDef,
	state: ItemState,
	answers: Answers,
	language: Language,
): ItemView {
	return {
		id: item.id,
		code: item.code,
		label: pick(item.label, language),
		help: pick(item.help, language),
		state,
		skip: state === "skipped" ? skipNote(instrument, item, answers, language) : null,
		fields: itemFields(item).map((field) => fieldView(item, field, language)),
	};
}

export function sectionHeading(section: SectionDef, language: Language) {
	return { id: section.id, code: section.code, title: pick(section.title, language) };
}

/** A lesson's address: /modules/<module>/<section>. */
export function lessonHref(ref: ModuleRef) {
	return `/modules/${ref.module}/${ref.section}`;
}

export type StepEntry = {
	id: string;
	code: string;
	title: string;
	state: StepState | "review";
	answered: number;
	applicable: number;
};

/** The progress list: every section's step with its state, and the review with the title given. */
export function stepEntries(progress: readonly StepProgress[], language: Language, reviewTitle: string): StepEntry[] {
	return [
		...progress.map((step) => ({
			id: step.section.id,
			code: step.section.code,
			title: pick(step.section.title, language),
			state: step.state,
			answered: step.answered,
			applicable: step.applicable,
		})),
		{ id: REVIEW_STEP, code: "", title: reviewTitle, state: "review" as const, answered: 0, applicable: 0 },
	];
}
