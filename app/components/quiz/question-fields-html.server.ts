import type { PublicQuestion } from "~/domain/quiz/public-view";
import type { FormInput } from "~/domain/quiz/response";
import { escapeHtml } from "~/utils/html";
import type { Language, Translate } from "~/utils/i18n";

/**
 * An open attempt's questions as plain form fields (radios, checkboxes, text, selects), written
 * as HTML on the server (docs/decisions/0109-attempt-form-written-once.md). The page shows it as
 * it is, inside its React form: the fields are the browser's own, so nothing of them needs the
 * questions in the page's data or in its JavaScript. The loader writes it with the learner's
 * saved answers; an action that refuses an answer writes it again with what was typed and each
 * error beside its field. Every text and value is escaped.
 */
export type QuestionFieldsOptions = {
	/** The answers to show: the saved ones, or those just typed. */
	values: FormInput;
	/** Error codes (`quiz.errors.*`) by field. */
	errors?: Readonly<Record<string, string>>;
	t: Translate;
	/** The language of the questions' texts when it is not the page's (an untranslated bank). */
	textLang?: Language;
};

export function questionFieldsHtml(questions: readonly PublicQuestion[], options: QuestionFieldsOptions): string {
	let number = 0;
	return questions
		.map((question) => {
			if (question.type !== "description") number++;
			return questionHtml(question, number, options);
		})
		.join("");
}

function questionHtml(
	question: PublicQuestion,
	number: number,
	{ values, errors = {}, t, textLang }: QuestionFieldsOptions,
) {
	const error =
		errors[question.field] ??
		(question.type === "match" ? question.stems.map((s) => errors[s.field]).find(Boolean) : undefined);
	const errorId = error ? `${question.field}-error` : undefined;
	const lang = textLang ? ` lang="${textLang}"` : "";
	const rich = (text: { text: string }, tag = "span") =>
		`<${tag} class="rich-text"${lang}>${escapeHtml(text.text)}</${tag}>`;
	const numbered = `<span class="question__number">${escapeHtml(t("quiz.questionNumber", { number }))}</span>`;
	const text = (field: string) => {
		const value = values[field];
		return typeof value === "string" ? value : "";
	};
	const checked = (field: string, id: string) => {
		const value = values[field];
		return Array.isArray(value) ? value.includes(id) : value === id;
	};
	const errorList = error
		? `<ul id="${errorId}" class="field-errors"><li>${escapeHtml(t(`quiz.errors.${error}`))}</li></ul>`
		: "";
	const described = errorId ? ` aria-describedby="${errorId}"` : "";
	const invalid = error ? ' aria-invalid="true"' : "";
	const fieldset = (body: string) =>
		`<fieldset class="question"${described}><legend>${numbered}${rich(question.text)}</legend>${body}</fieldset>`;
	const choice = (type: "radio" | "checkbox", value: string, label: string) => {
		const id = escapeHtml(`${question.field}-${value}`);
		return (
			`<div class="checkbox"><input type="${type}" id="${id}" name="${escapeHtml(question.field)}" value="${escapeHtml(value)}"` +
			`${checked(question.field, value) ? " checked" : ""}><label for="${id}">${label}</label></div>`
		);
	};

	switch (question.type) {
		case "removed":
			return (
				`<div class="question"><p class="question__heading">${numbered}</p>` +
				`<p class="notice">${escapeHtml(t(`quiz.removed.${question.reason}`))} ${escapeHtml(t("quiz.removed.notCounted"))}</p></div>`
			);
		case "description":
			return `<div class="question question--description">${rich(question.text, "p")}</div>`;
		case "multichoice":
			return fieldset(
				(question.single ? "" : `<p class="field-hint">${escapeHtml(t("quiz.chooseAll"))}</p>`) +
					errorList +
					question.choices.map((c) => choice(question.single ? "radio" : "checkbox", c.id, rich(c.text))).join(""),
			);
		case "truefalse":
			return fieldset(
				errorList +
					(["true", "false"] as const).map((value) => choice("radio", value, escapeHtml(t(`quiz.${value}`)))).join(""),
			);
		case "match":
			return fieldset(
				errorList +
					question.stems
						.map((stem) => {
							const field = escapeHtml(stem.field);
							const chosen = text(stem.field);
							const options = question.choices
								.map(
									(c) =>
										`<option value="${escapeHtml(c.id)}"${c.id === chosen ? " selected" : ""}${lang}>${escapeHtml(c.text)}</option>`,
								)
								.join("");
							return (
								`<div class="field match-row"><label for="${field}">${rich(stem.text)}</label>` +
								`<select id="${field}" name="${field}"><option value=""${chosen === "" ? " selected" : ""}>${escapeHtml(t("quiz.choose"))}</option>${options}</select></div>`
							);
						})
						.join(""),
			);
		case "essay": {
			const field = escapeHtml(question.field);
			// The newline after the start tag is the parser's to drop: an answer that starts with one keeps it.
			return (
				`<div class="question field"><label for="${field}">${numbered}${rich(question.text)}</label>` +
				`<textarea id="${field}" name="${field}" rows="8"${invalid}${described}>\n${escapeHtml(text(question.field))}</textarea>${errorList}</div>`
			);
		}
		case "shortanswer":
		case "numerical": {
			const field = escapeHtml(question.field);
			const numerical = question.type === "numerical";
			return (
				`<div class="question field"><label for="${field}">${numbered}${rich(question.text)}</label>` +
				(numerical ? `<p class="field-hint">${escapeHtml(t("quiz.numberHint"))}</p>` : "") +
				`<input type="text" id="${field}" name="${field}"${numerical ? ' inputmode="decimal"' : ""} autocomplete="off"` +
				` value="${escapeHtml(text(question.field))}"${invalid}${described}>${errorList}</div>`
			);
		}
	}
}
