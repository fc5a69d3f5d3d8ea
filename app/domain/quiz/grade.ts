import type { GiftQuestionOf, NumericalMatch, RichText } from "~/domain/gift/types";
import type { BankQuestion } from "./bank";
import { answerChoices, matchParts } from "./choices";
import type { QuestionResponse } from "./response";

export type GradeState = "correct" | "partial" | "incorrect" | "unanswered" | "needs-grading" | "no-mark";

/** The right answer(s), for the review of an attempt; ids are those of the public view. */
export type RightAnswer =
	| { kind: "choices"; choiceIds: string[] }
	| { kind: "texts"; texts: string[] }
	| { kind: "numbers"; matches: NumericalMatch[] }
	| { kind: "pairs"; choiceByStem: Record<string, string> }
	| { kind: "none" };

export interface QuestionGrade {
	questionId: string;
	state: GradeState;
	/** Share of the mark earned, 0 to 1; null while an essay awaits its trainer, and for a description. */
	fraction: number | null;
	/** 1 for a question, 0 for a description. */
	maxMark: number;
	/** The feedback of the chosen answer(s), in bank order. */
	feedback: RichText[];
	rightAnswer: RightAnswer;
	generalFeedback: RichText | null;
}

/**
 * Grades one response (docs/decisions/0022-quiz-engine.md). `manualFraction` is a trainer's
 * mark for an essay, 0 to 1.
 */
export function gradeQuestion(
	question: BankQuestion,
	response: QuestionResponse | undefined,
	manualFraction?: number,
): QuestionGrade {
	if (manualFraction !== undefined && (question.type !== "essay" || !(manualFraction >= 0 && manualFraction <= 1))) {
		throw new RangeError(
			`A trainer's mark is a fraction from 0 to 1 for an essay; got ${manualFraction} for a ${question.type}`,
		);
	}
	const generalFeedback = question.generalFeedback.text === "" ? null : question.generalFeedback;
	const common = { questionId: question.id, maxMark: question.type === "description" ? 0 : 1, generalFeedback };
	return { ...common, ...gradeByType(question, response, manualFraction) };
}

type Outcome = Pick<QuestionGrade, "state" | "fraction" | "feedback" | "rightAnswer">;

function gradeByType(question: BankQuestion, response: QuestionResponse | undefined, manualFraction?: number): Outcome {
	switch (question.type) {
		case "multichoice":
			return gradeMultichoice(question, chosenIds(question, response));
		case "truefalse":
			return gradeTrueFalse(question, responseOfKind(question, response, "choice")?.choiceId ?? null);
		case "shortanswer":
			return gradeShortAnswer(question, responseOfKind(question, response, "text")?.text ?? "");
		case "numerical":
			return gradeNumerical(question, responseOfKind(question, response, "number")?.value ?? null);
		case "match":
			return gradeMatch(question, responseOfKind(question, response, "match")?.choices ?? {});
		case "essay":
			return gradeEssay(responseOfKind(question, response, "text")?.text ?? "", manualFraction);
		case "description":
			return { state: "no-mark", fraction: null, feedback: [], rightAnswer: { kind: "none" } };
	}
}

/** The response when it has the kind the question takes; a response of another kind is a programming error. */
function responseOfKind<K extends QuestionResponse["kind"]>(
	question: BankQuestion,
	response: QuestionResponse | undefined,
	kind: K,
): Extract<QuestionResponse, { kind: K }> | undefined {
	if (response === undefined) return undefined;
	if (response.kind !== kind)
		throw new TypeError(`Question "${question.id}" takes a ${kind} response, not ${response.kind}`);
	return response as Extract<QuestionResponse, { kind: K }>;
}

function chosenIds(
	question: GiftQuestionOf<"multichoice"> & BankQuestion,
	response: QuestionResponse | undefined,
): string[] {
	if (question.single) {
		const choiceId = responseOfKind(question, response, "choice")?.choiceId;
		return choiceId ? [choiceId] : [];
	}
	return responseOfKind(question, response, "choices")?.choiceIds ?? [];
}

/** The weights of the chosen answers add up, then the sum is kept between 0 and 1 (negative weights allowed). */
function gradeMultichoice(question: GiftQuestionOf<"multichoice">, ids: readonly string[]): Outcome {
	const choices = answerChoices(question);
	const chosen = choices.filter((choice) => ids.includes(choice.id));
	const rightAnswer: RightAnswer = {
		kind: "choices",
		choiceIds: choices
			.filter(({ answer }) => (question.single ? answer.fraction === 1 : answer.fraction > 0))
			.map((choice) => choice.id),
	};
	if (chosen.length === 0) return unanswered(rightAnswer);
	const fraction = clamp(chosen.reduce((sum, { answer }) => sum + answer.fraction, 0));
	return graded(
		fraction,
		chosen.map(({ answer }) => answer.feedback),
		rightAnswer,
	);
}

function gradeTrueFalse(question: GiftQuestionOf<"truefalse">, choiceId: string | null): Outcome {
	const rightAnswer: RightAnswer = { kind: "choices", choiceIds: [String(question.correct)] };
	if (choiceId === null) return unanswered(rightAnswer);
	const saidTrue = choiceId === "true";
	return graded(
		saidTrue === question.correct ? 1 : 0,
		[saidTrue ? question.feedbackTrue : question.feedbackFalse],
		rightAnswer,
	);
}

/**
 * Like Moodle, the first answer that matches gives the grade and the feedback. An answer of the
 * other language's bank in the same position matches as its own would (./bilingual.ts).
 */
function gradeShortAnswer(
	question: GiftQuestionOf<"shortanswer"> & Pick<BankQuestion, "otherAnswers">,
	text: string,
): Outcome {
	const rightAnswer: RightAnswer = {
		kind: "texts",
		texts: question.answers.filter((answer) => answer.fraction === 1).map((answer) => answer.text),
	};
	if (text.trim() === "") return unanswered(rightAnswer);
	const other = question.otherAnswers;
	const matched = question.answers.find(
		(answer, index) =>
			matchesShortAnswer(text, answer.text) ||
			(other?.[index] !== undefined && matchesShortAnswer(text, other[index].text)),
	);
	return matched ? graded(matched.fraction, [matched.feedback], rightAnswer) : graded(0, [], rightAnswer);
}

/**
 * Case-insensitive; runs of white space count as one space; `*` stands for any characters
 * and `\*` for an asterisk (Moodle's compare_string_with_wildcard).
 */
export function matchesShortAnswer(response: string, pattern: string): boolean {
	const normalize = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ");
	const source = normalize(pattern)
		.split(/(?<!\\)\*+/)
		.map((part) => part.replaceAll("\\*", "*").replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
		.join(".*");
	return new RegExp(`^${source}$`, "isu").test(normalize(response));
}

/** Like Moodle, the first answer whose interval holds the number gives the grade and the feedback. */
function gradeNumerical(question: GiftQuestionOf<"numerical">, value: number | null): Outcome {
	const rightAnswer: RightAnswer = {
		kind: "numbers",
		matches: question.answers
			.filter((answer) => answer.fraction === 1 && answer.match.kind !== "any")
			.map((answer) => answer.match),
	};
	if (value === null) return unanswered(rightAnswer);
	const matched = question.answers.find((answer) => numberMatches(value, answer.match));
	return matched ? graded(matched.fraction, [matched.feedback], rightAnswer) : graded(0, [], rightAnswer);
}

/**
 * Bounds are inclusive. A margin of a millionth of a millionth of the answer's size absorbs
 * binary rounding, so 3.1415 ± 0.0005 accepts 3.141 and 3.142 (Moodle adds a like margin).
 */
export function numberMatches(value: number, match: NumericalMatch): boolean {
	switch (match.kind) {
		case "any":
			return true;
		case "value":
			return Math.abs(value - match.value) <= match.tolerance + margin(match.value);
		case "range": {
			const slack = margin(Math.max(Math.abs(match.min), Math.abs(match.max)));
			return value >= match.min - slack && value <= match.max + slack;
		}
	}
}

function margin(size: number): number {
	return 1e-12 * Math.max(1, Math.abs(size));
}

/** Each stem is an equal share of the mark; a distractor picked for a stem earns nothing. */
function gradeMatch(question: GiftQuestionOf<"match">, choices: Readonly<Record<string, string | null>>): Outcome {
	const { stems } = matchParts(question);
	const rightAnswer: RightAnswer = {
		kind: "pairs",
		choiceByStem: Object.fromEntries(stems.map((stem) => [stem.id, stem.choiceId])),
	};
	if (stems.every((stem) => !choices[stem.id])) return unanswered(rightAnswer);
	const right = stems.filter((stem) => choices[stem.id] === stem.choiceId).length;
	return graded(right / stems.length, [], rightAnswer);
}

function gradeEssay(text: string, manualFraction: number | undefined): Outcome {
	const none: RightAnswer = { kind: "none" };
	if (manualFraction !== undefined) return graded(manualFraction, [], none);
	if (text.trim() === "") return unanswered(none);
	return { state: "needs-grading", fraction: null, feedback: [], rightAnswer: none };
}

function unanswered(rightAnswer: RightAnswer): Outcome {
	return { state: "unanswered", fraction: 0, feedback: [], rightAnswer };
}

function graded(fraction: number, feedback: RichText[], rightAnswer: RightAnswer): Outcome {
	const rounded = snap(fraction);
	const state = rounded === 1 ? "correct" : rounded === 0 ? "incorrect" : "partial";
	return { state, fraction: rounded, feedback: feedback.filter((text) => text.text !== ""), rightAnswer };
}

/**
 * Seven decimals, as Moodle keeps fractions, and within a millionth of 0 or 1 it is 0 or 1
 * (Moodle's own threshold for a right answer): three answers of 33.33333 % give full marks.
 */
function snap(fraction: number): number {
	if (Math.abs(fraction - 1) < 1e-6) return 1;
	if (Math.abs(fraction) < 1e-6) return 0;
	return Number(fraction.toFixed(7));
}

function clamp(fraction: number): number {
	return Math.min(1, Math.max(0, fraction));
}
