import { z } from "zod";
import { itemFields } from "./columns";
import type { FormInput } from "../form-input";
import type { FieldDef, ItemAnswer, ItemDef } from "./model";

/**
 * The answer schemas: what each typed field accepts, with the message (an i18n key) shown beside
 * the field when it refuses. Every field may be left blank in a draft; what must be answered
 * before the report counts an item is scoring.ts's business.
 */

/** What the schemas need to know: the calendar year, for "purchased" (not later) and "planned" (not earlier). */
export type AnswerContext = { readonly year: number };

export const EARLIEST_YEAR = 1980;
/** How far ahead an upgrade may be planned. */
export const PLANNING_HORIZON = 10;

/** The form field of an item's field: "pc-ram.ramGb". */
export function fieldName(itemId: string, field: string) {
	return `${itemId}.${field}`;
}

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const YEAR = /^\d{4}$/;

function blank(raw: unknown) {
	return (
		raw === undefined || (typeof raw === "string" && raw.trim() === "") || (Array.isArray(raw) && raw.length === 0)
	);
}

/** A number as people type it: "12", "12.5" or "12,5" (the Russian decimal comma). */
function numberSchema(max: number, whole: boolean) {
	return z.string().transform((raw, ctx) => {
		const text = raw.trim().replace(/\s/g, "");
		if (!NUMBER.test(text)) {
			ctx.addIssue({ code: "custom", message: "assessment.errors.notANumber" });
			return z.NEVER;
		}
		const number = Number(text.replace(",", "."));
		if (number < 0) ctx.addIssue({ code: "custom", message: "assessment.errors.negative" });
		else if (whole && !Number.isInteger(number))
			ctx.addIssue({ code: "custom", message: "assessment.errors.wholeNumber" });
		else if (number > max) ctx.addIssue({ code: "custom", message: "assessment.errors.tooLarge" });
		return number;
	});
}

function yearSchema(when: "past" | "future", { year }: AnswerContext) {
	return z.string().transform((raw, ctx) => {
		const text = raw.trim();
		if (!YEAR.test(text)) {
			ctx.addIssue({ code: "custom", message: "assessment.errors.notAYear" });
			return z.NEVER;
		}
		const value = Number(text);
		if (when === "past" && value > year) ctx.addIssue({ code: "custom", message: "assessment.errors.yearInFuture" });
		else if (when === "past" && value < EARLIEST_YEAR)
			ctx.addIssue({ code: "custom", message: "assessment.errors.yearTooEarly" });
		else if (when === "future" && value < year)
			ctx.addIssue({ code: "custom", message: "assessment.errors.yearInPast" });
		else if (when === "future" && value > year + PLANNING_HORIZON)
			ctx.addIssue({ code: "custom", message: "assessment.errors.yearTooFar" });
		return value;
	});
}

/** The schema of one field's value once it is not blank: the raw form value in, the typed value out. */
export function fieldSchema(field: FieldDef, context: AnswerContext): z.ZodType<string | number | string[], unknown> {
	switch (field.kind) {
		case "choice":
			return choiceSchema(field.options);
		case "choices": {
			const one = choiceSchema(field.options);
			return z.union([one.transform((value) => [value]), z.array(one)], { error: "assessment.errors.choose" });
		}
		case "count":
			return numberSchema(field.max, true);
		case "measure":
			return numberSchema(field.max, false);
		case "year":
			return yearSchema(field.when, context);
		case "text":
			return z.string().trim().max(field.maxLength, { error: "assessment.errors.tooLong" });
	}
}

function choiceSchema(options: readonly { value: string }[]) {
	return z.enum(options.map((o) => o.value) as [string, ...string[]], { error: "assessment.errors.choose" });
}

export type ItemParse = { ok: true; answer: ItemAnswer } | { ok: false; errors: Record<string, string[]> };

/**
 * One item's fields from the submitted form: its typed answer, or the errors by form field name.
 * "Planned" asks for the year it is planned for.
 */
export function parseItem(item: ItemDef, input: FormInput, context: AnswerContext): ItemParse {
	const answer: Record<string, string | number | string[]> = {};
	const errors: Record<string, string[]> = {};
	for (const field of itemFields(item)) {
		const name = fieldName(item.id, field.name);
		// A select or a text box sends one value; several for one of them is not a browser's doing.
		const raw = field.kind !== "choices" && Array.isArray(input[name]) ? input[name][0] : input[name];
		if (blank(raw)) continue;
		const result = fieldSchema(field, context).safeParse(raw);
		if (result.success) answer[field.name] = result.data;
		else errors[name] = [...new Set(result.error.issues.map((issue) => issue.message))];
	}
	const plannedYear = fieldName(item.id, "plannedYear");
	if (answer.plannedUpgrades === "planned" && answer.plannedYear === undefined && !errors[plannedYear]) {
		errors[plannedYear] = ["assessment.errors.plannedYear"];
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answer };
}

const storedSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));

/**
 * An answer as stored (JSON), read back against the item's fields: a field the item no longer
 * has, or of another type, is left out rather than trusted.
 */
export function readStoredAnswer(item: ItemDef, json: string): ItemAnswer {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return {};
	}
	const parsed = storedSchema.safeParse(raw);
	if (!parsed.success) return {};
	const answer: Record<string, string | number | readonly string[]> = {};
	for (const field of itemFields(item)) {
		const value = parsed.data[field.name];
		if (value === undefined) continue;
		const fits =
			field.kind === "choices"
				? Array.isArray(value)
				: field.kind === "count" || field.kind === "measure" || field.kind === "year"
					? typeof value === "number"
					: typeof value === "string";
		if (fits) answer[field.name] = value;
	}
	return answer;
}

/** The same answer, written so that two equal answers give the same text. */
export function storeAnswer(item: ItemDef, answer: ItemAnswer): string {
	const ordered: Record<string, unknown> = {};
	for (const field of itemFields(item)) if (answer[field.name] !== undefined) ordered[field.name] = answer[field.name];
	return JSON.stringify(ordered);
}

/** An item's answer as the form's values, to fill the fields again. */
export function answerToFormInput(item: ItemDef, answer: ItemAnswer): FormInput {
	const input: FormInput = {};
	for (const field of itemFields(item)) {
		const value = answer[field.name];
		if (value === undefined) continue;
		input[fieldName(item.id, field.name)] = Array.isArray(value) ? [...value] : String(value);
	}
	return input;
}

export function isBlankAnswer(answer: ItemAnswer) {
	return Object.keys(answer).length === 0;
}
