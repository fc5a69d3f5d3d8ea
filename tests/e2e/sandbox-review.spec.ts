import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { compileExercise } from "../../app/domain/dsm/exercises/compile";
import type { Observation } from "../../app/domain/dsm/observation";
import { writeSdmxCsv } from "../../app/domain/dsm/write-sdmx-csv";
import { compensatedErrors } from "../utils/sandbox";
import { prisma } from "./db";
import { createUser, expect, expectAccessible, signIn, test } from "./fixtures";

/** Submit and review (issue 9 item 5) and the compile exercise (item 6), with axe on every page. */

test.describe.configure({ timeout: 120_000 });

/** IND5 and IND6 of a generated Arcadia: one CROSS-DECISIONS warning, no error (seed 2). */
const YEAR = compileExercise(2);
const TABLES = YEAR.answer.filter((o) => o.indicator === "IND5" || o.indicator === "IND6");
const csv = (observations: readonly Observation[]) => Buffer.from(writeSdmxCsv(observations));

async function upload(page: Page, name: string, observations: readonly Observation[]) {
	await page.locator('input[name="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: csv(observations) });
	await page.getByRole("button", { name: "Upload and validate" }).click();
	await expect(page.locator("#report")).toBeVisible();
}

test.describe("with JavaScript off", () => {
	test.use({ javaScriptEnabled: false });

	test("a trainee submits with a note, the trainer comments on a cell and returns it, the trainee answers, the trainer accepts", async ({
		page,
		browser,
		baseURL,
		login,
		a11y,
	}) => {
		const trainee = await login({ countryCode: "KG" });
		const trainerUser = await createUser({ roles: ["trainer"], countryCode: "KG" });
		await prisma.cohort.create({
			data: {
				name: "Sandbox review cohort",
				countryCode: "KG",
				startsOn: new Date("2026-01-10T00:00:00Z"),
				joinCode: randomUUID().slice(0, 8).toUpperCase(),
				trainers: { create: { userId: trainerUser.id } },
				members: { create: { userId: trainee.id } },
			},
		});

		// A practice workspace of Arcadia, with a file that has one warning.
		await page.goto("/sandbox");
		await page.locator('select[name="country"]').selectOption("XA");
		await page.locator('input[name="period"]').fill(String(YEAR.year));
		await page.locator('form:has(input[value="create-practice"]) button[type="submit"]').click();
		await expect(page).toHaveURL(/\/sandbox\/[a-z0-9]+$/);
		const workspace = new URL(page.url()).pathname;
		await upload(page, "arcadia.csv", TABLES);
		await page.getByRole("link", { name: "Submit, and your trainers' comments" }).click();
		await expect(page.getByRole("heading", { level: 1 })).toContainText("Submit");
		await expect(page.getByText("Sandbox review cohort")).toBeVisible();
		await a11y();

		// A warning without its note: refused, the note asked for beside the field.
		await page.getByRole("button", { name: "Submit revision 1" }).click();
		await expect(page.getByText("Write a note for this warning.")).toBeVisible();
		await page.locator('textarea[name^="note."]').first().fill("Decisions include cases pending on 1 January.");
		await page.getByRole("button", { name: "Submit revision 1" }).click();
		await expect(page.getByText("Status:")).toContainText("Submitted");
		await expect(page.getByText("Waiting for review.")).toBeVisible();
		await a11y();

		// The trainer's queue, the revision read-only with its report, a comment on a cell.
		// The trainer works with JavaScript on; the trainee without.
		const trainerContext = await browser.newContext({ baseURL, javaScriptEnabled: true });
		await signIn(trainerContext, baseURL!, trainerUser);
		const trainer = await trainerContext.newPage();
		await trainer.goto("/sandbox/reviews");
		await expect(trainer.getByRole("heading", { level: 2 })).toContainText("1 submission waiting");
		await expectAccessible(trainer);
		await trainer.getByRole("link", { name: trainee.name }).click();
		await expect(trainer.getByText("CROSS-DECISIONS")).toBeVisible();
		await expect(trainer.getByText("Trainee's note: Decisions include cases pending on 1 January.")).toBeVisible();
		await expectAccessible(trainer);
		await trainer.locator(".finding-list a[href*='cell=']").first().click();
		await expect(trainer.getByRole("heading", { name: /^Comment on IND/ })).toBeVisible();
		await trainer.getByLabel("Your comment").fill("Give the number of pending cases in the note.");
		await trainer.getByRole("button", { name: "Post the comment" }).click();
		await expect(trainer.locator(".comment-list")).toContainText("Give the number of pending cases in the note.");
		await expect(trainer.locator(".comment-list")).toContainText("On the cell");
		await trainer.getByLabel("What the trainee should do next").fill("Complete the note and submit again.");
		await trainer.getByRole("button", { name: "Return for changes" }).click();
		await expect(trainer).toHaveURL(/\/sandbox\/reviews$/);
		await expect(trainer.getByText("No submission is waiting for review.")).toBeVisible();

		// The trainee sees the comment and the return, answers with a new revision.
		await page.reload();
		await expect(page.getByText("Status:")).toContainText("Returned");
		await expect(page.locator(".comment-list")).toContainText("Give the number of pending cases in the note.");
		await expect(page.getByText("Complete the note and submit again.")).toBeVisible();
		await a11y();
		await page.goto(workspace);
		const noted = TABLES.map((o) =>
			o.indicator === "IND6"
				? { ...o, attributes: { ...o.attributes, NOTE: `${o.attributes.NOTE} 12 cases were pending on 1 January.` } }
				: o,
		);
		await upload(page, "arcadia-2.csv", noted);
		await page.goto(`${workspace}/submissions`);
		await page.locator('textarea[name^="note."]').first().fill("The note now gives the pending cases.");
		await page.getByRole("button", { name: "Submit revision 2" }).click();
		await expect(page.getByText("Status:")).toContainText("Submitted");

		await trainer.goto("/sandbox/reviews");
		await trainer.getByRole("link", { name: trainee.name }).first().click();
		await expect(trainer.getByRole("heading", { level: 1 })).toContainText("submission 2");
		await trainer.getByRole("button", { name: "Accept" }).click();
		await expect(trainer).toHaveURL(/\/sandbox\/reviews$/);
		await trainerContext.close();

		await page.reload();
		await expect(page.getByText("Status:")).toContainText("Accepted");
		await a11y();
	});
});

test("the compile exercise: start it, download the records, upload the table, see the score and the cells that lost marks", async ({
	page,
	login,
	a11y,
}) => {
	const trainee = await login({ countryCode: "KG" });
	await page.goto("/sandbox");
	await page.getByRole("link", { name: "Compile IND3 from the border-crossing log" }).click();
	await expect(page).toHaveURL(/\/sandbox\/exercises\/compile-ind3$/);
	await a11y();
	await page.getByRole("button", { name: "Start the exercise" }).click();
	await expect(page.getByRole("heading", { name: "Source files" })).toBeVisible();
	await a11y();

	// The records are the trainee's own, generated from the seed stored with the workspace.
	const stored = await prisma.sandboxWorkspace.findFirstOrThrow({
		where: { ownerId: trainee.id, exerciseId: "compile-ind3" },
		select: { seed: true },
	});
	const exercise = compileExercise(stored.seed!);
	const download = await page.request.get("/sandbox/exercises/compile-ind3/border-crossings.csv");
	expect(download.status()).toBe(200);
	expect((await download.text()).trim().split("\r\n")).toHaveLength(exercise.sources.borderCrossings.length + 1);

	// A table with one person counted in the wrong cells: it validates, but eight cells are wrong.
	const answer = exercise.answer.filter((o) => o.indicator === "IND3");
	const { table, changed } = compensatedErrors(answer);
	await page.getByRole("link", { name: "Open the workspace" }).click();
	await upload(page, "ind3.csv", table);
	await page.getByRole("link", { name: "Submit, and your trainers' comments" }).click();
	await expect(page.getByText("You are in no cohort with a trainer")).toBeVisible();
	await page.getByRole("button", { name: /^Submit revision/ }).click();
	const score = page.locator(".score-line").first();
	await expect(score).toContainText(`${answer.length - 8} of ${answer.length}`);
	await expect(page.locator(".score-table tbody tr")).toHaveCount(8);
	for (const key of changed) await expect(page.locator(".score-table")).toContainText(key);
	await expect(page.locator(".score-table")).toContainText("another value than the records give");
	await a11y();

	// The sandbox lists the exercise with its score.
	await page.goto("/sandbox");
	await expect(page.locator("#exercises")).toContainText(`score ${answer.length - 8} of ${answer.length}`);
	await a11y();
});
