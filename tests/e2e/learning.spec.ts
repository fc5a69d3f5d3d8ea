import fs from "node:fs";
import type { Page } from "@playwright/test";
import { parseGift } from "../../app/domain/gift/parse";
import { createQuestionBank } from "../../app/domain/quiz/bank";
import { attemptPlanSchema, buildAttempt } from "../../app/domain/quiz/attempt";
import { publicQuestions } from "../../app/domain/quiz/public-view";
import { prisma } from "./db";
import { expect, test } from "./fixtures";
import { answerCorrectly } from "./quiz-answers";

const MODULE = "basic-concepts-and-categories";
const bank = createQuestionBank(parseGift(fs.readFileSync(`content/modules/04.${MODULE}/quiz.gift`, "utf8")).questions);

/** An essay waits for a trainer, so the attempt is drawn again from the questions the engine marks. */
async function drawWithoutEssays(page: Page, attemptId: string) {
	const marked = { questions: bank.questions.filter((q) => q.type !== "essay"), byId: bank.byId };
	const plan = buildAttempt(marked, { questionsPerAttempt: 10, shuffle: true });
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(plan) } });
	await page.reload();
}

test("a trainee reads a section and marks it read", async ({ page, login, a11y }) => {
	await login();
	await page.goto("/modules");
	await a11y();
	await page.getByRole("link", { name: /Basic concepts and categories of migrants/ }).click();
	await expect(
		page.getByRole("heading", { level: 1, name: "Basic concepts and categories of migrants" }),
	).toBeVisible();
	await a11y();
	await page.getByRole("link", { name: "Start reading" }).click();
	await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
	await a11y();
	const first = page.url();
	await page.getByRole("button", { name: "Mark as read and continue" }).click();
	await expect(page.getByText("Section marked as read.")).toBeVisible();
	expect(page.url()).not.toBe(first);
	await page.goto(first);
	await expect(page.getByText("You have marked this section as read.")).toBeVisible();
	await page.goto("/");
	await expect(page.getByText("0 of 14 modules completed.")).toBeVisible();
	await expect(page.getByRole("link", { name: /Continue module 4/ })).toBeVisible();
});

test("a trainee fails the quiz with JavaScript, passes it without, and reviews both", async ({
	page,
	login,
	a11y,
	browser,
	baseURL,
}) => {
	test.slow(); // two contexts, two attempts, a confirmation and five checks with axe
	await login();
	await page.goto(`/modules/${MODULE}/quiz`);
	await expect(page.getByText("3 of 3 attempts left.")).toBeVisible();
	await a11y();
	await page.getByRole("button", { name: "Start the quiz" }).click();
	await expect(page.getByRole("heading", { name: "Your attempt" })).toBeVisible();
	await a11y();

	// The page holds no answer key before submission: no fractions, feedback or right answers.
	const html = await page.content();
	const sample = bank.questions.find((q) => q.type === "multichoice")!;
	if (sample.type === "multichoice") {
		for (const answer of sample.answers) expect(html).not.toContain(answer.feedback.text);
	}
	expect(html).not.toMatch(/fraction|feedback|rightAnswer/);

	// A blank submission is not graded at once: the page asks first.
	await page.getByRole("button", { name: "Submit answers" }).click();
	await expect(page.getByRole("heading", { name: "Submit with questions left blank?" })).toBeVisible();
	await expect(page.getByText("You have not answered questions 1, 2, 3, 4, 5, 6, 7, 8, 9 and 10.")).toBeVisible();
	await a11y();
	await page.getByRole("button", { name: "Submit as it is" }).click();
	await expect(page.getByRole("heading", { name: "Review of your attempt" })).toBeVisible();
	await expect(page.getByRole("status").filter({ hasText: "Not passed: 0 %" })).toBeVisible();
	// Failed with attempts left: right or wrong and the feedback, but not the right answers.
	await expect(page.getByText(/— right answer$/)).toHaveCount(0);
	await expect(
		page.getByText("The right answers are shown once you pass this quiz or have used your last attempt."),
	).toBeVisible();
	await a11y();

	const cookies = await page.context().cookies();
	const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
	await noScript.addCookies(cookies);
	const plain = await noScript.newPage();
	await plain.goto(`/modules/${MODULE}/quiz`);
	await plain.getByRole("button", { name: "Start a new attempt" }).click();
	await expect(plain.getByRole("heading", { name: "Your attempt" })).toBeVisible();
	const attemptId = plain.url().split("/").pop()!;
	await drawWithoutEssays(plain, attemptId);
	await answerCorrectly(plain, bank, attemptId);
	await plain.getByRole("button", { name: "Submit answers" }).click();
	await expect(plain.getByText(/^Passed with 100 %/)).toBeVisible();
	await noScript.close();

	await page.goto(`/modules/${MODULE}/quiz`);
	await expect(page.getByText("Passed: your best score is 100 %.")).toBeVisible();
	await a11y();
	// Passed: now the review of the failed attempt shows the right answers too.
	await page.getByRole("link", { name: "Attempt 1: review" }).click();
	await expect(page.getByText("Not passed: 0 %")).toBeVisible();
	await expect(page.getByText(/— right answer$/).first()).toBeVisible();
});

test.describe("with JavaScript disabled", () => {
	test.use({ javaScriptEnabled: false });

	test("a blank submission asks on a page of its own, and the answers typed so far are kept", async ({
		page,
		login,
		a11y,
	}) => {
		await login();
		await page.goto(`/modules/${MODULE}/quiz`);
		await page.getByRole("button", { name: "Start the quiz" }).click();
		const attemptId = page.url().split("/").pop()!;
		const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { plan: true } });
		const first = publicQuestions(bank, attemptPlanSchema.parse(JSON.parse(row.plan))).find(
			(q) => q.type === "shortanswer" || q.type === "numerical",
		);
		if (first) await page.locator(`[name="${first.field}"]`).fill("42");
		await page.getByRole("button", { name: "Submit answers" }).click();
		await expect(page).toHaveURL(/\?confirm$/);
		await expect(page.getByRole("heading", { name: "Submit with questions left blank?" })).toBeVisible();
		if (first) await expect(page.locator(`[name="${first.field}"]`)).toHaveValue("42");
		await a11y();
		await page.getByRole("button", { name: "Submit as it is" }).click();
		await expect(page.getByRole("heading", { name: "Review of your attempt" })).toBeVisible();
	});
});

test("an answer that is not a number is refused beside the field, and the other answers stay", async ({
	page,
	login,
}) => {
	await login();
	await page.goto(`/modules/${MODULE}/quiz`);
	await page.getByRole("button", { name: "Start the quiz" }).click();
	await expect(page.getByRole("heading", { name: "Your attempt" })).toBeVisible();
	// Every question of the bank in this attempt, so that it has a numerical and a short-answer one.
	const attemptId = page.url().split("/").pop()!;
	const plan = buildAttempt(bank, { questionsPerAttempt: null, shuffle: false });
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(plan) } });
	await page.reload();
	const questions = publicQuestions(bank, plan);
	const numerical = questions.find((q) => q.type === "numerical");
	const text = questions.find((q) => q.type === "shortanswer");
	expect(numerical && text, "module 4's bank has numerical and short-answer questions").toBeTruthy();
	await page.locator(`[name="${text!.field}"]`).fill("kept answer");
	await page.locator(`[name="${numerical!.field}"]`).fill("about forty");
	await page.getByRole("button", { name: "Save and finish later" }).click();
	await expect(page.getByText("Enter a number, such as 12 or 12.5.")).toBeVisible();
	await expect(page.locator(`[name="${numerical!.field}"]`)).toHaveValue("about forty");
	await expect(page.locator(`[name="${text!.field}"]`)).toHaveValue("kept answer");
});

test("a trainer sees the trainer guide", async ({ page, login, a11y }) => {
	await login({ roles: ["trainer"] });
	await page.goto(`/modules/${MODULE}`);
	await page.getByRole("link", { name: "Trainer guide" }).click();
	await expect(page.getByRole("heading", { name: "Session plan" })).toBeVisible();
	await a11y();
});

test("a trainee may not open the trainer guide", async ({ page, login }) => {
	await login();
	await page.goto(`/modules/${MODULE}`);
	await expect(page.getByRole("link", { name: "Trainer guide" })).toHaveCount(0);
	const response = await page.goto(`/modules/${MODULE}/trainer`);
	expect(response?.status()).toBe(403);
});

test("the module page in Russian", async ({ page, login, a11y }) => {
	await login({ language: "ru" });
	await page.goto(`/modules/${MODULE}`);
	await expect(page.getByRole("heading", { level: 1, name: "Основные понятия и категории мигрантов" })).toBeVisible();
	await expect(page.getByRole("link", { name: "Начать чтение" })).toBeVisible();
	await a11y();
});

test("module 4's quiz in the Russian interface, from start to review", async ({ page, login, a11y }) => {
	await login({ language: "ru" });
	await page.goto(`/modules/${MODULE}/quiz`);
	await page.getByRole("button", { name: "Начать тест" }).click();
	await expect(page.getByRole("heading", { name: "Ваша попытка" })).toBeVisible();
	await expect(page.getByText("Вопрос 1", { exact: true })).toBeVisible();
	await a11y();
	await page.getByRole("button", { name: "Отправить ответы" }).click();
	await expect(page.getByRole("heading", { name: "Отправить с вопросами без ответа?" })).toBeVisible();
	await expect(page.getByText("Вы не ответили на вопросы 1, 2, 3, 4, 5, 6, 7, 8, 9 и 10.")).toBeVisible();
	await a11y();
	await page.getByRole("button", { name: "Отправить как есть" }).click();
	await expect(page.getByRole("heading", { name: "Разбор вашей попытки" })).toBeVisible();
	await expect(page.getByRole("status").filter({ hasText: "Тест не сдан: 0 %" })).toBeVisible();
	await expect(page.getByText("Ответа нет").first()).toBeVisible();
	await expect(page.getByText("Правильные ответы будут показаны, когда вы сдадите тест")).toBeVisible();
	await a11y();
});
