import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The DSM practice sandbox (issue 9): a practice workspace, the IND6 form, uploads, the report in both languages. */

// Long journeys over large forms (IND6 has 336 cells per citizenship row), each page checked with axe.
test.describe.configure({ timeout: 180_000 });

const HEADER =
	"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,AGE,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE";
const row = (sex: string, value: string) =>
	`dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,${sex},TOTAL,PER,${value},A,F,NONE,Migration service,Foreigners with a residence permit`;
/** IND1 with one planted wrong code (SEX=X). */
const PLANTED = [HEADER, row("T", "30"), row("F", "10"), row("M", "15"), row("UNK", "5"), row("X", "7")].join("\n");

async function createWorkspace(page: Page, a11y: () => Promise<void>) {
	await page.goto("/sandbox");
	await expect(page.getByRole("heading", { level: 1 })).toHaveText(/DSM practice sandbox|Учебная среда МОД/);
	await a11y();
	await page.locator('select[name="country"]').selectOption("KZ");
	await page.locator('input[name="period"]').fill("2024");
	await page.locator('form:has(input[value="create-practice"]) button[type="submit"]').click();
	await expect(page).toHaveURL(/\/sandbox\/[a-z0-9]+$/);
	await a11y();
	return new URL(page.url()).pathname;
}

/** The IND6 cell of first-instance Geneva Convention decisions for Afghan citizens aged 18 to 34. */
const cell = (sex: string, citizen = "AF") => `input[name="c.${citizen}.${sex}.Y18-34.FIRST.GENCONV"]`;

test.describe("with JavaScript off", () => {
	test.use({ javaScriptEnabled: false });

	test("a trainee fills in IND6, sees ADD-SEX on the cell, fixes it, uploads a file with an error and a binary file", async ({
		page,
		login,
		a11y,
	}) => {
		await login();
		const workspace = await createWorkspace(page, a11y);

		// The IND6 table, its row of all citizenships (a row per citizenship is added in the journey below).
		await page.getByRole("link", { name: /IND6/ }).first().click();
		await expect(page).toHaveURL(/IND6\?period=2024/);

		await page.locator('input[name="sourceAgency"]').fill("Migration service");
		await page.locator('textarea[name="note"]').fill("Persons; decisions of the first instance");
		await page.locator(cell("T", "TOTAL")).fill("12");
		await page.locator(cell("F", "TOTAL")).fill("5");
		await page.locator(cell("M", "TOTAL")).fill("6");
		await page.locator(cell("UNK", "TOTAL")).fill("0");
		await page.getByRole("button", { name: "Save and validate" }).click();

		// ADD-SEX is marked on the total's cell and describes it to screen readers.
		const total = page.locator(cell("T", "TOTAL"));
		await expect(total).toHaveAttribute("aria-invalid", "true");
		const describedBy = (await total.getAttribute("aria-describedby")) ?? "";
		const findingId = describedBy.split(" ")[0]!;
		await expect(page.locator(`[id="${findingId}"]`)).toContainText("ADD-SEX");
		await expect(page.locator("#findings")).toContainText("ADD-SEX");
		await a11y();
		// The report links back to the cell.
		const link = page.locator(`#findings a[href*="#IND6.KZ.2024.TOTAL.T.Y18-34.FIRST.GENCONV"]`).first();
		await expect(link).toBeVisible();

		await total.fill("11");
		await page.getByRole("button", { name: "Save and validate" }).click();
		await expect(page.locator(cell("T", "TOTAL"))).toHaveValue("11");
		await expect(page.locator(cell("T", "TOTAL"))).not.toHaveAttribute("aria-invalid", "true");
		await expect(page.locator("#findings")).not.toContainText("ADD-SEX");

		// An upload with a planted wrong code: the report names the rule and the file's line.
		await page.goto(workspace);
		await page
			.locator('input[name="file"]')
			.setInputFiles({ name: "planted.csv", mimeType: "text/csv", buffer: Buffer.from(PLANTED) });
		await page.getByRole("button", { name: "Upload and validate" }).click();
		await expect(page.locator("#report")).toContainText("CODE");
		await expect(page.locator("#report")).toContainText("file line 6, column SEX");
		await a11y();

		// A binary file: the message beside the field, the earlier data intact (still version 3).
		await page.locator('input[name="file"]').setInputFiles({
			name: "photo.jpg",
			mimeType: "image/jpeg",
			buffer: Buffer.from(Uint8Array.from({ length: 4096 }, (_, index) => (index * 37) % 256)),
		});
		await page.getByRole("button", { name: "Upload and validate" }).click();
		await expect(page.locator("#upload-file-error")).toContainText("could not be read");
		await expect(page.locator("#report")).toContainText("CODE");
		await expect(page.getByText(/Version 3 of/)).toBeVisible();
		await a11y();

		// The versions, and the first one's report as it was found then.
		await page.getByRole("link", { name: "All versions" }).click();
		await expect(page.locator("tbody tr")).toHaveCount(3);
		await a11y();
		await page.getByRole("link", { name: "Version 1", exact: true }).click();
		await expect(page.locator("#report")).toContainText("ADD-SEX");
		await a11y();
		await page.goto(`${workspace}/revisions/2`);
		await expect(page.getByRole("table", { name: "Cells that changed" })).toContainText("12");
		await a11y();
	});
});

test("the same report in Russian, with the totals computed as one types", async ({ page, login, a11y }) => {
	await login({ language: "ru" });
	const workspace = await createWorkspace(page, a11y);
	await page
		.locator('input[name="file"]')
		.setInputFiles({ name: "planted.csv", mimeType: "text/csv", buffer: Buffer.from(PLANTED) });
	await page.getByRole("button", { name: "Загрузить и проверить" }).click();
	const report = page.locator("#report");
	await expect(report).toContainText("Протокол проверки");
	await expect(report).toContainText("CODE");
	await expect(report).toContainText("строка файла 6, столбец SEX");
	await expect(report).toContainText("ошибка");
	await expect(page.locator("body")).not.toContainText("песочниц");
	await a11y();

	// With JavaScript on, a total left empty shows the sum of its parts as they are typed.
	await page.goto(`${workspace}/IND6?period=2024`);
	await a11y();
	await page.locator('select[name="newCitizen"]').selectOption("AF");
	await page.getByRole("button", { name: "Добавить строку" }).click();
	await page.locator(cell("F")).fill("5");
	await page.locator(cell("M")).fill("6");
	await page.locator(cell("UNK")).fill("1");
	await expect(page.locator(cell("T"))).toHaveAttribute("placeholder", "12");
});
