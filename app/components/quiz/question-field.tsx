import type { ReactNode } from "react";
import type { PublicQuestion } from "~/domain/quiz/public-view";
import type { FormInput } from "~/domain/quiz/response";
import { useTranslation } from "~/utils/i18n";
import { ErrorList } from "../forms";
import { RichTextView, useTextLanguage } from "./rich-text";

/** A radio button or checkbox with its label. */
function ChoiceInput(props: {
	type: "radio" | "checkbox";
	field: string;
	value: string;
	checked: boolean;
	children: ReactNode;
}) {
	const id = `${props.field}-${props.value}`;
	return (
		<div className="checkbox">
			<input type={props.type} id={id} name={props.field} value={props.value} defaultChecked={props.checked} />
			<label htmlFor={id}>{props.children}</label>
		</div>
	);
}

type Props = { question: PublicQuestion; number: number; values: FormInput; error?: string };

/** One question of an attempt as plain form fields: radios, checkboxes, text, selects. */
export function QuestionField({ question, number, values, error }: Props) {
	const { t } = useTranslation();
	const textLang = useTextLanguage();
	const errorId = error ? `${question.field}-error` : undefined;
	const value = (field: string) => values[field];
	const text = (field: string) => {
		const v = value(field);
		return typeof v === "string" ? v : "";
	};
	const checked = (field: string, id: string) => {
		const v = value(field);
		return Array.isArray(v) ? v.includes(id) : v === id;
	};
	const legend = (
		<legend>
			<span className="question__number">{t("quiz.questionNumber", { number })}</span>
			<RichTextView text={question.text} />
		</legend>
	);
	const errors = <ErrorList id={errorId} errors={error ? [`quiz.errors.${error}`] : undefined} />;

	switch (question.type) {
		case "removed":
			return (
				<div className="question">
					<p className="question__heading">
						<span className="question__number">{t("quiz.questionNumber", { number })}</span>
					</p>
					<p className="notice">
						{t(`quiz.removed.${question.reason}`)} {t("quiz.removed.notCounted")}
					</p>
				</div>
			);
		case "description":
			return (
				<div className="question question--description">
					<RichTextView text={question.text} as="p" />
				</div>
			);
		case "multichoice":
			return (
				<fieldset className="question" aria-describedby={errorId}>
					{legend}
					{!question.single ? <p className="field-hint">{t("quiz.chooseAll")}</p> : null}
					{errors}
					{question.choices.map((choice) => (
						<ChoiceInput
							key={choice.id}
							type={question.single ? "radio" : "checkbox"}
							field={question.field}
							value={choice.id}
							checked={checked(question.field, choice.id)}
						>
							<RichTextView text={choice.text} />
						</ChoiceInput>
					))}
				</fieldset>
			);
		case "truefalse":
			return (
				<fieldset className="question" aria-describedby={errorId}>
					{legend}
					{errors}
					{(["true", "false"] as const).map((choice) => (
						<ChoiceInput
							key={choice}
							type="radio"
							field={question.field}
							value={choice}
							checked={checked(question.field, choice)}
						>
							{t(`quiz.${choice}`)}
						</ChoiceInput>
					))}
				</fieldset>
			);
		case "match":
			return (
				<fieldset className="question" aria-describedby={errorId}>
					{legend}
					{errors}
					{question.stems.map((stem) => (
						<div key={stem.id} className="field match-row">
							<label htmlFor={stem.field}>
								<RichTextView text={stem.text} />
							</label>
							<select id={stem.field} name={stem.field} defaultValue={text(stem.field)}>
								<option value="">{t("quiz.choose")}</option>
								{question.choices.map((choice) => (
									<option key={choice.id} value={choice.id} lang={textLang}>
										{choice.text}
									</option>
								))}
							</select>
						</div>
					))}
				</fieldset>
			);
		case "essay":
			return (
				<div className="question field">
					<label htmlFor={question.field}>
						<span className="question__number">{t("quiz.questionNumber", { number })}</span>
						<RichTextView text={question.text} />
					</label>
					<textarea
						id={question.field}
						name={question.field}
						rows={8}
						defaultValue={text(question.field)}
						aria-invalid={error ? true : undefined}
						aria-describedby={errorId}
					/>
					{errors}
				</div>
			);
		case "shortanswer":
		case "numerical":
			return (
				<div className="question field">
					<label htmlFor={question.field}>
						<span className="question__number">{t("quiz.questionNumber", { number })}</span>
						<RichTextView text={question.text} />
					</label>
					{question.type === "numerical" ? <p className="field-hint">{t("quiz.numberHint")}</p> : null}
					<input
						type="text"
						id={question.field}
						name={question.field}
						inputMode={question.type === "numerical" ? "decimal" : undefined}
						autoComplete="off"
						defaultValue={text(question.field)}
						aria-invalid={error ? true : undefined}
						aria-describedby={errorId}
					/>
					{errors}
				</div>
			);
	}
}
