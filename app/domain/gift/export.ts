import { escapeGift } from "./gift-text";
import { formatPercent } from "./grades";
import {
	TEXT_FORMATS,
	type GiftQuestion,
	type GiftQuestionOf,
	type NumericalAnswer,
	type RichText,
	type TextFormat,
} from "./types";

/**
 * Writes questions as GIFT in the shape of Moodle's exporter (tab-indented answers, explicit
 * `%100%` weights where Moodle writes them, every control character escaped), so that
 * `parseGift(exportGift(questions))` reads the same questions back. Unlike Moodle it writes no
 * `// question: <database id>` line, and a `::title::` only when the question has one.
 */
export function exportGift(questions: readonly GiftQuestion[]): string {
	let category = "";
	return questions
		.map((question) => {
			const path = question.category ? assembleCategoryPath(question.category) : category;
			const header = path === category ? "" : `$CATEGORY: ${path}\n\n`;
			category = path;
			return header + writeQuestion(question);
		})
		.join("");
}

function writeQuestion(question: GiftQuestion): string {
	const text = writeText(question.text, "moodle");
	return `${writeMetadata(question)}${writeTitle(question)}${text}${writeAnswers(question)}\n\n`;
}

/** Levels joined by `/`, a `/` inside a level doubled (Moodle's assemble_category_path). */
function assembleCategoryPath(levels: readonly string[]): string {
	return levels
		.map((level) => level.replaceAll("/", "//"))
		.map((level) => (level.startsWith("/") ? ` ${level}` : level))
		.map((level) => (level.endsWith("/") ? `${level} ` : level))
		.join("/");
}

function writeMetadata(question: GiftQuestion): string {
	const escape = (value: string) => value.replaceAll("]", "\\]");
	const tokens = [
		...(question.idNumber === undefined ? [] : [`[id:${escape(question.idNumber)}]`]),
		...question.tags.map((tag) => `[tag:${escape(tag)}]`),
	];
	return tokens.length === 0 ? "" : `// ${tokens.join(" ")}\n`;
}

function writeTitle(question: GiftQuestion): string {
	return question.title === undefined ? "" : `::${escapeGift(question.title)}::`;
}

/**
 * A text with its format tag when it differs from the inherited one, or when the text itself
 * starts with something that would read as a format tag.
 */
function writeText({ text, format }: RichText, inherited: TextFormat): string {
	const looksTagged = TEXT_FORMATS.some((name) => text.startsWith(`[${name}]`));
	const tag = text !== "" && (format !== inherited || looksTagged) ? `[${format}]` : "";
	return tag + escapeGift(text);
}

function writeAnswers(question: GiftQuestion): string {
	const format = question.text.format;
	switch (question.type) {
		case "description":
			return "";
		case "essay":
			return `{${writeGeneralFeedback(question, "")}}`;
		case "truefalse":
			return `{${writeTrueFalse(question)}${writeGeneralFeedback(question, "")}}`;
		case "multichoice":
			return writeList(
				question,
				question.answers.map((answer) => {
					const marker =
						answer.fraction === 1 && question.single
							? "="
							: answer.fraction === 0
								? "~"
								: `~%${formatPercent(answer.fraction)}%`;
					const feedback = answer.feedback.text === "" ? "" : `#${writeText(answer.feedback, format)}`;
					return `${marker}${writeText(answer.text, format)}${feedback}`;
				}),
			);
		case "shortanswer":
			return writeList(
				question,
				question.answers.map(
					(answer) =>
						`=%${formatPercent(answer.fraction)}%${escapeGift(answer.text)}#${writeText(answer.feedback, format)}`,
				),
			);
		case "numerical":
			return writeList(
				question,
				question.answers.map((answer) => writeNumerical(answer, format)),
				"{#",
			);
		case "match":
			return writeList(
				question,
				question.pairs.map((pair) => `=${writeText(pair.stem, format)} -> ${escapeGift(pair.answer)}`),
			);
	}
}

/** `{`, one tab-indented answer per line, the general feedback, `}`. */
function writeList(question: GiftQuestion, lines: string[], open = "{"): string {
	return `${open}\n${lines.map((line) => `\t${line}\n`).join("")}${writeGeneralFeedback(question, "\t")}}`;
}

/** `####feedback`, last in the answer block; on its own line when `indent` is given. */
function writeGeneralFeedback(question: GiftQuestion, indent: string): string {
	if (question.generalFeedback.text === "") return "";
	const feedback = `####${writeText(question.generalFeedback, question.text.format)}`;
	return indent === "" ? feedback : `${indent}${feedback}\n`;
}

/** `TRUE#feedback if the learner answers wrongly#feedback if right`, leaving out empty feedback at the end. */
function writeTrueFalse(question: GiftQuestionOf<"truefalse">): string {
	const format = question.text.format;
	const right = writeText(question.correct ? question.feedbackTrue : question.feedbackFalse, format);
	const wrong = writeText(question.correct ? question.feedbackFalse : question.feedbackTrue, format);
	const value = question.correct ? "TRUE" : "FALSE";
	if (right !== "") return `${value}#${wrong}#${right}`;
	return wrong === "" ? value : `${value}#${wrong}`;
}

/** `=%100%3:2#feedback`, `=%50%1..5#feedback`, or `~#feedback` for the catch-all worth nothing. */
function writeNumerical({ match, fraction, feedback }: NumericalAnswer, format: TextFormat): string {
	const written = writeText(feedback, format);
	if (match.kind === "any" && fraction === 0) return `~#${written}`;
	const value =
		match.kind === "any"
			? "*"
			: match.kind === "range"
				? `${match.min}..${match.max}`
				: `${match.value}:${match.tolerance}`;
	return `=%${formatPercent(fraction)}%${value}#${written}`;
}
