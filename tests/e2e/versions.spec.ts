import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { parseGift } from "../../app/domain/gift/parse";
import { createQuestionBank } from "../../app/domain/quiz/bank";
import { prisma } from "./db";
import { createUser, expect, expectAccessible, expectAccessibleWithScripts, signIn, test } from "./fixtures";
import { startOwnServer } from "./own-server";
import { answerCorrectly } from "./quiz-answers";

/**
 * Old attempts never break when the bank changes (docs/decisions/0056-question-versions.md): a
 * server of its own on the shared database, with a content folder of its own whose quiz is edited
 * while the server runs (the content is read again when its files change).
 */
const FIXTURE = path.resolve("tests/fixtures/content/valid");
const MODULE = "counting-migrants";
const QUIZ_DIR = "modules/01.counting-migrants";

/** The quiz file without the question of that id (its block, up to the blank line). */
function withoutQuestion(text: string, id: string) {
	return text
		.split(/\n\s*\n/)
		.filter((block) => !block.includes(`::${id} `))
		.join("\n\n");
}

async function takeQuiz(browser: Browser, origin: string, options: { language: string; javaScriptEnabled: boolean }) {
	const context = await browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled,
		viewport: { width: 375, height: 800 },
	});
	const page = await context.newPage();
	await signIn(context, origin, await createUser({ language: options.language }));
	await page.goto(`${origin}/modules/${MODULE}/quiz`);
	await page.getByRole("button", { name: options.language === "ru" ? "Начать тест" : "Start the quiz" }).click();
	await expect(page).toHaveURL(/\/quiz\/[^/?]+$/);
	const attemptId = page.url().split("/").pop()!;
	const bank = createQuestionBank(
		parseGift(fs.readFileSync(path.join(FIXTURE, QUIZ_DIR, "quiz.gift"), "utf8")).questions,
	);
	await answerCorrectly(page, bank, attemptId);
	await page.locator('button[name="intent"][value="submit"]').click();
	await expect(page.locator(".result--passed")).toBeVisible();
	return { page, attemptId };
}

/** The attempt as one made before versions were kept: its plan names its questions only. */
async function withoutVersions(attemptId: string) {
	const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { plan: true } });
	const plan = JSON.parse(row.plan) as { slots: Array<Record<string, unknown>> };
	for (const slot of plan.slots) delete slot.version;
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(plan) } });
}

/** A choice question both attempts drew, and its place in the first one's review. */
async function choiceQuestionOfBoth(first: string, second: string, page: Page) {
	const slotsOf = async (id: string) =>
		(
			JSON.parse((await prisma.quizAttempt.findUniqueOrThrow({ where: { id }, select: { plan: true } })).plan) as {
				slots: Array<{ questionId: string; choiceOrder: string[]; stemOrder: string[] }>;
			}
		).slots;
	const slots = await slotsOf(first);
	const drawn = new Set((await slotsOf(second)).map((slot) => slot.questionId));
	// A multiple choice: a matching question has a choice order too, but its stems, and no list of choices.
	const index = slots.findIndex(
		(slot) => slot.choiceOrder.length > 0 && slot.stemOrder.length === 0 && drawn.has(slot.questionId),
	);
	expect(index, "both attempts drew a choice question (10 of 13 each)").toBeGreaterThanOrEqual(0);
	return { id: slots[index]!.questionId, section: page.locator("section.question--review").nth(index) };
}

test("the review of an attempt whose question was removed from the module shows what was asked, or says it is gone", async ({
	browser,
}, testInfo) => {
	// A folder of this run's own: with --repeat-each, two workers run this test at once, and a shared
	// folder had each one's edit of the quiz in the other's bank.
	const content = testInfo.outputPath("content");
	fs.cpSync(FIXTURE, content, { recursive: true });
	const server = await startOwnServer({
		database: path.resolve(process.env.E2E_DATABASE!),
		env: { CONTENT_DIR: content },
	});
	try {
		const english = await takeQuiz(browser, server.origin, { language: "en", javaScriptEnabled: true });
		const russian = await takeQuiz(browser, server.origin, { language: "ru", javaScriptEnabled: false });
		const removed = await choiceQuestionOfBoth(english.attemptId, russian.attemptId, english.page);
		const asked = (await removed.section.locator("h2").textContent())!;
		const choices = await removed.section.locator(".review-choices li").allTextContents();
		expect(choices.length).toBeGreaterThan(1);

		// The module is revised: the question leaves both banks.
		for (const file of ["quiz.gift", "quiz.ru.gift"]) {
			const quiz = path.join(content, QUIZ_DIR, file);
			fs.writeFileSync(quiz, withoutQuestion(fs.readFileSync(quiz, "utf8"), removed.id));
		}
		await new Promise((resolve) => setTimeout(resolve, 1500));

		// Made before versions were kept, the attempt can no longer show that question: a notice, the answer and
		// mark as stored (which also proves the server now reads the bank without it).
		const versioned = await prisma.quizAttempt.findUniqueOrThrow({
			where: { id: english.attemptId },
			select: { plan: true },
		});
		await withoutVersions(english.attemptId);
		await english.page.reload();
		const gone = english.page.locator("section.question--removed");
		await expect(gone).toHaveCount(1);
		await expect(gone.locator(".notice")).toHaveText(
			"This question has since been removed from the module. Your answer and its mark are kept as they were graded.",
		);
		await expect(gone).toContainText("Correct");
		await expect(english.page.locator(".result--passed")).toBeVisible();
		await expectAccessible(english.page);
		await gone.scrollIntoViewIfNeeded();
		await english.page.screenshot({ path: testInfo.outputPath("removed-en-375.png") });

		// With its versions, as every attempt made now has them, it shows the question as it asked it, choices and all.
		await prisma.quizAttempt.update({ where: { id: english.attemptId }, data: { plan: versioned.plan } });
		await english.page.reload();
		await expect(english.page.locator("section.question--removed")).toHaveCount(0);
		await expect(removed.section.locator("h2")).toHaveText(asked);
		await expect(removed.section.locator(".review-choices li")).toHaveText(choices);
		await expect(english.page.locator(".result--passed")).toBeVisible();

		// In Russian, without JavaScript, the same.
		await withoutVersions(russian.attemptId);
		await russian.page.reload();
		await expect(russian.page.locator("section.question--removed .notice")).toHaveText(
			"Этот вопрос с тех пор удалён из модуля. Ваш ответ и оценка за него сохранены такими, какими были выставлены.",
		);
		await expect(russian.page.locator(".result--passed")).toBeVisible();
		await expectAccessibleWithScripts(russian.page);
		await russian.page.locator("section.question--removed").scrollIntoViewIfNeeded();
		await russian.page.screenshot({ path: testInfo.outputPath("removed-ru-375-nojs.png") });
		await english.page.context().close();
		await russian.page.context().close();
	} finally {
		await server.stop();
	}
});
