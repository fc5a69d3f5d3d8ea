import { questionTitle } from "~/domain/gift/summary";
import type { GiftQuestion, NumericalMatch } from "~/domain/gift/types";
import { createQuestionBank, questionId, type BankQuestion, type QuestionBank } from "./bank";
import { gradeQuestion, type QuestionGrade } from "./grade";
import type { AttemptResponses } from "./response";

/**
 * A module's quiz in two languages (docs/decisions/0040-bilingual-content.md "Quiz twins share
 * keys", docs/decisions/0042-bilingual-quiz.md). The English bank is the key: question ids,
 * choice ids (hashed from the English texts), weights and numbers come from it. The Russian bank
 * `quiz.ru.gift` has the same questions in the same order and gives the texts and feedback a
 * Russian reader sees, the text of each choice being the one in the same position. Short-answer
 * questions accept the answers of both banks at each position, so an attempt grades the same
 * whichever language it is shown in.
 */

export interface TranslationProblem {
	/** The line, in the Russian bank, of the question that parts from the English. */
	line: number;
	message: string;
}

/**
 * Where a Russian bank parts from its English key: a question missing, added or out of the
 * English order; another type or tags; another number of answers or weight in a position;
 * another numerical answer or tolerance, true/false key, or pairing. Texts and feedback may
 * differ; nothing else may. Questions are paired by id, so one question lost or moved is one
 * problem, not a problem for every question after it.
 */
export function translationProblems(
	english: readonly GiftQuestion[],
	russian: readonly GiftQuestion[],
): TranslationProblem[] {
	const problems: TranslationProblem[] = [];
	const keys = new Map(english.map((question) => [questionId(question), question]));
	const ids = new Set(russian.map(questionId));
	const lastLine = russian.at(-1)?.line ?? 1;
	const missing = english.map(questionId).filter((id) => !ids.has(id));
	if (missing.length) {
		problems.push({
			line: lastLine,
			message: `${missing.join(", ")} of the English bank ${missing.length === 1 ? "is" : "are"} missing here`,
		});
	}
	const inBoth = russian.filter((question) => keys.has(questionId(question)));
	const englishOrder = english.map(questionId).filter((id) => ids.has(id));
	const outOfOrder = inBoth.findIndex((question, index) => questionId(question) !== englishOrder[index]);
	for (const question of russian) {
		const line = question.line ?? 1;
		const key = keys.get(questionId(question));
		if (!key) {
			problems.push({
				line,
				message: `"${questionTitle(question)}": not in the English bank, which has ${english.length} questions`,
			});
			continue;
		}
		const report = (message: string) =>
			problems.push({ line, message: `"${questionTitle(question)}": ${message} (English line ${key.line ?? 1})` });
		if (question === inBoth[outOfOrder]) {
			report(
				`out of the English order: the English has ${englishOrder[outOfOrder]} here; the same questions come in the same order`,
			);
		}
		differences(key, question).forEach(report);
	}
	return problems;
}

function differences(key: GiftQuestion, question: GiftQuestion): string[] {
	if (key.type !== question.type) return [`a ${question.type} question here, a ${key.type} question in the English`];
	const tags = (q: GiftQuestion) => [...q.tags].sort().join(" ");
	const problems = tags(key) === tags(question) ? [] : [`tags [${tags(question)}] here, [${tags(key)}] in the English`];
	const count = (what: string, here: number, there: number) =>
		here === there ? [] : [`${here} ${what} here, ${there} in the English`];
	const weights = (here: readonly { fraction: number }[], there: readonly { fraction: number }[]) =>
		there.flatMap((answer, index) => {
			const mine = here[index];
			return mine && mine.fraction !== answer.fraction
				? [`answer ${index + 1} is worth ${percent(mine.fraction)} here, ${percent(answer.fraction)} in the English`]
				: [];
		});
	/** The same number of answers, each worth what the English one in its position is. */
	const answers = (here: readonly { fraction: number }[], there: readonly { fraction: number }[]) => [
		...count("answers", here.length, there.length),
		...weights(here, there),
	];
	switch (key.type) {
		case "multichoice": {
			const q = question as typeof key;
			if (q.single !== key.single)
				problems.push(
					key.single
						? "several right answers here, one in the English"
						: "one right answer here, several in the English",
				);
			return [...problems, ...answers(q.answers, key.answers)];
		}
		case "shortanswer": {
			const q = question as typeof key;
			return [...problems, ...answers(q.answers, key.answers)];
		}
		case "numerical": {
			const q = question as typeof key;
			const numbers = key.answers.flatMap((answer, index) => {
				const mine = q.answers[index];
				return mine && !sameMatch(mine.match, answer.match)
					? [`answer ${index + 1} is ${describe(mine.match)} here, ${describe(answer.match)} in the English`]
					: [];
			});
			return [...problems, ...answers(q.answers, key.answers), ...numbers];
		}
		case "truefalse": {
			const q = question as typeof key;
			return q.correct === key.correct
				? problems
				: [
						...problems,
						`the answer is ${q.correct ? "true" : "false"} here, ${key.correct ? "true" : "false"} in the English`,
					];
		}
		case "match": {
			const q = question as typeof key;
			if (q.pairs.length !== key.pairs.length)
				return [...problems, ...count("pairs", q.pairs.length, key.pairs.length)];
			const shape = (pairs: typeof key.pairs) =>
				pairs
					.map(
						(pair) => `${pair.stem.text === "" ? "-" : "s"}${pairs.findIndex((other) => other.answer === pair.answer)}`,
					)
					.join(",");
			return shape(q.pairs) === shape(key.pairs)
				? problems
				: [
						...problems,
						"the pairs are matched otherwise than in the English: each pair, distractor and shared answer stays in its position",
					];
		}
		default:
			return problems;
	}
}

function sameMatch(a: NumericalMatch, b: NumericalMatch): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function describe(match: NumericalMatch): string {
	if (match.kind === "any") return "*";
	if (match.kind === "range") return `${match.min}..${match.max}`;
	return match.tolerance ? `${match.value}:${match.tolerance}` : String(match.value);
}

function percent(fraction: number): string {
	return `${Number((fraction * 100).toFixed(5))} %`;
}

export interface BilingualBanks {
	/** The key: grades every attempt. Its short answers also accept the Russian bank's. */
	en: QuestionBank;
	/** The texts a Russian reader sees, on the English key; null when there is no sound Russian bank. */
	ru: QuestionBank | null;
}

/**
 * The banks of a module. `russian` is used only when `translationProblems` finds nothing; else a
 * Russian reader sees the English bank (and content:check names what to fix).
 */
export function bilingualBanks(
	english: readonly GiftQuestion[],
	russian: readonly GiftQuestion[] | null,
): BilingualBanks {
	const key = createQuestionBank(english);
	if (!russian || translationProblems(english, russian).length > 0) return { en: key, ru: null };
	const translated = key.questions.map((question, index) => onKey(question, russian[index]!));
	const withOther = key.questions.map((question, index) => acceptingAlso(question, russian[index]!));
	return { en: bankOf(withOther), ru: bankOf(translated) };
}

function bankOf(questions: BankQuestion[]): QuestionBank {
	return { questions, byId: new Map(questions.map((question) => [question.id, question])) };
}

/** The Russian question on the English key: its texts, the English id, choice keys and weights. */
function onKey(key: BankQuestion, question: GiftQuestion): BankQuestion {
	const translated = { ...question, id: key.id } as BankQuestion;
	switch (key.type) {
		case "multichoice":
			return { ...translated, choiceKeys: key.answers.map((answer) => answer.text.text) };
		case "match":
			return { ...translated, choiceKeys: key.pairs.map((pair) => pair.answer) };
		case "shortanswer":
			return { ...translated, otherAnswers: key.answers };
		default:
			return translated;
	}
}

/** The English question, its short answers accepting the Russian ones in the same positions. */
function acceptingAlso(key: BankQuestion, question: GiftQuestion): BankQuestion {
	return key.type === "shortanswer" && question.type === "shortanswer"
		? { ...key, otherAnswers: question.answers }
		: key;
}

/**
 * A submitted attempt's grades with the texts of the reader's bank: the state and mark stay as
 * stored (the English key graded them); feedback, general feedback and right short answers are
 * those of `bank`, graded again only for its words.
 */
export function gradesInBank(
	grades: readonly QuestionGrade[],
	bank: QuestionBank,
	responses: AttemptResponses,
): QuestionGrade[] {
	return grades.map((grade) => {
		const question = bank.byId.get(grade.questionId);
		if (!question) return grade;
		const { feedback, generalFeedback, rightAnswer } = gradeQuestion(question, responses[grade.questionId]);
		return { ...grade, feedback, generalFeedback, rightAnswer };
	});
}
