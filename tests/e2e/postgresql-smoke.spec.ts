import fs from "node:fs";
import { parseGift } from "../../app/domain/gift/parse";
import { createQuestionBank } from "../../app/domain/quiz/bank";
import { buildAttempt } from "../../app/domain/quiz/attempt";
import { oneModuleCohort, prisma } from "./db";
import { createUser, expect, test } from "./fixtures";
import { answerCorrectly } from "./quiz-answers";

/*
 * The smoke journey of the app on PostgreSQL (playwright.postgresql.config.ts, docs/decisions/0102):
 * two server processes on one PostgreSQL database, through the pages whose queries differ most
 * between the databases: the login (sessions, limits), reading, a graded quiz, the cohort
 * dashboard's own SQL, and the admin's case-insensitive search.
 */
const MODULE = "basic-concepts-and-categories";
const bank = createQuestionBank(parseGift(fs.readFileSync(`content/modules/04.${MODULE}/quiz.gift`, "utf8")).questions);

test("a trainee logs in, reads, passes a quiz; the trainer sees it on the dashboard; the admin finds them", async ({
	page,
	browser,
	baseURL,
	a11y,
}) => {
	test.slow();
	const trainee = await createUser({ countryCode: "KG" });
	await prisma.user.update({ where: { id: trainee.id }, data: { name: "Айгуль Осмонова" } });

	// The login form: the password checked, the attempt counted, a session written.
	await page.goto("/login");
	await page.getByLabel("E-mail").fill(trainee.email.toUpperCase());
	await page.getByLabel("Password").fill(trainee.password);
	await page.getByRole("button", { name: "Log in" }).click();
	await expect(page.getByRole("heading", { name: "Welcome, Айгуль Осмонова" })).toBeVisible();
	await a11y();

	await page.goto(`/modules/${MODULE}`);
	await page.getByRole("link", { name: "Start reading" }).click();
	await page.getByRole("button", { name: "Mark as read and continue" }).click();
	await expect(page.getByText("Section marked as read.")).toBeVisible();

	await page.goto(`/modules/${MODULE}/quiz`);
	await page.getByRole("button", { name: "Start the quiz" }).click();
	await expect(page.getByRole("heading", { name: "Your attempt" })).toBeVisible();
	const attemptId = page.url().split("/").pop()!;
	// Drawn again without the essay, which waits for a trainer's mark.
	const marked = { questions: bank.questions.filter((q) => q.type !== "essay"), byId: bank.byId };
	const plan = buildAttempt(marked, { questionsPerAttempt: 10, shuffle: true });
	await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(plan) } });
	await page.reload();
	await answerCorrectly(page, bank, attemptId);
	await page.getByRole("button", { name: "Submit answers" }).click();
	await expect(page.getByText(/^Passed with 100 %/)).toBeVisible();
	await a11y();

	// The trainer's dashboard (raw SQL of its own) shows the read section and the passed quiz at once.
	const trainer = await createUser({ roles: ["trainer"], countryCode: "KG" });
	const cohort = await oneModuleCohort("Группа на PostgreSQL", MODULE, trainer.id, trainee.id);
	const trainerContext = await browser.newContext({ baseURL });
	const trainerPage = await trainerContext.newPage();
	await trainerPage.goto("/login");
	await trainerPage.getByLabel("E-mail").fill(trainer.email);
	await trainerPage.getByLabel("Password").fill(trainer.password);
	await trainerPage.getByRole("button", { name: "Log in" }).click();
	await expect(trainerPage.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
	await trainerPage.goto(`/cohorts/${cohort.id}`);
	await expect(trainerPage.getByRole("rowheader", { name: /Айгуль Осмонова/ })).toBeVisible();
	await expect(trainerPage.getByRole("cell", { name: /1\/\d+.*100 %/ })).toBeVisible();
	await trainerContext.close();

	// The admin's search ignores the case of Cyrillic letters, as on SQLite.
	const admin = await createUser({ roles: ["admin"] });
	const adminContext = await browser.newContext({ baseURL });
	const adminPage = await adminContext.newPage();
	await adminPage.goto("/login");
	await adminPage.getByLabel("E-mail").fill(admin.email);
	await adminPage.getByLabel("Password").fill(admin.password);
	await adminPage.getByRole("button", { name: "Log in" }).click();
	await expect(adminPage.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
	await adminPage.goto("/admin/users?q=" + encodeURIComponent("осмонова"));
	await expect(adminPage.getByText("1 user found.")).toBeVisible();
	await expect(adminPage.getByRole("link", { name: "Айгуль Осмонова" })).toBeVisible();
	await adminContext.close();
});
