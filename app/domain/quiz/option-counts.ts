import type { RichText } from "~/domain/gift/types";
import type { BankQuestion, QuestionBank } from "./bank";
import { answerChoices, matchParts, type MatchStem } from "./choices";
import { gradeQuestion } from "./grade";
import type { AttemptResponses, QuestionResponse } from "./response";

/**
 * How often each answer was given (Moodle's response analysis, in short): per option of a
 * choice question, per stem of a matching question (how many matched it right), and the most
 * frequent answers of short-answer and numerical questions. Counted over the attempts that
 * presented the question.
 */
export interface AnswerCount {
	/** A choice id, `true`/`false`, a stem id, or the typed answer itself. */
	key: string;
	text: RichText | string;
	count: number;
	/** The option is right (a choice of positive weight, the right true/false value). */
	right: boolean;
}

export interface QuestionAnswers {
	questionId: string;
	presented: number;
	answered: number;
	counts: AnswerCount[];
}

export const TOP_TYPED_ANSWERS = 5;

export function answerCounts(
	bank: QuestionBank,
	attempts: ReadonlyArray<{ responses: AttemptResponses; questionIds: readonly string[] }>,
): Map<string, QuestionAnswers> {
	const result = new Map<string, QuestionAnswers>();
	const tallies = new Map<string, Map<string, number>>();
	for (const question of bank.questions) {
		if (question.type === "description") continue;
		result.set(question.id, { questionId: question.id, presented: 0, answered: 0, counts: [] });
		tallies.set(question.id, new Map());
	}
	const stems = new Map<string, readonly MatchStem[]>();
	for (const question of bank.questions)
		if (question.type === "match") stems.set(question.id, matchParts(question).stems);
	for (const attempt of attempts) {
		for (const id of attempt.questionIds) {
			const entry = result.get(id);
			const question = bank.byId.get(id);
			if (!entry || !question) continue;
			entry.presented++;
			const keys = answerKeys(question, attempt.responses[id], stems.get(id) ?? []);
			if (keys.length) entry.answered++;
			const tally = tallies.get(id)!;
			for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
		}
	}
	for (const question of bank.questions) {
		const entry = result.get(question.id);
		if (entry) entry.counts = countsOf(question, tallies.get(question.id)!);
	}
	return result;
}

/** What a response counts towards: the chosen options, the rightly matched stems, or the typed text. */
function answerKeys(
	question: BankQuestion,
	response: AttemptResponses[string] | undefined,
	stems: readonly MatchStem[],
): string[] {
	if (!response) return [];
	switch (response.kind) {
		case "choice":
			return response.choiceId ? [response.choiceId] : [];
		case "choices":
			return response.choiceIds;
		case "text":
			return response.text.trim() && question.type !== "essay" ? [normalize(response.text)] : [];
		case "number":
			return response.value === null ? [] : [String(response.value)];
		case "match": {
			if (question.type !== "match") return [];
			const answered = stems.some((stem) => response.choices[stem.id]);
			if (!answered) return [];
			// Every answered matching question counts once under "answered"; its stems count when right.
			return [...stems.filter((stem) => response.choices[stem.id] === stem.choiceId).map((stem) => stem.id), ""];
		}
	}
}

function normalize(text: string): string {
	return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

function countsOf(question: BankQuestion, tally: Map<string, number>): AnswerCount[] {
	const count = (key: string) => tally.get(key) ?? 0;
	switch (question.type) {
		case "multichoice":
			return answerChoices(question).map(({ id, answer }) => ({
				key: id,
				text: answer.text,
				count: count(id),
				right: question.single ? answer.fraction === 1 : answer.fraction > 0,
			}));
		case "truefalse":
			return (["true", "false"] as const).map((key) => ({
				key,
				text: key,
				count: count(key),
				right: String(question.correct) === key,
			}));
		case "match":
			return matchParts(question).stems.map((stem) => ({
				key: stem.id,
				text: stem.text,
				count: count(stem.id),
				right: true,
			}));
		case "shortanswer":
		case "numerical":
			return [...tally.entries()]
				.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
				.slice(0, TOP_TYPED_ANSWERS)
				.map(([key, n]) => ({ key, text: key, count: n, right: typedIsRight(question, key) }));
		default:
			return [];
	}
}

/** A typed answer is right when the engine would give it full marks. */
function typedIsRight(question: BankQuestion, typed: string): boolean {
	const response: QuestionResponse =
		question.type === "numerical" ? { kind: "number", value: Number(typed) } : { kind: "text", text: typed };
	return gradeQuestion(question, response).state === "correct";
}
