import type { AttemptPlan } from "./attempt";
import { getQuestion, type QuestionBank } from "./bank";
import { gradeQuestion } from "./grade";
import type { AttemptResponses, QuestionResponse } from "./response";

/**
 * The responses a learner who knows every answer would give to an attempt's questions, the first
 * `count` of them (all by default), the rest left blank: for demo data and tests.
 */
export function rightResponses(bank: QuestionBank, plan: AttemptPlan, count = Infinity): AttemptResponses {
	const responses: AttemptResponses = {};
	let answered = 0;
	for (const { questionId } of plan.slots) {
		const question = getQuestion(bank, questionId);
		if (question.type === "description" || answered >= count) continue;
		const right = gradeQuestion(question, undefined).rightAnswer;
		const single = question.type !== "multichoice" || question.single;
		let response: QuestionResponse | undefined;
		if (right.kind === "choices") {
			response = single
				? { kind: "choice", choiceId: right.choiceIds[0] ?? null }
				: { kind: "choices", choiceIds: right.choiceIds };
		} else if (right.kind === "texts") {
			response = { kind: "text", text: right.texts.find((text) => !text.includes("*")) ?? right.texts[0] ?? "" };
		} else if (right.kind === "numbers") {
			const match = right.matches[0];
			response = {
				kind: "number",
				value: match?.kind === "value" ? match.value : match?.kind === "range" ? match.min : null,
			};
		} else if (right.kind === "pairs") {
			response = { kind: "match", choices: right.choiceByStem };
		}
		if (response) {
			responses[questionId] = response;
			answered++;
		}
	}
	return responses;
}
