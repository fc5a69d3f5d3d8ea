import fs from "node:fs";
import { parseGift } from "../../app/domain/gift/parse";
import { createQuestionBank } from "../../app/domain/quiz/bank";
import { buildAttempt } from "../../app/domain/quiz/attempt";
import { publicQuestions } from "../../app/domain/quiz/public-view";
import { prisma } from "./db";
import { expect, test } from "./fixtures";
import { answerCorrectly } from "./quiz-answers";

const MODULE = "basic-concepts-and-categories";
const bank = createQuestionBank(parseGift(fs.readFileSync(`content/modules/04.${MODULE}/quiz.gift`, "utf8")).questions);

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
	await login();
	await page.goto(`/modules/${MODULE}/quiz`);
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

	await page.getByRole("button", { name: "Submit answers" }).click();
	await expect(page.getByRole("heading", { name: "Review of your attempt" })).toBeVisible();
	await expect(page.getByRole("status").filter({ hasText: "Not passed: 0 %" })).toBeVisible();
	await expect(page.getByText("right answer").first()).toBeVisible();
	await a11y();

	const cookies = await page.context().cookies();
	const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
	await noScript.addCookies(cookies);
	const plain = await noScript.newPage();
	await plain.goto(`/modules/${MODULE}/quiz`);
	await plain.getByRole("button", { name: "Start a new attempt" }).click();
	await expect(plain.getByRole("heading", { name: "Your attempt" })).toBeVisible();
	const attemptId = plain.url().split("/").pop()!;
	await answerCorrectly(plain, bank, attemptId);
	await plain.getByRole("button", { name: "Submit answers" }).click();
	await expect(plain.getByText(/^Passed with 100 %/)).toBeVisible();
	await noScript.close();

	await page.goto(`/modules/${MODULE}/quiz`);
	await expect(page.getByText("Passed: your best score is 100 %.")).toBeVisible();
	await a11y();
	await page.getByRole("link", { name: "Attempt 1: review" }).click();
	await expect(page.getByText("Not passed: 0 %")).toBeVisible();
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
	await expect(page.getByRole("heading", { name: "Разбор вашей попытки" })).toBeVisible();
	await expect(page.getByRole("status").filter({ hasText: "Тест не сдан: 0 %" })).toBeVisible();
	await expect(page.getByText("правильный ответ").first()).toBeVisible();
	await a11y();
});
