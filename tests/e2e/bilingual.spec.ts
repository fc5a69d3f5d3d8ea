import fs from "node:fs";
import type { Page } from "@playwright/test";
import { createTranslator } from "../../app/utils/i18n";
import { parseGift } from "../../app/domain/gift/parse";
import { bilingualBanks } from "../../app/domain/quiz/bilingual";
import { TRANSLATED, UNTRANSLATED } from "./bilingual-content";
import { expect, test } from "./fixtures";
import { answerCorrectly } from "./quiz-answers";

/**
 * A Russian reader on the second server of playwright.config.ts, whose content is the valid
 * bilingual fixture module and an untranslated copy of it (tests/e2e/bilingual-content.ts).
 * Interface words come from the catalogues, which translators may still reword.
 */
test.use({ baseURL: process.env.E2E_BILINGUAL_URL });

/** The interface's words as the server has them (read as files: a JSON import needs an import attribute here). */
const en = createTranslator("en", JSON.parse(fs.readFileSync("app/locales/en.json", "utf8")));
const ru = createTranslator("ru", JSON.parse(fs.readFileSync("app/locales/ru.json", "utf8")));

const FIXTURE = "tests/fixtures/content/valid/modules/01.counting-migrants";
const key = bilingualBanks(
	parseGift(fs.readFileSync(`${FIXTURE}/quiz.gift`, "utf8")).questions,
	parseGift(fs.readFileSync(`${FIXTURE}/quiz.ru.gift`, "utf8")).questions,
).en;

/** Starts an attempt at a module's quiz from its page, as a Russian reader. */
async function startQuiz(page: Page, slug: string) {
	await page.goto(`/modules/${slug}/quiz`);
	await page.getByRole("button", { name: ru("quiz.start") }).click();
	await expect(page.getByRole("heading", { name: ru("quiz.attemptTitle") })).toBeVisible();
}

test("a Russian reader reads a translated section and follows a term to the glossary", async ({
	page,
	login,
	a11y,
}) => {
	await login({ language: "ru" });
	await page.goto(`/modules/${TRANSLATED}/usual-residence`);
	await expect(page.getByRole("heading", { level: 1, name: "Обычное место жительства" })).toBeVisible();
	const text = page.locator('.prose [lang="ru"]');
	await expect(text.getByRole("heading", { level: 3, name: "Почему сначала определение" })).toBeVisible();
	await expect(page.locator(".untranslated")).toHaveCount(0);
	const term = text.getByRole("link", { name: "обычного места жительства" });
	await expect(term).toHaveAttribute("href", "/glossary#usual-residence");
	await expect(term).toHaveAccessibleDescription("Место, где лицо обычно проводит ежедневный период отдыха.");
	await a11y();
	await term.click();
	await expect(page).toHaveURL(/\/glossary#usual-residence$/);
	const entry = page.locator("#usual-residence");
	await expect(entry.locator("dfn")).toHaveText("обычное место жительства");
	await expect(entry.locator('.glossary__other [lang="en"]')).toHaveText("usual residence");
	await a11y();
});

test("where there is no twin, the English is shown with lang=en under a notice in Russian", async ({
	page,
	login,
	a11y,
}) => {
	await login({ language: "ru" });
	await page.goto(`/modules/${UNTRANSLATED}/usual-residence`);
	await expect(page.getByRole("note")).toHaveText(ru("content.untranslated"));
	const english = page.locator('.prose [lang="en"]');
	await expect(english.getByRole("heading", { level: 3, name: "Why a definition comes first" })).toBeVisible();
	await expect(english.getByText(en("content.definitionLabel"), { exact: true }).first()).toBeVisible();
	// A section without a Russian title is listed under its English one, marked so.
	await expect(page.locator('.reader__toc [lang="en"]')).toHaveText("Stocks and flows");
	await a11y();
	await page.goto(`/modules/${UNTRANSLATED}`);
	await expect(page.getByRole("note")).toHaveText(ru("content.untranslated"));
	await a11y();
});

test("a model answer opens after the exercise, with JavaScript and without", async ({
	page,
	login,
	a11y,
	browser,
	baseURL,
}) => {
	await login({ language: "ru" });
	await page.goto(`/modules/${TRANSLATED}/sources-and-metadata`);
	const exercise = page.locator(".box--exercise");
	await expect(exercise.getByRole("link", { name: ru("content.open.sandbox") })).toHaveAttribute("href", "/sandbox");
	const answer = exercise.locator("details.model-answer");
	await expect(answer).not.toHaveAttribute("open");
	await expect(answer.getByText(/Иностранцы, проживающие на 1 января 2026/)).toBeHidden();
	await answer.getByText(ru("content.modelAnswer")).click();
	await expect(answer.getByText(/Иностранцы, проживающие на 1 января 2026/)).toBeVisible();
	await a11y();

	const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
	await noScript.addCookies(await page.context().cookies());
	const plain = await noScript.newPage();
	await plain.goto(`/modules/${TRANSLATED}/sources-and-metadata`);
	await plain.getByText(ru("content.modelAnswer")).click();
	await expect(plain.getByText(/Иностранцы, проживающие на 1 января 2026/)).toBeVisible();
	await noScript.close();
});

test("a Russian reader takes the quiz in Russian, answering in Russian, and reviews it in Russian", async ({
	page,
	login,
	a11y,
}) => {
	await login({ language: "ru" });
	await startQuiz(page, TRANSLATED);
	await expect(page.getByRole("note")).toHaveCount(0);
	// Ten questions are drawn from the bank; every text of theirs is in Russian.
	const texts = await page.locator(".question .rich-text").allTextContents();
	expect(texts.length).toBeGreaterThan(10);
	expect(texts.filter((text) => !/\p{Script=Cyrillic}/u.test(text))).toEqual([]);
	await a11y();
	const attemptId = page.url().split("/").pop()!;
	await answerCorrectly(page, key, attemptId, { "m01-q10": "метаданные", "m01-q07": "4 600" });
	await page.getByRole("button", { name: ru("quiz.submit") }).click();
	await expect(page.getByRole("heading", { name: ru("quiz.reviewTitle") })).toBeVisible();
	await expect(page.getByRole("status").and(page.locator(".result"))).toContainText("100 %");
	await expect(page.getByText("Верно", { exact: false }).first()).toBeVisible();
	await expect(page.locator(".feedback").getByText(/^(Right|No|Not so)\b/)).toHaveCount(0);
	await a11y();
});

test("a module without a Russian bank gives the English questions, marked lang=en, under a notice", async ({
	page,
	login,
	a11y,
}) => {
	await login({ language: "ru" });
	await startQuiz(page, UNTRANSLATED);
	await expect(page.getByRole("note")).toHaveText(ru("content.untranslatedQuestions"));
	await expect(page.locator('legend .rich-text[lang="en"], label .rich-text[lang="en"]').first()).toBeVisible();
	await expect(page.getByText(ru("quiz.questionNumber", { number: 1 }), { exact: true })).toBeVisible();
	await a11y();
});

test("the glossary in English, with JavaScript, linked from the footer", async ({ page, a11y }) => {
	await page.goto("/login");
	await page.getByRole("link", { name: en("glossary.link") }).click();
	await expect(page).toHaveURL(/\/glossary$/);
	await expect(page.getByRole("heading", { level: 1, name: en("glossary.title") })).toBeVisible();
	await expect(page).toHaveTitle(`${en("glossary.title")} · DSM Academy`);
	await expect(page.locator("dfn").first()).toHaveText("flow");
	await page
		.getByRole("navigation", { name: en("glossary.letters") })
		.getByRole("link", { name: "V" })
		.click();
	await expect(page).toHaveURL(/#letter-V$/);
	await expect(page.locator("#validation dt")).toHaveText("validation (VAL)");
	await a11y();
});

test.describe("without JavaScript", () => {
	test.use({ javaScriptEnabled: false });

	test("the glossary in Russian, alphabetical in Russian, an entry reached by its anchor", async ({
		page,
		a11y,
		baseURL,
	}) => {
		await page.context().addCookies([{ name: "dsm_lang", value: "ru", url: baseURL! }]);
		await page.goto("/glossary#note");
		await expect(page.getByRole("heading", { level: 1, name: ru("glossary.title") })).toBeVisible();
		await expect(page).toHaveTitle(`${ru("glossary.title")} · DSM Academy`);
		await expect(page.locator("dfn").first()).toHaveText("долгосрочный мигрант");
		await expect(page.locator("#note")).toContainText(ru("glossary.in.en"));
		await expect(page.locator("#note .glossary__other [lang=en]")).toHaveText("NOTE");
		await page
			.getByRole("navigation", { name: ru("glossary.letters") })
			.getByRole("link", { name: "Ч" })
			.click();
		await expect(page).toHaveURL(/#letter-%D0%A7$/);
		await a11y();
	});
});
