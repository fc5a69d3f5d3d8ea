import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { parseCsv } from "../../app/domain/dsm/csv";
import { parseGift } from "../../app/domain/gift/parse";
import { createQuestionBank } from "../../app/domain/quiz/bank";
import { publicQuestions } from "../../app/domain/quiz/public-view";
import { prisma } from "./db";
import { createUser, expect, expectAccessible, markDocument, signIn, test } from "./fixtures";

const MODULE = "basic-concepts-and-categories";
const bank = createQuestionBank(parseGift(fs.readFileSync(`content/modules/04.${MODULE}/quiz.gift`, "utf8")).questions);

/** The essay and the true/false questions of module 4: an attempt a trainer has something to mark in. */
const ESSAY_PLAN = {
	slots: bank.questions
		.filter((q) => q.type === "essay" || q.type === "truefalse")
		.map((q) => ({ questionId: q.id, choiceOrder: [], stemOrder: [] })),
};

async function readDownload(download: Download) {
	return fs.readFileSync((await download.path())!);
}

async function download(page: Page, name: string) {
	const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).first().click()]);
	return file;
}

test("a trainer runs a cohort: creates it, a trainee joins and works, the trainer follows, marks, analyses and exports", async ({
	page,
	login,
	a11y,
	browser,
	baseURL,
}) => {
	test.setTimeout(120_000);
	const trainer = await login({ roles: ["trainer"], countryCode: "KG" });

	// The trainer creates a cohort on module 4 and gives it a due date.
	await page.goto("/cohorts");
	await a11y();
	await page.getByRole("link", { name: "New cohort" }).click();
	await a11y();
	await page.getByLabel("Name of the cohort").fill("Journey cohort «Бишкек»");
	await page.getByLabel("First day").fill("2026-09-01");
	await page.getByLabel("Modules chosen here").check();
	await page.getByLabel("4. Basic concepts and categories of migrants").check();
	await page.getByRole("button", { name: "Create the cohort" }).click();
	await expect(page.getByText("The cohort was created.")).toBeVisible();
	await a11y();
	await page.getByLabel("Days after the start for 4. Basic concepts and categories of migrants").fill("14");
	await page.getByRole("button", { name: "Save due dates" }).click();
	await expect(page.getByText("The due dates were saved.")).toBeVisible();
	await expect(page.getByRole("cell", { name: "15 Sept 2026" })).toBeVisible();

	await page.getByRole("link", { name: "Trainees" }).click();
	await a11y();
	const code = (await page.locator(".join-code").textContent())!.trim();
	expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
	const cohortUrl = page.url().replace(/\/members$/, "");

	// A trainee joins with the code, reads a section and takes the quiz, essay included.
	const traineeContext = await browser.newContext({ baseURL });
	const trainee = await signIn(traineeContext, baseURL!, await createUser({ countryCode: "KG" }));
	const learner = await traineeContext.newPage();
	await learner.goto("/join");
	await expectAccessible(learner);
	await learner.getByLabel("Join code").fill(code.toLowerCase().replace("-", " "));
	await learner.getByRole("button", { name: "Join" }).click();
	await expect(learner.getByText("You joined Journey cohort «Бишкек»")).toBeVisible();
	await expect(learner.getByRole("heading", { name: "Cohort: Journey cohort «Бишкек»" })).toBeVisible();
	await expectAccessible(learner);
	await learner.goto("/join");
	await learner.getByLabel("Join code").fill(code);
	await learner.getByRole("button", { name: "Join" }).click();
	await expect(learner.getByText("You are already in this cohort.")).toBeVisible();

	await learner.goto(`/modules/${MODULE}/why-definitions-matter`);
	await learner.getByRole("button", { name: "Mark as read and continue" }).click();
	await expect(learner.getByText("Section marked as read.")).toBeVisible();
	await learner.goto(`/modules/${MODULE}/quiz`);
	await learner.getByRole("button", { name: "Start the quiz" }).click();
	await expect(learner.getByRole("heading", { name: "Your attempt" })).toBeVisible();
	const attemptId = learner.url().split("/").pop()!;
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(ESSAY_PLAN) } });
	await learner.reload();
	const essay = publicQuestions(bank, ESSAY_PLAN).find((q) => q.type === "essay")!;
	await learner
		.locator(`[name="${essay.field}"]`)
		.fill("IND1 counts foreign citizens and stateless persons with a permit valid on 1 January. Unit: persons.");
	await learner.getByRole("button", { name: "Submit answers" }).click();
	// The true/false questions are left blank on purpose: the quiz asks once more (ADR 0085).
	await learner.getByRole("button", { name: "Submit as it is" }).click();
	await expect(learner.getByText("An essay awaits a trainer's mark.").first()).toBeVisible();

	// The trainer sees it on the dashboard.
	await page.goto(cohortUrl);
	await a11y();
	const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(trainee.name) }) });
	await expect(row).toContainText("1/6");
	await expect(row).toContainText("To mark");
	await expect(page.getByText("1 attempt has an answer waiting for your mark.")).toBeVisible();
	// The table is sent once, in the page and not again in its data (docs/decisions/0091): it
	// hydrates from the page, and comes in the data when the client router sorts it.
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
	const served = await (await page.request.get(cohortUrl)).text();
	expect(served.split(trainee.name)).toHaveLength(2);
	await page.getByRole("link", { name: "Completed", exact: true }).click();
	await expect(page).toHaveURL(/sort=progress/);
	await expect(row).toContainText("1/6");
	await page.goBack();
	await expect(row).toContainText("To mark");
	expect(errors).toEqual([]);

	// …marks the essay with a comment…
	const tabs = page.getByRole("navigation", { name: "Cohort pages" });
	await expect(tabs.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
	await page.getByRole("link", { name: "Open the marking queue" }).click();
	await a11y();
	await expect(tabs.getByRole("link", { name: /^Marking/ })).toHaveAttribute("aria-current", "page");
	await expect(tabs.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");
	await expect(page.getByRole("heading", { name: "1 answer to mark" })).toBeVisible();
	await page.getByLabel("Mark (out of 1)").fill("1.5");
	await page.getByLabel("Comment for the trainee").fill("Say which permits are left out.");
	await page.getByRole("button", { name: "Save the mark" }).click();
	await expect(page.getByText("Enter a mark from 0 to 1, such as 0.5.")).toBeVisible();
	await expect(page.getByLabel("Comment for the trainee")).toHaveValue("Say which permits are left out.");
	await page.getByLabel("Mark (out of 1)").fill("0.5");
	await page.getByRole("button", { name: "Save the mark" }).click();
	await expect(page.getByText("The mark was saved and the attempt graded again.")).toBeVisible();
	await expect(page.getByRole("heading", { name: "0 answers to mark" })).toBeVisible();
	// The cohort's tabs are plain links the client router follows (docs/decisions/0111).
	const sameDocument = await markDocument(page);
	await tabs.getByRole("link", { name: "Dashboard" }).click();
	await expect(page.getByText("Nothing is waiting for a mark.")).toBeVisible();
	expect(await sameDocument()).toBe(true);

	// …which the trainee reads in the review.
	await learner.goto(`/modules/${MODULE}/quiz/${attemptId}`);
	await expect(learner.getByText(`Comment from ${trainer.name}`)).toBeVisible();
	await expect(learner.getByText("Say which permits are left out.")).toBeVisible();
	await expectAccessible(learner);
	await traineeContext.close();

	// The item analysis, and its downloads read back.
	// The summary's rows are written as one string (summary-html.ts); its links still move in the
	// browser without a page load.
	await page.goto(cohortUrl);
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));
	await page.getByRole("link", { name: "4. Basic concepts and categories of migrants" }).click();
	await expect(
		page.getByRole("heading", { name: "Item analysis: 4. Basic concepts and categories of migrants" }),
	).toBeVisible();
	expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
	await expect(page.getByText("1 (of 1 submitted)")).toBeVisible();
	await a11y();

	const csv = await readDownload(await download(page, "Download CSV"));
	expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(new TextDecoder().decode(csv), ",").rows.map((r) => r.cells);
	expect(rows.find((r) => r[0] === "Cohort")).toEqual(["Cohort", "Journey cohort «Бишкек»"]);
	expect(rows.find((r) => r[0] === "Attempts")).toEqual(["Attempts", "1"]);
	const essayRow = rows.find((r) => r[1] === "m04-q17")!;
	expect(essayRow[3]).toBe("1");
	expect(essayRow[4]).toBe("50");

	const xlsx = await readDownload(await download(page, "Download XLSX"));
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
	const sheet = workbook.worksheets[0]!;
	const cells = new Map<string, unknown[]>();
	sheet.eachRow((r) => cells.set(String(r.getCell(1).value), (r.values as unknown[]).slice(1)));
	expect(cells.get("Cohort")).toEqual(["Cohort", "Journey cohort «Бишкек»"]);
	expect(cells.get("Attempts")).toEqual(["Attempts", 1]);
	const header = cells.get("#")!;
	expect(header.slice(0, 3)).toEqual(["#", "Question id", "Question"]);

	// The dashboard's own export, with the trainee in it.
	await page.goto(cohortUrl);
	const dashboardCsv = new TextDecoder().decode(await readDownload(await download(page, "Download CSV")));
	expect(dashboardCsv).toContain(trainee.name);
});

test.describe("without JavaScript", () => {
	test.use({ javaScriptEnabled: false });

	test("the dashboard in Russian: sort and filters are links and a GET form, the message a plain form", async ({
		page,
		login,
		a11y,
	}) => {
		test.setTimeout(90_000);
		const trainer = await login({ roles: ["trainer"], language: "ru", countryCode: "KG" });
		const cohort = await prisma.cohort.create({
			data: {
				name: "Группа без скриптов",
				countryCode: "KG",
				startsOn: new Date("2026-01-10T00:00:00Z"),
				joinCode: randomCode(),
				trainers: { create: { userId: trainer.id } },
				modules: { create: [{ moduleSlug: MODULE, position: 0, dueDays: 7 }] },
			},
			select: { id: true },
		});
		const late = await createUser({ countryCode: "KG" });
		const started = await createUser({ countryCode: "KG" });
		await prisma.cohortMember.createMany({ data: [late, started].map((u) => ({ cohortId: cohort.id, userId: u.id })) });
		await prisma.sectionRead.create({
			data: { userId: started.id, moduleSlug: MODULE, sectionId: "why-definitions-matter" },
		});

		await page.goto(`/cohorts/${cohort.id}`);
		await expect(page.locator("html")).toHaveAttribute("lang", "ru");
		await expect(page).toHaveTitle("Группа без скриптов: сводка · DSM Academy");
		await expect(page.getByRole("heading", { name: "Слушатели и модули" })).toBeVisible();
		await expect(page.getByText("Показаны 2 слушателя из 2.")).toBeVisible();
		// The module was due on 17 January: both are overdue, in words as well as colour.
		await expect(page.getByRole("cell", { name: /Просрочен/ })).toHaveCount(2);
		// The trainer writes to both at once, each in Bcc, with the module in the subject.
		const mailto = new URL(
			(await page.getByRole("link", { name: "Написать им (скрытая копия)" }).getAttribute("href"))!,
		);
		expect(mailto.protocol).toBe("mailto:");
		expect(mailto.searchParams.get("bcc")?.split(",").sort()).toEqual([late.email, started.email].sort());
		expect(mailto.searchParams.get("subject")).toMatch(/^DSM Academy: просрочен модуль 4, «.+»$/);
		await a11y();

		await page.getByLabel("Только не приступившие").check();
		await page.getByRole("button", { name: "Применить" }).click();
		await expect(page).toHaveURL(/notStarted=1/);
		await expect(page.getByText("Показан 1 слушатель из 2.")).toBeVisible();
		await expect(page.getByRole("rowheader", { name: new RegExp(late.name) })).toBeVisible();
		await expect(page.getByRole("rowheader", { name: new RegExp(started.name) })).toHaveCount(0);

		await page.goto(`/cohorts/${cohort.id}`);
		await page.getByRole("link", { name: "Завершено" }).click();
		await expect(page).toHaveURL(/sort=progress/);
		await expect(page.getByText("Показаны 2 слушателя из 2.")).toBeVisible();

		await page.getByLabel("Новое сообщение").fill("Срок модуля 4 — пятница.");
		await page.getByRole("button", { name: "Отправить сообщение" }).click();
		await expect(page.getByText("Сообщение отправлено группе.")).toBeVisible();
		await expect(page.getByText("Срок модуля 4 — пятница.")).toBeVisible();
		await a11y();
	});
});

/** A join code no other test uses. */
function randomCode() {
	const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	return Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
}
