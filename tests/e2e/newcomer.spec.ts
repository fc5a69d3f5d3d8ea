import fs from "node:fs";
import type { Page } from "@playwright/test";
import { parseGift } from "../../app/domain/gift/parse";
import { buildAttempt } from "../../app/domain/quiz/attempt";
import { createQuestionBank } from "../../app/domain/quiz/bank";
import { prisma } from "./db";
import { createUser, expect, markDocument, test } from "./fixtures";

const ru = JSON.parse(fs.readFileSync("app/locales/ru.json", "utf8"));
const MODULE = "basic-concepts-and-categories";
const bank = createQuestionBank(parseGift(fs.readFileSync(`content/modules/04.${MODULE}/quiz.gift`, "utf8")).questions);

// What a newcomer found in their first hour (issue 12, item 10), each checked as they met it.

/** In the browser: whether Remix's router has finished its navigation (history is written by then). */
function routerIdle() {
	const { __remixRouter: router } = window as unknown as {
		__remixRouter?: { state: { navigation: { state: string } } };
	};
	return router?.state.navigation.state === "idle";
}

/** Errors the page logs in the browser (React logs failed hydration there), gathered from now on. */
function consoleErrors(page: Page) {
	const errors: string[] = [];
	page.on("console", (message) => {
		if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
	});
	page.on("pageerror", (error) => errors.push(error.message));
	return errors;
}

test("a Russian user who logs in with JavaScript sees Russian at once, without a reload", async ({ page, a11y }) => {
	const user = await createUser({ language: "ru" });
	const errors = consoleErrors(page);
	await page.goto("/login");
	await expect(page.locator("html")).toHaveAttribute("lang", "en");
	await page.getByLabel("E-mail").fill(user.email);
	await page.getByLabel("Password").fill(user.password);
	await page.getByRole("button", { name: "Log in" }).click();

	await expect(page.getByRole("heading", { name: "Продолжить обучение" })).toBeVisible();
	await expect(page.locator("html")).toHaveAttribute("lang", "ru");
	const nav = page.getByRole("navigation", { name: ru.nav.main });
	await expect(nav.getByRole("link", { name: "Модули" })).toBeVisible();
	await expect(page.getByText("Log out")).toHaveCount(0);
	await a11y();

	// Client-side navigation from there stays in Russian, title included. The menu's links are plain
	// ones (docs/decisions/0111): the page is not loaded again, and the current one is marked.
	await expect(nav.getByRole("link", { name: "Главная" })).toHaveAttribute("aria-current", "page");
	const sameDocument = await markDocument(page);
	await nav.getByRole("link", { name: "Модули" }).click();
	await expect(page.getByRole("heading", { level: 1, name: "Модули" })).toBeVisible();
	await expect(page).toHaveTitle("Модули · DSM Academy");
	await expect(nav.getByRole("link", { name: "Модули" })).toHaveAttribute("aria-current", "page");
	await expect(nav.getByRole("link", { name: "Главная" })).not.toHaveAttribute("aria-current");
	expect(await sameDocument()).toBe(true);
	// The link to the page shown replaces its history entry, as a <Link> does: one step back is home.
	const entries = await page.evaluate(() => history.length);
	const reloaded = page.waitForResponse((response) => new URL(response.url()).pathname === "/modules.data");
	await nav.getByRole("link", { name: "Модули" }).click();
	await reloaded;
	await page.waitForFunction(routerIdle);
	expect(await page.evaluate(() => history.length)).toBe(entries);
	await page.goBack();
	await expect(page.getByRole("heading", { name: "Продолжить обучение" })).toBeVisible();
	expect(errors).toEqual([]);
});

test("the 404 page of a signed-in user keeps their header, footer and language, and hydrates cleanly", async ({
	page,
	login,
	a11y,
}) => {
	await login({ language: "ru" });
	const errors = consoleErrors(page);
	const response = await page.goto("/no/such/page");
	expect(response?.status()).toBe(404);
	await expect(page.locator("html")).toHaveAttribute("lang", "ru");
	await expect(page.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();
	await expect(page).toHaveTitle("Страница не найдена · DSM Academy");
	await expect(page.getByRole("navigation", { name: ru.nav.main }).getByRole("link", { name: "Модули" })).toBeVisible();
	await expect(page.getByRole("link", { name: "Войти" })).toHaveCount(0);
	await expect(page.getByRole("contentinfo")).toBeVisible();
	// Hydration has run (the header's buttons work through React), and nothing flipped to English.
	await page.waitForLoadState("networkidle");
	await expect(page.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();
	expect(errors.filter((error) => !error.includes("/no/such/page"))).toEqual([]);
	await a11y();
});

test("browser-tab titles are in the page's language", async ({ page, login }) => {
	await login({ language: "ru", roles: ["trainee", "admin"] });
	const titles: Array<[string, string]> = [
		["/modules", `${ru.learn.catalogue.title} · DSM Academy`],
		[
			"/modules/basic-concepts-and-categories/quiz",
			`${ru.learn.quiz.title} · Основные понятия и категории мигрантов · DSM Academy`,
		],
		["/tracks", `${ru.tracks.title} · DSM Academy`],
		["/settings/profile", `${ru.profile.title} · DSM Academy`],
		["/admin/users", `${ru.admin.users.title} · DSM Academy`],
		["/verify/DSMA-0000-0000", `${ru.verify.title} · DSM Academy`],
	];
	for (const [path, title] of titles) {
		await page.goto(path);
		await expect(page, path).toHaveTitle(title);
	}
});

for (const width of [1280, 375]) {
	test(`a lesson with wide code blocks stays as wide as a ${width} px screen`, async ({ page, login, a11y }) => {
		await page.setViewportSize({ width, height: 900 });
		await login({ roles: ["trainer"] });
		for (const path of [
			"/modules/data-exchange-and-sharing/trainer",
			"/modules/data-exchange-and-sharing/formats-and-sdmx-basics",
			"/modules/data-exchange-and-sharing/confidentiality-and-data-protection",
			"/modules/additional-technical-data-issues/metadata-notes",
		]) {
			await page.goto(path);
			await expect(page.locator("pre").first()).toBeVisible();
			const widths = await page.evaluate(() => ({
				page: document.documentElement.scrollWidth,
				widestBlock: Math.max(...[...document.querySelectorAll("pre")].map((pre) => pre.scrollWidth)),
			}));
			expect(widths.page, path).toBeLessThanOrEqual(width);
			// At 375 px at least one block is wider than its column, and scrolls within it.
			if (width === 375) expect(widths.widestBlock, path).toBeGreaterThan(width);
		}
		await a11y();
	});
}

test("radio buttons and checkboxes keep their size when their label wraps, and questions stay inside their box and apart", async ({
	page,
	login,
}) => {
	await page.setViewportSize({ width: 375, height: 900 });
	await login();
	await page.goto(`/modules/${MODULE}/quiz`);
	await page.getByRole("button", { name: "Start the quiz" }).click();
	await expect(page.getByRole("heading", { name: "Your attempt" })).toBeVisible();
	// Every question of the bank, so that the matching ones (a select of long options each) are there.
	const attemptId = page.url().split("/").pop()!;
	const plan = buildAttempt(bank, { questionsPerAttempt: null, shuffle: false });
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(plan) } });
	await page.reload();
	await expect(page.locator("select")).not.toHaveCount(0);
	const layout = await page.locator(".question").evaluateAll((questions) => {
		const page = document.documentElement.clientWidth;
		const boxes = questions.map((question) => question.getBoundingClientRect());
		return {
			page,
			widest: Math.max(...boxes.map((box) => box.right)),
			closest: Math.min(...boxes.slice(1).map((box, index) => box.top - boxes[index]!.bottom)),
		};
	});
	expect(layout.widest, "every question inside the screen").toBeLessThanOrEqual(layout.page);
	expect(layout.closest, "space between one question and the next").toBeGreaterThanOrEqual(16);
	const boxes = await page.locator(".checkbox input").evaluateAll((inputs) =>
		inputs.map((input) => {
			const box = input.getBoundingClientRect();
			const label = input.nextElementSibling!.getBoundingClientRect();
			return { width: box.width, height: box.height, labelLines: Math.round(label.height / 20) };
		}),
	);
	expect(boxes.length).toBeGreaterThan(0);
	expect(
		boxes.some((box) => box.labelLines > 1),
		"some labels wrap at 375 px",
	).toBe(true);
	for (const box of boxes) {
		expect(box.width).toBeGreaterThanOrEqual(18);
		expect(box.height).toBeGreaterThanOrEqual(18);
	}
	const overlaps = await page.locator("fieldset.question").evaluateAll(
		(fieldsets) =>
			fieldsets.filter((fieldset) => {
				const legend = fieldset.querySelector("legend")!.getBoundingClientRect();
				const box = fieldset.getBoundingClientRect();
				return legend.top < box.top + 1 || legend.left < box.left || legend.right > box.right;
			}).length,
	);
	expect(overlaps).toBe(0);
});
