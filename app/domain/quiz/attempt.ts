import { z } from "zod";
import type { QuizSettings } from "~/domain/content/schema";
import type { BankQuestion, QuestionBank } from "./bank";
import { answerChoices, matchParts } from "./choices";
import { shuffled, type RandomSource } from "./random";

/**
 * One question of an attempt and the order it is shown in. Stored with the attempt, so the
 * attempt renders the same every time it is opened.
 */
const attemptSlotSchema = z.object({
	questionId: z.string().min(1),
	/**
	 * The question's version (QuestionVersion.hash, ./versions.ts): what the attempt presented.
	 * Absent in plans made before versions were kept, until the backfill finds it.
	 */
	version: z.string().min(1).optional(),
	/**
	 * Set by the backfill instead of a version when the bank no longer had the question it
	 * presented (./versions.ts): "removed" (no question of that id) or "changed".
	 */
	gone: z.enum(["removed", "changed"]).optional(),
	/** Choice ids in display order: the answers of a multiple-choice question, the choices of a matching one. */
	choiceOrder: z.array(z.string()),
	/** Stem ids of a matching question in display order. */
	stemOrder: z.array(z.string()),
});

export const attemptPlanSchema = z.object({ slots: z.array(attemptSlotSchema) });

export type AttemptSlot = z.infer<typeof attemptSlotSchema>;
export type AttemptPlan = z.infer<typeof attemptPlanSchema>;

export type AttemptSettings = Pick<QuizSettings, "questionsPerAttempt" | "shuffle">;

/**
 * Draws the questions of a new attempt and fixes their order (docs/decisions/0022-quiz-engine.md):
 * - `questionsPerAttempt: null` takes the whole bank in its order, descriptions included;
 *   a number draws that many questions at random (descriptions never), shown in bank order;
 * - `shuffle` shuffles the answers of multiple-choice questions and the stems of matching ones;
 *   the choices of a matching question are always shuffled, since their order would give the pairs away.
 */
export function buildAttempt(
	bank: QuestionBank,
	settings: AttemptSettings,
	random: RandomSource = Math.random,
): AttemptPlan {
	return {
		slots: drawQuestions(bank.questions, settings.questionsPerAttempt, random).map((question) =>
			planSlot(question, settings.shuffle, random),
		),
	};
}

function drawQuestions(questions: readonly BankQuestion[], count: number | null, random: RandomSource): BankQuestion[] {
	if (count === null) return [...questions];
	const drawn = new Set<BankQuestion>(
		shuffled(
			questions.filter((question) => question.type !== "description"),
			random,
		).slice(0, count),
	);
	return questions.filter((question) => drawn.has(question));
}

function planSlot(question: BankQuestion, shuffle: boolean, random: RandomSource): AttemptSlot {
	const order = (ids: string[]) => (shuffle ? shuffled(ids, random) : ids);
	const slot = { questionId: question.id, choiceOrder: [], stemOrder: [] };
	switch (question.type) {
		case "multichoice":
			return { ...slot, choiceOrder: order(answerChoices(question).map((choice) => choice.id)) };
		case "match": {
			const { stems, choices } = matchParts(question);
			return {
				...slot,
				choiceOrder: shuffled(
					choices.map((choice) => choice.id),
					random,
				),
				stemOrder: order(stems.map((stem) => stem.id)),
			};
		}
		default:
			return slot;
	}
}
