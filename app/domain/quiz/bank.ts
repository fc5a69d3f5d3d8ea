import { questionTitle } from "~/domain/gift/summary";
import type { GiftQuestion, ShortAnswer } from "~/domain/gift/types";

/** A question of a quiz, under its stable id. */
export type BankQuestion = GiftQuestion & {
	id: string;
	/**
	 * The texts choice ids are made from, when they are not the question's own: a translated
	 * question keeps the ids of its English key (answers of a multiple-choice question, the
	 * answers of a matching question's pairs, in the question's order). See ./bilingual.ts.
	 */
	choiceKeys?: readonly string[];
	/** Short answer: the other language's answers, accepted in the same positions. */
	otherAnswers?: readonly ShortAnswer[];
};

export interface QuestionBank {
	/** In the order of the GIFT file. */
	questions: readonly BankQuestion[];
	byId: ReadonlyMap<string, BankQuestion>;
}

/** The house form of a question id, `m04-q01`: module 4, question 1 (docs/decisions/0021-question-ids.md). */
export const QUESTION_ID = /^m(\d{2})-q\d{2,}$/;

/**
 * The id attempts and responses refer to, so it must not change when a question is edited:
 * the `[id:…]` of its comment; else the first word of its title when that word is a house id
 * (`::m04-q01 Short title::`); else its whole title.
 */
export function questionId(question: GiftQuestion): string {
	if (question.idNumber !== undefined) return question.idNumber;
	const title = questionTitle(question);
	const firstWord = title.split(/\s/, 1)[0] ?? "";
	return QUESTION_ID.test(firstWord) ? firstWord : title;
}

/** Throws when two questions share an id: attempts could not tell them apart. */
export function createQuestionBank(questions: readonly GiftQuestion[]): QuestionBank {
	const byId = new Map<string, BankQuestion>();
	for (const question of questions) {
		const id = questionId(question);
		if (byId.has(id)) throw new Error(`Two questions have the id "${id}"`);
		byId.set(id, { ...question, id });
	}
	return { questions: [...byId.values()], byId };
}

/** The question of an attempt; throws when the bank no longer has it (the quiz was edited since). */
export function getQuestion(bank: QuestionBank, id: string): BankQuestion {
	const question = bank.byId.get(id);
	if (!question) throw new Error(`The question "${id}" of this attempt is no longer in the bank`);
	return question;
}
