import type { RichText } from "~/domain/gift/types";
import { getQuestion, type BankQuestion, type QuestionBank } from "./bank";
import { answerChoices, matchParts } from "./choices";
import type { AttemptPlan, AttemptSlot } from "./attempt";
import type { MissingReason } from "./versions";

/**
 * What the browser may see of a question: texts, choices in the attempt's order, and the form
 * field names to answer in. No weights, feedback or answer key (docs/decisions/0022-quiz-engine.md).
 * A true/false question is answered with the values `true` and `false`; short-answer,
 * numerical and essay questions with a text field; matching questions with one select per stem.
 */
export type PublicQuestion = {
	id: string;
	/** The form field of the answer: `q1`, `q2`… in the order of the attempt. */
	field: string;
	text: RichText;
} & (
	| { type: "multichoice"; single: boolean; choices: { id: string; text: RichText }[] }
	| { type: "match"; stems: { id: string; field: string; text: RichText }[]; choices: { id: string; text: string }[] }
	| { type: "truefalse" | "shortanswer" | "numerical" | "essay" | "description" }
	/** A question the attempt can no longer show as it was asked (./versions.ts): its text is empty. */
	| { type: "removed"; reason: MissingReason }
);

/**
 * The attempt's questions in its order. A question of `missing` stands as "removed" (the review
 * shows the stored answer and grade under a notice); any other question the bank lacks throws.
 */
export function publicQuestions(
	bank: QuestionBank,
	plan: AttemptPlan,
	missing: ReadonlyMap<string, MissingReason> = new Map(),
): PublicQuestion[] {
	return plan.slots.map((slot, index) => {
		const field = `q${index + 1}`;
		const reason = missing.get(slot.questionId);
		if (reason) return { id: slot.questionId, field, text: { text: "", format: "plain" }, type: "removed", reason };
		return publicQuestion(getQuestion(bank, slot.questionId), slot, field);
	});
}

function publicQuestion(question: BankQuestion, slot: AttemptSlot, field: string): PublicQuestion {
	const common = { id: question.id, field, text: question.text };
	switch (question.type) {
		case "multichoice": {
			const choices = inOrder(
				slot.choiceOrder,
				answerChoices(question).map(({ id, answer }) => ({ id, text: answer.text })),
			);
			return { ...common, type: "multichoice", single: question.single, choices };
		}
		case "match": {
			const { stems, choices } = matchParts(question);
			return {
				...common,
				type: "match",
				stems: inOrder(
					slot.stemOrder,
					stems.map(({ id, text }) => ({ id, field: `${field}.${id}`, text })),
				),
				choices: inOrder(slot.choiceOrder, choices),
			};
		}
		default:
			return { ...common, type: question.type };
	}
}

/** The items in the stored order; throws when the order and the question no longer agree. */
function inOrder<T extends { id: string }>(order: readonly string[], items: readonly T[]): T[] {
	const sorted = order.flatMap((id) => items.filter((item) => item.id === id));
	if (sorted.length !== items.length || new Set(order).size !== order.length) {
		throw new Error(
			`The stored order ${order.join(",")} does not fit the question's ${items.map((item) => item.id).join(",")}`,
		);
	}
	return sorted;
}
