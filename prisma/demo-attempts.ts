/**
 * Quiz attempts made of generated answers and graded by the real engine, for the demo data and
 * the bench: a learner of a given skill answers each question rightly with that probability,
 * else picks a wrong answer the way a learner would.
 */
import { buildAttempt, type AttemptPlan } from "../app/domain/quiz/attempt";
import { gradeAttempt } from "../app/domain/quiz/attempt-grade";
import type { QuestionBank } from "../app/domain/quiz/bank";
import { answerChoices, matchParts } from "../app/domain/quiz/choices";
import { shuffled, type RandomSource } from "../app/domain/quiz/random";
import type { AttemptResponses, QuestionResponse } from "../app/domain/quiz/response";
import { gradeColumns } from "../app/domain/quiz/stored-grade";

export const DEMO_ESSAYS = [
	'IND1 counts foreign citizens and stateless persons holding a residence permit valid on 1 January and for at least 12 months; dual citizens with our citizenship are excluded. The unit is persons, and children under 16 are counted from their parents\' permits. The source is the permit register of the migration service, so foreigners without a permit are not covered. Holders of temporary asylum are counted as residents; persons with citizenship "none" are coded STLS.',
	"Data from the register of the migration service on 1 January.",
	"IND1 — иностранные граждане и лица без гражданства с разрешением на проживание, действующим на 1 января не менее 12 месяцев. Единица — человек; дети до 16 лет учитываются по разрешениям родителей. Источник — реестр разрешений миграционной службы. Лица с гражданством «нет» кодируются STLS.",
];

export function generatedResponses(
	bank: QuestionBank,
	plan: AttemptPlan,
	skill: number,
	random: RandomSource,
	essay?: string,
): AttemptResponses {
	const responses: AttemptResponses = {};
	for (const { questionId } of plan.slots) {
		const question = bank.byId.get(questionId)!;
		const right = random() < skill;
		const response = answer(question, right, random, essay);
		if (response) responses[questionId] = response;
	}
	return responses;
}

function answer(
	question: QuestionBank["questions"][number],
	right: boolean,
	random: RandomSource,
	essay: string | undefined,
): QuestionResponse | null {
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
	switch (question.type) {
		case "multichoice": {
			const choices = answerChoices(question);
			if (question.single) {
				const pool = choices.filter((c) => (right ? c.answer.fraction === 1 : c.answer.fraction < 1));
				return { kind: "choice", choiceId: pick(pool.length ? pool : choices).id };
			}
			const good = choices.filter((c) => c.answer.fraction > 0);
			const bad = choices.filter((c) => c.answer.fraction <= 0);
			const ids = right
				? good.map((c) => c.id)
				: [...shuffled(good, random).slice(0, Math.max(1, good.length - 1)), ...bad.slice(0, 1)].map((c) => c.id);
			return { kind: "choices", choiceIds: ids };
		}
		case "truefalse":
			return { kind: "choice", choiceId: String(right ? question.correct : !question.correct) };
		case "shortanswer": {
			const text = question.answers.find((a) => a.fraction === 1)?.text.replaceAll("*", "") ?? "";
			return { kind: "text", text: right ? text : "not sure" };
		}
		case "numerical": {
			const match = question.answers.find((a) => a.fraction === 1 && a.match.kind !== "any")?.match;
			const value = match?.kind === "value" ? match.value : match?.kind === "range" ? match.min : 0;
			return { kind: "number", value: right ? value : value * 2 + 7 };
		}
		case "match": {
			const { stems, choices } = matchParts(question);
			const wrong = shuffled(choices, random);
			return {
				kind: "match",
				choices: Object.fromEntries(
					stems.map((stem, i) => [stem.id, right ? stem.choiceId : wrong[i % wrong.length]!.id]),
				),
			};
		}
		case "essay":
			return { kind: "text", text: essay ?? pick(DEMO_ESSAYS) };
		case "description":
			return null;
	}
}

/** A drawn attempt with generated answers, graded: the columns of a submitted QuizAttempt. */
export function gradedAttempt(
	bank: QuestionBank,
	settings: { questionsPerAttempt: number | null; shuffle: boolean; passMark: number },
	skill: number,
	random: RandomSource,
	options: { plan?: AttemptPlan; essay?: string } = {},
) {
	const plan = options.plan ?? buildAttempt(bank, settings, random);
	const responses = generatedResponses(bank, plan, skill, random, options.essay);
	const grade = gradeAttempt({ bank, plan, responses, passMark: settings.passMark });
	return {
		plan: JSON.stringify(plan),
		responses: JSON.stringify(responses),
		...gradeColumns(grade),
		includesEssay: plan.slots.some((slot) => bank.byId.get(slot.questionId)?.type === "essay"),
	};
}
