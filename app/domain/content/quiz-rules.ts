import { parseGift } from "~/domain/gift/parse";
import { numericalMatchText, questionTitle } from "~/domain/gift/summary";
import type { GiftQuestion } from "~/domain/gift/types";
import { QUESTION_ID, questionId } from "~/domain/quiz/bank";
import type { LineProblem } from "./frontmatter";

/** The house rules of a module's quiz.gift (docs/content-format.md, docs/decisions/0023-content-check.md). */
export const MIN_QUESTIONS = 12;
export const MIN_QUESTION_KINDS = 3;

export interface QuizReport {
	problems: LineProblem[];
	/** Questions that carry a mark (descriptions left out). */
	questionCount: number;
	/** The objective numbers that at least one question tests. */
	testedObjectives: Set<number>;
}

/**
 * Checks a module's question bank: it parses; it has enough questions of enough kinds; each
 * question has a title, a stable id of its module (m04-q01), tests an objective of the module
 * and explains every answer.
 */
export function checkQuiz(gift: string, module: { number?: number; objectiveCount?: number }): QuizReport {
	const { questions, errors } = parseGift(gift);
	const problems: LineProblem[] = [...errors];
	const graded = questions.filter((question) => question.type !== "description");
	if (graded.length < MIN_QUESTIONS) {
		problems.push({ line: 1, message: `the quiz has ${graded.length} questions; a module needs at least ${MIN_QUESTIONS}` });
	}
	const kinds = new Set(graded.map(questionKind));
	if (kinds.size < MIN_QUESTION_KINDS) {
		const used = kinds.size === 0 ? "none" : [...kinds].join(", ");
		problems.push({ line: 1, message: `the quiz uses ${kinds.size} question types (${used}); a module needs at least ${MIN_QUESTION_KINDS}` });
	}
	const idLines = new Map<string, number>();
	const testedObjectives = new Set<number>();
	for (const question of graded) {
		const report = (message: string) => problems.push({ line: question.line ?? 1, message: `"${questionTitle(question)}": ${message}` });
		checkIdentity(question, module.number, idLines).forEach(report);
		const objectives = objectivesOf(question);
		checkObjectives(objectives, module.objectiveCount).forEach(report);
		objectives.forEach((objective) => testedObjectives.add(objective));
		missingFeedback(question).forEach(report);
	}
	return { problems, questionCount: graded.length, testedObjectives };
}

/** The kinds a module must mix: multiple choice counts as single choice or multiple response. */
function questionKind(question: GiftQuestion): string {
	if (question.type === "multichoice") return question.single ? "single choice" : "multiple response";
	return question.type;
}

/** A title, and an id of the house form for this module, used once. */
function checkIdentity(question: GiftQuestion, moduleNumber: number | undefined, idLines: Map<string, number>): string[] {
	const problems: string[] = [];
	if (question.title === undefined) problems.push("no title: write ::m04-q01 Short title:: before the text");
	const titleId = question.title?.split(/\s/, 1)[0] ?? "";
	if (question.idNumber !== undefined && QUESTION_ID.test(titleId) && titleId !== question.idNumber) {
		problems.push(`the title starts with ${titleId} but the comment gives [id:${question.idNumber}]`);
	}
	const id = questionId(question);
	const idModule = QUESTION_ID.exec(id)?.[1];
	if (idModule === undefined) {
		problems.push("no id: put [id:m04-q01] in the comment above it, or start the title with the id");
	} else if (moduleNumber !== undefined && Number(idModule) !== moduleNumber) {
		problems.push(`the id ${id} belongs to module ${Number(idModule)}, not ${moduleNumber}`);
	}
	const previous = idLines.get(id);
	if (previous !== undefined) problems.push(`the id ${id} is already used by the question on line ${previous}`);
	else idLines.set(id, question.line ?? 1);
	return problems;
}

function objectivesOf(question: GiftQuestion): number[] {
	return question.tags.flatMap((tag) => {
		const match = /^objective-(\d+)$/.exec(tag);
		return match ? [Number(match[1])] : [];
	});
}

function checkObjectives(objectives: number[], objectiveCount: number | undefined): string[] {
	if (objectives.length === 0) return ["tests no objective: add [tag:objective-N] to the comment above it"];
	if (objectiveCount === undefined) return [];
	return objectives
		.filter((objective) => objective < 1 || objective > objectiveCount)
		.map((objective) => `[tag:objective-${objective}], but the module has ${objectiveCount} objectives`);
}

/** Every answer explains itself; matching and essay questions, which have no per-answer feedback, explain in general feedback. */
function missingFeedback(question: GiftQuestion): string[] {
	const unexplained = (answers: { text: string; feedback: { text: string } }[]) =>
		answers.filter((answer) => answer.feedback.text === "").map((answer) => `the answer "${answer.text}" has no feedback (#…)`);
	switch (question.type) {
		case "multichoice":
			return unexplained(question.answers.map((answer) => ({ text: answer.text.text, feedback: answer.feedback })));
		case "shortanswer":
			return unexplained(question.answers);
		case "numerical":
			return unexplained(question.answers.map((answer) => ({ text: numericalMatchText(answer.match), feedback: answer.feedback })));
		case "truefalse": {
			const [ifWrong, ifRight] = question.correct
				? [question.feedbackFalse, question.feedbackTrue]
				: [question.feedbackTrue, question.feedbackFalse];
			return [
				...(ifWrong.text === "" ? ["no feedback for a wrong answer (after the first #)"] : []),
				...(ifRight.text === "" ? ["no feedback for a right answer (after the second #)"] : []),
			];
		}
		case "match":
		case "essay":
			return question.generalFeedback.text === ""
				? [`a ${question.type === "match" ? "matching" : "essay"} question explains itself in general feedback (####…)`]
				: [];
		case "description":
			return [];
	}
}
