import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { storeAnswer } from "../../app/domain/assessment/answers";
import { INSTRUMENT, itemsOf } from "../../app/domain/assessment/instrument";
import { baseAnswers } from "../../prisma/demo-data";
import { prisma } from "./db";
import { expect, markDocument, test } from "./fixtures";

const YEAR = new Date().getUTCFullYear();

async function makeAgency(countryCode = "KG", name = `Agency ${randomUUID().slice(0, 8)}`) {
	return prisma.agency.create({
		data: { name, nameRu: `Ведомство ${name.slice(7)}`, countryCode },
		select: { id: true, name: true },
	});
}

/** A submitted assessment made in the database: the demo's "enough everywhere" agency with some differences. */
async function submittedAssessment(
	agencyId: string,
	changes: Record<string, Record<string, string | number | string[]>> = {},
) {
	const answers = baseAnswers(YEAR, ["State Border Service", "National Statistical Committee"]);
	const assessment = await prisma.assessment.create({
		data: {
			agencyId,
			year: YEAR,
			instrumentVersion: INSTRUMENT.version,
			status: "submitted",
			submittedAt: new Date(),
			answers: {
				create: itemsOf(INSTRUMENT).flatMap((item) =>
					answers[item.id]
						? [{ itemId: item.id, value: storeAnswer(item, { ...answers[item.id], ...changes[item.id] }) }]
						: [],
				),
			},
		},
		select: { id: true },
	});
	return assessment.id;
}

/** Answers every item shown on a step: "Yes" where it is asked whether the item is available, the judgement given. */
async function answerStep(page: Page, judgement = "Enough", available = "Yes") {
	// The fields are counted, not waited for: let the whole page arrive first.
	await page.waitForLoadState("load");
	for (const select of await page.locator('select[name$=".available"]').all())
		await select.selectOption({ label: available });
	for (const select of await page.locator('select[name$=".compatible"]').all())
		await select.selectOption({ label: judgement });
	for (const select of await page.locator('select[name$=".support"]').all()) {
		const options = await select.locator("option").allTextContents();
		await select.selectOption({ label: options.find((o) => /in house|Supported/i.test(o)) ?? options[1]! });
	}
	for (const name of await page.locator('input[name$=".partner"]').all()) {
		if (!(await name.inputValue())) {
			await name.fill("State Border Service");
			break;
		}
	}
}

test.describe("with JavaScript off", () => {
	test.use({ javaScriptEnabled: false });

	test("an assessor completes the whole wizard, leaves mid-way and resumes, has a bad value refused, submits and reads the report", async ({
		page,
		login,
		a11y,
	}) => {
		// Nine pages, each also checked by axe in a second context: longer than a one-page journey.
		test.setTimeout(150_000);
		const agency = await makeAgency();
		await login({ roles: ["assessor"], agencyId: agency.id });
		await page.goto("/assessment");
		await expect(page.getByRole("heading", { name: "IT self-assessment", level: 1 })).toBeVisible();
		await a11y();
		await page.getByRole("button", { name: "Start the assessment" }).click();

		// Step 1: a negative count is refused beside its field; what was typed stays.
		await expect(page.getByRole("heading", { name: "A1 1.0 Personal computers: hardware" })).toBeVisible();
		await expect(page).toHaveTitle(
			`A1 1.0 Personal computers: hardware · IT self-assessment ${YEAR}, ${agency.name} · DSM Academy`,
		);
		await a11y();
		await answerStep(page);
		const processor = page.getByRole("group", { name: "A1 1.0 Speed (processor)" });
		await processor.getByLabel("PCs that handle migration data").fill("-3");
		await processor.getByLabel("Used for").fill("Border-crossing records");
		await page.getByRole("button", { name: "Save and continue" }).click();
		await expect(page.getByRole("alert")).toContainText("Some answers need correcting");
		const count = processor.getByLabel("PCs that handle migration data");
		await expect(count).toHaveAttribute("aria-invalid", "true");
		await expect(count).toHaveAccessibleDescription("Enter zero or more.");
		await expect(count).toHaveValue("-3");
		await expect(processor.getByLabel("Used for")).toHaveValue("Border-crossing records");
		await expect(processor.getByLabel("Compatible with the DSM")).toHaveValue("enough");
		await a11y();
		await count.fill("12");
		await page.getByRole("button", { name: "Save and continue" }).click();

		// Step 2, then leave for the home page and come back where we were.
		await expect(page.getByRole("heading", { name: "A1 2.0 Personal computers: software" })).toBeVisible();
		await answerStep(page);
		await page.getByRole("button", { name: "Save and continue" }).click();
		await expect(page.getByRole("heading", { name: "A1 3.0 Internet connection" })).toBeVisible();
		await page.goto("/");
		await expect(
			page.getByText(`The ${YEAR} assessment of ${agency.name} is in progress: 2 of 8 steps complete.`),
		).toBeVisible();
		await a11y();
		await page.getByRole("link", { name: "Continue the assessment" }).click();
		await expect(page.getByRole("heading", { name: "A1 3.0 Internet connection" })).toBeVisible();
		const steps = page.getByRole("navigation", { name: "Steps of the assessment" });
		await expect(steps.getByRole("listitem").first()).toContainText("complete");
		await expect(steps.getByRole("link", { name: "A1 3.0 Internet connection" })).toHaveAttribute(
			"aria-current",
			"step",
		);

		await answerStep(page);
		await page.getByRole("button", { name: "Save and continue" }).click();

		// A1 4.0: no LAN, judged less than needed; the server questions of A2 are then skipped.
		await expect(page.getByRole("heading", { name: "A1 4.0 Accessories and connection to a network" })).toBeVisible();
		await answerStep(page);
		const lan = page.getByRole("group", { name: "A1 4.0 Connection to a network (LAN, intranet)" });
		await lan.getByLabel("Available").selectOption({ label: "No" });
		await lan.getByLabel("Compatible with the DSM").selectOption({ label: "Less than needed" });
		await page.getByRole("group", { name: "A1 4.0 Other" }).getByLabel("Available").selectOption({ label: "No" });
		await page.getByRole("button", { name: "Save and continue" }).click();

		await expect(page.getByRole("heading", { name: "A1 5.0–6.0 Users' training and IT support" })).toBeVisible();
		await answerStep(page);
		await page.getByRole("button", { name: "Save and continue" }).click();

		await expect(page.getByRole("heading", { name: "A2 Local area network (LAN) in an agency" })).toBeVisible();
		await expect(page.getByRole("group", { name: "A2 1.0 Server and its functions" })).toContainText(
			"Skipped: you answered “No” to “Available” in A1 4.0 Connection to a network (LAN, intranet).",
		);
		await expect(
			page.getByRole("group", { name: "A2 1.0 Server and its functions" }).getByRole("combobox"),
		).toHaveCount(0);
		await a11y();
		await answerStep(page);
		// Back keeps the answers and goes to the step before.
		await page.getByRole("button", { name: "Back" }).click();
		await expect(page.getByRole("heading", { name: "A1 5.0–6.0 Users' training and IT support" })).toBeVisible();
		await page.getByRole("button", { name: "Save and continue" }).click();
		await expect(
			page
				.getByRole("group", { name: "A2 3.0 Backup (now: how often, where kept, last restore test)" })
				.getByLabel("Available"),
		).toHaveValue("yes");
		await page.getByRole("button", { name: "Save and continue" }).click();

		await expect(page.getByRole("heading", { name: "A3 Accounts, data protection and secure exchange" })).toBeVisible();
		await answerStep(page);
		await page.getByRole("button", { name: "Save and continue" }).click();

		await expect(page.getByRole("heading", { name: "B Inter-agency network" })).toBeVisible();
		await answerStep(page);
		await page.getByRole("button", { name: "Save", exact: true }).click();
		await expect(page.getByText("Your answers are saved.")).toBeVisible();
		// Saving gave a row for a second partner.
		await expect(page.getByRole("group", { name: "B Partner agency 2" })).toBeVisible();
		await page.getByRole("button", { name: "Save and continue" }).click();

		await expect(page.getByRole("heading", { name: "Review and submit" })).toBeVisible();
		await expect(page.getByText("Every item that applies is answered.")).toBeVisible();
		await a11y();
		await page.getByRole("button", { name: "Submit the assessment" }).click();

		await expect(page.getByRole("heading", { name: "IT readiness report" })).toBeVisible();
		await expect(page.getByText("The assessment is submitted and locked.")).toBeVisible();
		const table = page.getByRole("table", { name: "Readiness by section, on the scale 1 to 5" });
		await expect(table.getByRole("row", { name: /A1 4\.0 Accessories and connection to a network/ })).toContainText(
			"3.3",
		);
		await expect(page.getByRole("img", { name: /Readiness by section/ })).toBeVisible();
		await expect(page.getByText("1 item is less than needed:")).toBeVisible();
		const gap = page
			.getByRole("region", { name: "Gaps and recommendations, in priority order" })
			.getByRole("listitem")
			.filter({ hasText: "A1 4.0 Connection to a network (LAN, intranet)" })
			.first();
		await expect(gap).toContainText("Found: PCs that handle migration data are on no network");
		await expect(
			gap.getByRole("link", { name: "Learn how: Module 11 · Internet, accessories, network and backup" }),
		).toHaveAttribute("href", "/modules/it-prerequisites/connection-network-and-backup");
		await a11y();

		// Locked: a step shows the answers but can no longer be changed.
		await page.goto(page.url().replace("/report", "/a1-hardware"));
		await expect(page.getByText(/was submitted on .* and is locked/)).toBeVisible();
		await expect(page.getByRole("button", { name: "Save and continue" })).toHaveCount(0);
	});
});

test("the report prints to PDF as one A4 document", async ({ page, login }) => {
	const agency = await makeAgency();
	const id = await submittedAssessment(agency.id, { backup: { restoreTest: "never" }, "sw-os": { support: "out" } });
	await login({ roles: ["assessor"], agencyId: agency.id });
	await page.goto(`/assessment/${id}/report`);
	await expect(page.getByRole("heading", { name: "IT readiness report" })).toBeVisible();
	const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
	expect(pdf.startsWith("%PDF-")).toBe(true);
	const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
		Number(m[1]),
		Number(m[2]),
	]);
	const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
	expect(pages.length).toBeGreaterThanOrEqual(1);
	expect(pages.length).toBeLessThanOrEqual(4);
	expect(boxes.length).toBe(pages.length);
	// A4 is 595.28 × 841.89 points; Chromium rounds to its own pixels.
	for (const [width, height] of boxes) {
		expect(Math.abs(width! - 595.28)).toBeLessThan(2);
		expect(Math.abs(height! - 841.89)).toBeLessThan(2);
	}
});

test("a coordinator compares the country's agencies and downloads the XLSX", async ({ page, login, a11y }) => {
	test.setTimeout(90_000);
	const country = "AM";
	const tag = randomUUID().slice(0, 6);
	const ready = await makeAgency(country, `Statistics ${tag}`);
	const weak = await makeAgency(country, `Migration ${tag}`);
	await makeAgency(country, `Border ${tag}`);
	await submittedAssessment(ready.id);
	await submittedAssessment(weak.id, {
		"pc-ram": { ramGb: 2, compatible: "less" },
		backup: { restoreTest: "never", place: "same" },
	});
	await login({ roles: ["coordinator"], countryCode: country });

	await page.goto("/assessment/compare");
	await expect(page.getByRole("heading", { name: `Agencies compared: Armenia, ${YEAR}` })).toBeVisible();
	const table = page.getByRole("table", { name: `Readiness per section, ${YEAR}` });
	await expect(table.getByRole("row", { name: new RegExp(`Border ${tag}`) })).toContainText("Not started");
	await expect(page.getByRole("listitem").filter({ hasText: `Border ${tag}: Not started` })).toBeVisible();
	await a11y();

	const download = page.waitForEvent("download");
	await page.getByRole("link", { name: "Download XLSX" }).click();
	const file = await (await download).path();
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
	const sheet = workbook.worksheets[0]!;
	expect(sheet.name).toBe("Comparison");
	expect(sheet.getRow(1).values).toEqual(
		expect.arrayContaining(["Agency", "State", "A1 1.0 Personal computers: hardware", "B Inter-agency network"]),
	);
	const rows = new Map(sheet.getRows(2, sheet.rowCount - 1)!.map((row) => [String(row.getCell(3).value), row]));
	const hardware = 6;
	expect(rows.get(`Statistics ${tag}`)!.getCell(hardware).value).toBe(4);
	// RAM 2 GB judged less: that item is 2, the six others 4: (6 × 4 + 2) / 7 = 3.7.
	expect(rows.get(`Migration ${tag}`)!.getCell(hardware).value).toBe(3.7);
	expect(rows.get(`Border ${tag}`)!.getCell(4).value).toBe("Not started");
	expect(rows.get(`Border ${tag}`)!.getCell(hardware).value).toBeNull();
	// Median of 4 and 3.7.
	expect(rows.get("Country median")!.getCell(hardware).value).toBe(3.9);

	await table.getByRole("link", { name: `Open the report: Migration ${tag}` }).click();
	await expect(page.getByRole("heading", { name: "IT readiness report" })).toBeVisible();
	await expect(page.getByRole("heading", { name: /Puts personal data or the data themselves at risk/ })).toBeVisible();
	await a11y();

	// Another country's comparison is refused.
	const other = await page.request.get("/assessment/compare?country=KG");
	expect(other.status()).toBe(403);
});

test("the same wizard in Russian, saving by itself as you go", async ({ page, login, a11y }) => {
	test.setTimeout(90_000);
	const agency = await makeAgency();
	await login({ roles: ["assessor"], agencyId: agency.id, language: "ru" });
	await page.goto("/assessment");
	await expect(page.locator("html")).toHaveAttribute("lang", "ru");
	await expect(page).toHaveTitle("Самооценка ИТ · DSM Academy");
	await a11y();
	await page.getByRole("button", { name: "Начать самооценку" }).click();
	await expect(
		page.getByRole("heading", { name: "A1 1.0 Персональные компьютеры: аппаратное обеспечение" }),
	).toBeVisible();
	await a11y();

	const processor = page.getByRole("group", { name: "A1 1.0 Быстродействие (процессор)" });
	await processor.getByLabel("Имеется").selectOption({ label: "Да" });
	const status = page.getByRole("status").filter({ hasText: /Сохран/ });
	await expect(status).toHaveText(/^Сохранено в \d/);
	const count = processor.getByLabel("ПК, на которых работают с миграционными данными");
	await count.fill("много");
	await expect(page.getByText("Пока не сохранено: исправьте отмеченные ответы.")).toBeVisible();
	await expect(count).toHaveAccessibleDescription("Введите число, например 12 или 12,5.");
	await count.fill("12");
	await expect(status).toHaveText(/^Сохранено в \d/);
	const id = page.url().split("/")[4]!;
	await expect
		.poll(
			async () =>
				(
					await prisma.assessmentAnswer.findUnique({
						where: { assessmentId_itemId: { assessmentId: id, itemId: "pc-processor" } },
					})
				)?.value,
		)
		.toBe('{"available":"yes","pcCount":12}');

	await answerStep(page, "Достаточно", "Да");
	await page.getByRole("button", { name: "Сохранить и продолжить" }).click();
	await expect(
		page.getByRole("heading", { name: "A1 2.0 Персональные компьютеры: программное обеспечение" }),
	).toBeVisible();
	await expect(page.getByRole("navigation", { name: "Шаги самооценки" })).toContainText("заполнен");
	await a11y();

	await page.goto(`/assessment/${id}/review`);
	await expect(page.getByRole("heading", { name: "Проверка и отправка", level: 1 })).toBeVisible();
	await expect(page.getByRole("heading", { name: /пунктов без ответа|пункта без ответа/ })).toBeVisible();
	await a11y();
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
	await page.goto(`/assessment/${id}/report`);
	await expect(page.getByRole("heading", { name: "Отчёт о готовности ИТ" })).toBeVisible();
	await expect(page.getByText(/^Черновик · версия анкеты 1/)).toBeVisible();
	await a11y();
	// The report's body is held HTML (docs/decisions/0117): its links go through the client router,
	// and coming back brings the body in the page's data.
	const sameDocument = await markDocument(page);
	await page.getByRole("link", { name: "Как оценивается готовность", exact: true }).click();
	await expect(page.getByRole("heading", { name: "Как оценивается готовность ИТ", level: 1 })).toBeVisible();
	await a11y();
	await page.goBack();
	await expect(page.getByRole("heading", { name: "Отчёт о готовности ИТ" })).toBeVisible();
	await expect(page.getByRole("img", { name: /^Готовность по разделам/ })).toBeVisible();
	expect(await sameDocument()).toBe(true);
	expect(errors).toEqual([]);
});
