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

// React 18.3 wrote a NUL into the page wherever one of its 2 kB views ended inside a Russian letter
// (patches/react-dom+18.3.1.patch, app/utils/page-stream.server.test.ts): dropped in text, but U+FFFD in
// an attribute, a field's value or the page's data. Each of these pages is several views of Cyrillic.
test("pages in Russian carry every letter and no NUL byte", async ({ page, login }) => {
	await login({ language: "ru", roles: ["trainee", "assessor"] });
	for (const path of ["/", "/modules", "/tracks", "/glossary", "/assessment/method", "/settings/profile"]) {
		const response = await page.request.get(path, { headers: { "Accept-Encoding": "gzip" } });
		expect(response.status(), path).toBe(200);
		const body = await response.body();
		expect(body.length, path).toBeGreaterThan(4096);
		expect(body.includes(0), `${path} has a NUL byte`).toBe(false);
		expect(body.toString("utf8"), path).not.toContain("\uFFFD");
	}
});
