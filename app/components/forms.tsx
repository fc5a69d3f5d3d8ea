import {
	useId,
	type InputHTMLAttributes,
	type ReactNode,
	type SelectHTMLAttributes,
	type TextareaHTMLAttributes,
} from "react";
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

type FieldFrameProps = { label: ReactNode; hint?: ReactNode; errors?: string[] };

/** The ids that tie a control to its label, hint and errors. */
function useFieldIds(id: string | undefined, { hint, errors }: Omit<FieldFrameProps, "label">) {
	const fallbackId = useId();
	const controlId = id ?? fallbackId;
	const hintId = hint ? `${controlId}-hint` : undefined;
	const errorId = errors?.length ? `${controlId}-error` : undefined;
	return {
		controlId,
		hintId,
		errorId,
		control: {
			id: controlId,
			"aria-invalid": errorId ? true : undefined,
			"aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
		},
	};
}

/** A label, an optional hint, the control, and the control's errors. */
function FieldFrame({
	label,
	hint,
	errors,
	ids,
	children,
}: FieldFrameProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
	return (
		<div className="field">
			<label htmlFor={ids.controlId}>{label}</label>
			{hint ? (
				<p id={ids.hintId} className="field-hint">
					{hint}
				</p>
			) : null}
			{children}
			<ErrorList id={ids.errorId} errors={errors} />
		</div>
	);
}

type FieldProps = FieldFrameProps & InputHTMLAttributes<HTMLInputElement> & { name: string };

export function Field({ label, hint, errors, id, ...input }: FieldProps) {
	const ids = useFieldIds(id, { hint, errors });
	return (
		<FieldFrame label={label} hint={hint} errors={errors} ids={ids}>
			<input {...ids.control} {...input} />
		</FieldFrame>
	);
}

type TextAreaFieldProps = FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string };

export function TextAreaField({ label, hint, errors, id, ...textarea }: TextAreaFieldProps) {
	const ids = useFieldIds(id, { hint, errors });
	return (
		<FieldFrame label={label} hint={hint} errors={errors} ids={ids}>
			<textarea {...ids.control} {...textarea} />
		</FieldFrame>
	);
}

type SelectFieldProps = FieldFrameProps & {
	options: Array<{ value: string; label: string }>;
	placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement> & { name: string };

export function SelectField({ label, hint, errors, options, placeholder, id, ...select }: SelectFieldProps) {
	const ids = useFieldIds(id, { hint, errors });
	return (
		<FieldFrame label={label} hint={hint} errors={errors} ids={ids}>
			<select {...ids.control} {...select}>
				{placeholder !== undefined ? <option value="">{placeholder}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
		</FieldFrame>
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
