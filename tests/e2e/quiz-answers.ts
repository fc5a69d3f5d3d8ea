import type { Page } from "@playwright/test";
import { getQuestion, type QuestionBank } from "../../app/domain/quiz/bank";
import { attemptPlanSchema } from "../../app/domain/quiz/attempt";
import { gradeQuestion } from "../../app/domain/quiz/grade";
import { publicQuestions } from "../../app/domain/quiz/public-view";
import { prisma } from "./db";

/**
 * Fills the open attempt on the page with the right answers, read from the bank (the English
 * key) as the server grades them; `texts` overrides the answer typed for a question by id.
 */
export async function answerCorrectly(
	page: Page,
	bank: QuestionBank,
	attemptId: string,
	texts: Record<string, string> = {},
) {
	const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { plan: true } });
	const plan = attemptPlanSchema.parse(JSON.parse(row.plan));
	for (const question of publicQuestions(bank, plan)) {
		const right = gradeQuestion(getQuestion(bank, question.id), undefined).rightAnswer;
		const typed = texts[question.id];
		switch (right.kind) {
			case "choices":
				for (const id of right.choiceIds) await page.locator(`input[name="${question.field}"][value="${id}"]`).check();
				break;
			case "texts":
				await page.locator(`[name="${question.field}"]`).fill(typed ?? right.texts.find((t) => !t.includes("*"))!);
				break;
			case "numbers": {
				const match = right.matches[0]!;
				const value = match.kind === "value" ? match.value : match.kind === "range" ? (match.min + match.max) / 2 : 0;
				await page.locator(`[name="${question.field}"]`).fill(typed ?? String(value));
				break;
			}
			case "pairs":
				for (const [stem, choice] of Object.entries(right.choiceByStem)) {
					await page.locator(`select[name="${question.field}.${stem}"]`).selectOption(choice);
				}
				break;
			case "none":
				break;
		}
	}
}
