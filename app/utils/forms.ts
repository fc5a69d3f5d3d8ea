import type { z } from "zod";
import { toFormInput } from "~/domain/form-input";

/**
 * Form submissions parsed with one zod schema per form. Messages are i18n
 * keys, so the page shows them in the reader's language; a failed parse
 * returns the input (passwords aside) so the form re-renders as it was.
 */
export type FieldErrors = Partial<Record<string, string[]>>;

export type Submission<T> =
	{ success: true; data: T } | { success: false; errors: FieldErrors; values: Record<string, string | string[]> };

const SECRET_FIELD = /password/i;

/** What was typed, to show again: every field but the passwords. */
export function formValues(formData: FormData) {
	return Object.fromEntries(Object.entries(toFormInput(formData)).filter(([key]) => !SECRET_FIELD.test(key)));
}

export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): Submission<z.output<S>> {
	const result = schema.safeParse(toFormInput(formData));
	if (result.success) return { success: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : "";
		(errors[field] ??= []).push(issue.message);
	}
	return { success: false, errors, values: formValues(formData) };
}

/** Errors for one field or the form as a whole (key ""). */
export function errorsOf(actionData: unknown, field: string): string[] | undefined {
	if (actionData && typeof actionData === "object" && "errors" in actionData) {
		return (actionData as { errors: FieldErrors }).errors[field];
	}
	return undefined;
}

export function valueOf(actionData: unknown, field: string): string | undefined {
	if (actionData && typeof actionData === "object" && "values" in actionData) {
		const value = (actionData as { values: Record<string, unknown> }).values[field];
		return typeof value === "string" ? value : undefined;
	}
	return undefined;
}
