import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { useTranslation } from "~/utils/i18n";

/** Error messages (i18n keys) shown beside a field and announced with it. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
	const { t } = useTranslation();
	if (!errors?.length) return null;
	return (
		<ul id={id} className="field-errors">
			{errors.map((error) => (
				<li key={error}>{t(error)}</li>
			))}
		</ul>
	);
}

type FieldProps = {
	label: ReactNode;
	hint?: ReactNode;
	errors?: string[];
} & InputHTMLAttributes<HTMLInputElement> & { name: string };

export function Field({ label, hint, errors, id, ...input }: FieldProps) {
	const fallbackId = useId();
	const inputId = id ?? fallbackId;
	const hintId = hint ? `${inputId}-hint` : undefined;
	const errorId = errors?.length ? `${inputId}-error` : undefined;
	return (
		<div className="field">
			<label htmlFor={inputId}>{label}</label>
			{hint ? (
				<p id={hintId} className="field-hint">
					{hint}
				</p>
			) : null}
			<input
				id={inputId}
				aria-invalid={errorId ? true : undefined}
				aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
				{...input}
			/>
			<ErrorList id={errorId} errors={errors} />
		</div>
	);
}

type SelectFieldProps = {
	label: ReactNode;
	errors?: string[];
	options: Array<{ value: string; label: string }>;
	placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement> & { name: string };

export function SelectField({ label, errors, options, placeholder, id, ...select }: SelectFieldProps) {
	const fallbackId = useId();
	const selectId = id ?? fallbackId;
	const errorId = errors?.length ? `${selectId}-error` : undefined;
	return (
		<div className="field">
			<label htmlFor={selectId}>{label}</label>
			<select id={selectId} aria-invalid={errorId ? true : undefined} aria-describedby={errorId} {...select}>
				{placeholder !== undefined ? <option value="">{placeholder}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			<ErrorList id={errorId} errors={errors} />
		</div>
	);
}

/** Errors of the form as a whole (not of one field), announced when they appear. */
export function FormErrors({ errors }: { errors?: string[] }) {
	const { t } = useTranslation();
	if (!errors?.length) return null;
	return (
		<div className="form-errors" role="alert">
			{errors.map((error) => (
				<p key={error}>{t(error)}</p>
			))}
		</div>
	);
}

type CheckboxGroupProps = {
	name: string;
	legend: ReactNode;
	hint?: ReactNode;
	options: Array<{ value: string; label: string }>;
	/** The values checked when the page is drawn. */
	checked?: readonly string[];
	errors?: string[];
	disabled?: boolean;
};

/** Several choices of one question: checkboxes under a legend, sent as repeated values of `name`. */
export function CheckboxGroup({ name, legend, hint, options, checked = [], errors, disabled }: CheckboxGroupProps) {
	const id = useId();
	const hintId = hint ? `${id}-hint` : undefined;
	const errorId = errors?.length ? `${id}-error` : undefined;
	return (
		<fieldset
			className="field field--group"
			aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
			disabled={disabled}
		>
			<legend>{legend}</legend>
			{hint ? (
				<p id={hintId} className="field-hint">
					{hint}
				</p>
			) : null}
			{options.map((option) => (
				<div key={option.value} className="checkbox">
					<input
						type="checkbox"
						id={`${id}-${option.value}`}
						name={name}
						value={option.value}
						defaultChecked={checked.includes(option.value)}
						aria-invalid={errorId ? true : undefined}
					/>
					<label htmlFor={`${id}-${option.value}`}>{option.label}</label>
				</div>
			))}
			<ErrorList id={errorId} errors={errors} />
		</fieldset>
	);
}
