/** A submitted form: each field's value, or values when it was sent several times (checkboxes). */
export type FormInput = Record<string, string | string[]>;

/** FormData as form input, keeping every value of a field sent several times; files are left out. */
export function toFormInput(formData: FormData): FormInput {
	const input: FormInput = {};
	for (const key of new Set(formData.keys())) {
		const values = formData.getAll(key).filter((value) => typeof value === "string");
		if (values.length > 0) input[key] = values.length === 1 ? values[0]! : values;
	}
	return input;
}
