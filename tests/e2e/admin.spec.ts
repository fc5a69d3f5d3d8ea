import { createUser, expect, test } from "./fixtures";
import { prisma } from "./db";

test("an admin finds a user and gives them the trainer role", async ({ page, login, a11y }) => {
	await login({ roles: ["admin"] });
	const trainee = await createUser({ roles: ["trainee"], countryCode: "UA" });
	await page.goto("/admin/users");
	await a11y();
	await page.getByLabel("Name or e-mail").fill(trainee.email);
	await page.getByLabel("Country").selectOption("UA");
	await page.getByRole("button", { name: "Apply" }).click();
	await expect(page.getByText("1 user found.")).toBeVisible();
	await page.getByRole("link", { name: trainee.name }).click();
	await a11y();
	await page.getByLabel("Trainer").check();
	await page.getByRole("button", { name: "Save roles" }).click();
	await expect(page.getByRole("status").filter({ hasText: "The roles were saved." })).toBeVisible();
	const roles = await prisma.role.findMany({ where: { users: { some: { id: trainee.id } } }, select: { name: true } });
	expect(roles.map((r) => r.name).sort()).toEqual(["trainee", "trainer"]);
});

test("an admin resets a password: the old one stops working, the temporary one works", async ({
	page,
	login,
	browser,
	baseURL,
}) => {
	await login({ roles: ["admin"] });
	const user = await createUser();
	await page.goto(`/admin/users/${user.id}`);
	await page.getByRole("button", { name: "Reset password" }).click();
	const temporary = await page.locator("code.secret").textContent();
	expect(temporary).toMatch(/^[\w-]{12}$/);

	const other = await browser.newContext({ baseURL });
	const otherPage = await other.newPage();
	await otherPage.goto("/login");
	await otherPage.getByLabel("E-mail").fill(user.email);
	await otherPage.getByLabel("Password").fill(user.password);
	await otherPage.getByRole("button", { name: "Log in" }).click();
	await expect(otherPage.getByRole("alert")).toHaveText("The e-mail or the password is wrong.");
	await otherPage.getByLabel("Password").fill(temporary!);
	await otherPage.getByRole("button", { name: "Log in" }).click();
	await expect(otherPage.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
	await other.close();
});

test("an admin corrects a user's details and deactivates the account; its login is refused with a message", async ({
	page,
	login,
	a11y,
	browser,
	baseURL,
}) => {
	await login({ roles: ["admin"] });
	const user = await createUser({ countryCode: "UA" });
	await page.goto(`/admin/users/${user.id}`);
	await page.getByLabel("Full name").fill("Olena Kovalenko");
	await page.getByLabel("Country").selectOption("KG");
	await page.getByRole("button", { name: "Save details" }).click();
	await expect(page.getByRole("status").filter({ hasText: "The user's details were saved." })).toBeVisible();
	await expect(page.getByRole("heading", { level: 1, name: "Olena Kovalenko" })).toBeVisible();
	await a11y();

	// A taken e-mail is refused beside the field, and what was typed stays.
	const other = await createUser();
	await page.getByRole("textbox", { name: "E-mail" }).fill(other.email);
	await page.getByRole("button", { name: "Save details" }).click();
	await expect(page.getByText("An account with this e-mail already exists.")).toBeVisible();
	await expect(page.getByRole("textbox", { name: "E-mail" })).toHaveValue(other.email);
	await expect(page.getByLabel("Full name")).toHaveValue("Olena Kovalenko");

	await page.getByRole("button", { name: "Deactivate account" }).click();
	await expect(page.getByRole("status").filter({ hasText: "The account was deactivated" })).toBeVisible();
	await expect(page.getByText(/^Deactivated on /)).toBeVisible();
	await a11y();

	const visitor = await browser.newContext({ baseURL });
	const form = await visitor.newPage();
	await form.goto("/login");
	await form.getByLabel("E-mail").fill(user.email);
	await form.getByLabel("Password").fill(user.password);
	await form.getByRole("button", { name: "Log in" }).click();
	await expect(form.getByRole("alert")).toContainText("This account has been deactivated");
	await visitor.close();
});

test("an admin creates an agency; a duplicate name is refused beside the field", async ({ page, login, a11y }) => {
	await login({ roles: ["admin"] });
	const name = `Border service ${Date.now()}`;
	await page.goto("/admin/agencies");
	await a11y();
	const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create agency" }) });
	await form.getByLabel("Name", { exact: true }).fill(name);
	await form.getByLabel("Kind").selectOption("border-guard");
	await form.getByLabel("Country").selectOption("KG");
	await form.getByRole("button", { name: "Create agency" }).click();
	await expect(page.getByRole("status").filter({ hasText: `Agency ${name} was created.` })).toBeVisible();
	await expect(page.getByRole("link", { name })).toBeVisible();

	await form.getByLabel("Name", { exact: true }).fill(name);
	await form.getByLabel("Country").selectOption("KG");
	await form.getByRole("button", { name: "Create agency" }).click();
	await expect(page.getByText("This country already has an agency with this name.")).toBeVisible();
	await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
	await a11y();

	await page.goto("/admin/countries");
	await a11y();
});

test("an admin turns on automatic promotion of certified trainers", async ({ page, login, a11y }) => {
	await login({ roles: ["admin"] });
	await page.goto("/admin/promotions");
	await a11y();
	const automatic = page.getByLabel("Give the trainer role automatically when someone completes the trainer track");
	const was = await automatic.isChecked();
	await automatic.setChecked(!was);
	await page.getByRole("button", { name: "Save setting" }).click();
	await expect(page.getByText("The setting was saved.")).toBeVisible();
	await expect(automatic).toBeChecked({ checked: !was });
	await automatic.setChecked(was);
	await page.getByRole("button", { name: "Save setting" }).click();
	await expect(automatic).toBeChecked({ checked: was });
});

test("each role's home page shows what that role works with", async ({ page, login, a11y }) => {
	await login({ roles: ["trainer", "assessor", "coordinator"], countryCode: "KG" });
	await page.goto("/");
	await expect(page.getByRole("heading", { name: "Your trainer guides" })).toBeVisible();
	await expect(page.getByRole("heading", { name: "Your agency's IT readiness" })).toBeVisible();
	await expect(page.getByText(/^Kyrgyzstan\. Agencies: \d+\. People on DSM Academy: \d+\.$/)).toBeVisible();
	await expect(page.getByRole("heading", { name: "Continue learning" })).toHaveCount(0);
	await a11y();
});
