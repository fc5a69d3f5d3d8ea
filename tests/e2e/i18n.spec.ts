import { expect, test } from "./fixtures";

test("a visitor switches the interface to Russian", async ({ page, a11y }) => {
	await page.goto("/login");
	await expect(page.locator("html")).toHaveAttribute("lang", "en");
	await page.getByRole("button", { name: "Русский" }).click();
	await expect(page.locator("html")).toHaveAttribute("lang", "ru");
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole("heading", { name: "Вход" })).toBeVisible();
	await expect(page.getByLabel("Электронная почта")).toBeVisible();
	await a11y();

	await page.goto("/signup");
	await expect(page.getByRole("heading", { name: "Создайте учётную запись" })).toBeVisible();
	await a11y();
});

test("a signed-in user's language follows their setting", async ({ page, login, a11y }) => {
	await login({ language: "ru", roles: ["trainee", "assessor"] });
	await page.goto("/");
	await expect(page.locator("html")).toHaveAttribute("lang", "ru");
	await expect(page.getByRole("heading", { name: "Продолжить обучение" })).toBeVisible();
	await a11y();
	await page.getByRole("button", { name: "English" }).click();
	await expect(page.locator("html")).toHaveAttribute("lang", "en");
	await page.goto("/settings/profile");
	await expect(page.getByLabel("Language")).toHaveValue("en");
});

test("Accept-Language picks Russian for a first visit", async ({ browser, baseURL }) => {
	const context = await browser.newContext({ locale: "ru-RU", baseURL });
	const page = await context.newPage();
	await page.goto("/");
	await expect(page.locator("html")).toHaveAttribute("lang", "ru");
	await context.close();
});
