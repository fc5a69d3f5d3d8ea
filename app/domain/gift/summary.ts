import type { GiftQuestion, GiftQuestionType, NumericalMatch } from "./types";

/**
 * A question as `npm run gift -- check --json` prints it. `fraction` is the answer's share of
 * the question's mark:
 * - multichoice, shortanswer: each answer with its weight (`*` is the short-answer wildcard);
 * - truefalse: `True` and `False`, the right one 1, the other 0;
 * - numerical: `3` (exact), `3:2` (3 ± 2), `1..5` (a range) or `*` (the catch-all `~#…`);
 * - match: `stem -> answer`, each stem worth an equal share (1/number of stems), a distractor
 *   (`-> answer`) 0;
 * - essay, description: no answers.
 */
export interface QuestionSummary {
	title: string;
	text: string;
	type: GiftQuestionType;
	/** Multichoice only: true for one answer (radio buttons), false for several (checkboxes). */
	single?: boolean;
	answers: { text: string; fraction: number }[];
}

const DERIVED_TITLE_LENGTH = 80;

/** The `::title::`, or like Moodle the start of the text, without markup, when there is none. */
export function questionTitle(question: GiftQuestion): string {
	if (question.title !== undefined) return question.title;
	const text = question.text.text
		.replace(/<[^>]*>/g, " ")
		.replace(/\s+/g, " ")
		.trim();
	if (text.length <= DERIVED_TITLE_LENGTH) return text;
	const cut = text.lastIndexOf(" ", DERIVED_TITLE_LENGTH);
	return `${text.slice(0, cut > 0 ? cut : DERIVED_TITLE_LENGTH)}...`;
}

export function summarizeQuestion(question: GiftQuestion): QuestionSummary {
	const common = { title: questionTitle(question), text: question.text.text, type: question.type };
	switch (question.type) {
		case "description":
		case "essay":
			return { ...common, answers: [] };
		case "multichoice":
			return {
				...common,
				single: question.single,
				answers: question.answers.map((answer) => ({ text: answer.text.text, fraction: answer.fraction })),
			};
		case "truefalse":
			return {
				...common,
				answers: [
					{ text: "True", fraction: question.correct ? 1 : 0 },
					{ text: "False", fraction: question.correct ? 0 : 1 },
				],
			};
		case "shortanswer":
			return { ...common, answers: question.answers.map(({ text, fraction }) => ({ text, fraction })) };
		case "numerical":
			return {
				...common,
				answers: question.answers.map((answer) => ({
					text: numericalMatchText(answer.match),
					fraction: answer.fraction,
				})),
			};
		case "match": {
			const share = roundFraction(1 / question.pairs.filter((pair) => pair.stem.text !== "").length);
			return {
				...common,
				answers: question.pairs.map(({ stem, answer }) => ({
					text: `${stem.text} -> ${answer}`.trimStart(),
					fraction: stem.text === "" ? 0 : share,
				})),
			};
		}
	}
}

/** `3`, `3:2`, `1..5` or `*`. */
export function numericalMatchText(match: NumericalMatch): string {
	switch (match.kind) {
		case "any":
			return "*";
		case "range":
			return `${match.min}..${match.max}`;
		case "value":
			return match.tolerance === 0 ? String(match.value) : `${match.value}:${match.tolerance}`;
	}
}

/** Seven decimals, as Moodle stores fractions. */
function roundFraction(fraction: number): number {
	return Number(fraction.toFixed(7));
}
