import { randomUUID } from "node:crypto";
import { createUser, expect, PASSWORD, test } from "./fixtures";

test("a trainee signs up, logs out and logs in again", async ({ page, a11y }) => {
	const email = `new-${randomUUID()}@example.test`;
	await page.goto("/signup");
	await a11y();
	await page.getByLabel("Full name").fill("Dilnoza Karimova");
	await page.getByLabel("E-mail").fill(email);
	await page.getByLabel("Password").fill("password");
	await page.getByLabel("Country").selectOption("KG");
	await page.getByRole("button", { name: "Create account" }).click();

	// A common password is refused beside the field; what was typed stays.
	await expect(page.getByText("This password is among the most common ones")).toBeVisible();
	await expect(page.getByLabel("Full name")).toHaveValue("Dilnoza Karimova");
	await expect(page.getByLabel("E-mail")).toHaveValue(email);
	await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
	await a11y();

	await page.getByLabel("Password").fill(PASSWORD);
	await page.getByRole("button", { name: "Create account" }).click();
	await expect(page.getByRole("heading", { name: "Welcome, Dilnoza Karimova" })).toBeVisible();
	await expect(page.getByRole("heading", { name: "Continue learning" })).toBeVisible();
	await a11y();

	await page.getByRole("button", { name: "Log out" }).click();
	await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();

	await page.goto("/login");
	await a11y();
	await page.getByLabel("E-mail").fill(email);
	await page.getByLabel("Password").fill(PASSWORD);
	await page.getByRole("button", { name: "Log in" }).click();
	await expect(page.getByRole("heading", { name: "Welcome, Dilnoza Karimova" })).toBeVisible();
});

test("a wrong password is refused with a clear message, and the e-mail is kept", async ({ page, a11y }) => {
	const user = await createUser();
	await page.goto("/login");
	await page.getByLabel("E-mail").fill(user.email);
	await page.getByLabel("Password").fill("not the password");
	await page.getByRole("button", { name: "Log in" }).click();
	await expect(page.getByRole("alert")).toHaveText("The e-mail or the password is wrong.");
	await expect(page.getByLabel("E-mail")).toHaveValue(user.email);
	await a11y();
});

test("an anonymous visitor is sent to the login page and brought back after", async ({ page }) => {
	const admin = await createUser({ roles: ["admin"] });
	await page.goto("/admin/users?role=trainer");
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fusers%3Frole%3Dtrainer$/);
	await page.getByLabel("E-mail").fill(admin.email);
	await page.getByLabel("Password").fill(admin.password);
	await page.getByRole("button", { name: "Log in" }).click();
	await expect(page).toHaveURL(/\/admin\/users\?role=trainer$/);
	await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("a trainee who opens an admin page gets a 403 page", async ({ page, login, a11y }) => {
	await login({ roles: ["trainee"] });
	const response = await page.goto("/admin/users");
	expect(response?.status()).toBe(403);
	await expect(page.getByRole("heading", { name: "You may not open this page" })).toBeVisible();
	await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
	await a11y();
});

test.describe("with JavaScript disabled", () => {
	test.use({ javaScriptEnabled: false });

	test("a user logs in, and a wrong password still shows its message", async ({ page, a11y }) => {
		const user = await createUser();
		await page.goto("/login");
		await page.getByLabel("E-mail").fill(user.email);
		await page.getByLabel("Password").fill("wrong wrong wrong");
		await page.getByRole("button", { name: "Log in" }).click();
		await expect(page.getByText("The e-mail or the password is wrong.")).toBeVisible();
		await page.getByLabel("Password").fill(user.password);
		await page.getByRole("button", { name: "Log in" }).click();
		await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
		await a11y();
	});
});

test("failed logins lock the account after five tries", async ({ page }) => {
	const user = await createUser();
	await page.goto("/login");
	for (let i = 0; i < 5; i++) {
		await page.getByLabel("E-mail").fill(user.email);
		await page.getByLabel("Password").fill(`wrong ${i}`);
		await page.getByRole("button", { name: "Log in" }).click();
		await expect(page.getByRole("alert")).toBeVisible();
	}
	await page.getByLabel("Password").fill(user.password);
	await page.getByRole("button", { name: "Log in" }).click();
	await expect(page.getByRole("alert")).toContainText("Too many failed attempts. Try again in 15 minutes.");
});
