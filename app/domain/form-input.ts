/** A submitted form: each field's value, or values when it was sent several times (checkboxes). */
export type FormInput = Record<string, string | string[]>;

/**
 * FormData as form input, keeping every value of a field sent several times; files are left out.
 * One pass over the entries: the time grows with the number of fields, never with its square.
 */
export function toFormInput(formData: FormData): FormInput {
	const input: FormInput = Object.create(null);
	for (const [key, value] of formData.entries()) {
		if (typeof value !== "string") continue;
		const previous = input[key];
		if (previous === undefined) input[key] = value;
		else if (typeof previous === "string") input[key] = [previous, value];
		else previous.push(value);
	}
	return { ...input };
}
