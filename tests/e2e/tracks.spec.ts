import { prisma } from "./db";
import { expect, test } from "./fixtures";

const TRACK = "it-staff";

/** Marks a module complete in the database: every section read and a passed attempt. */
async function completeInDatabase(userId: string, moduleSlug: string, sectionIds: string[]) {
	await prisma.sectionRead.createMany({ data: sectionIds.map((sectionId) => ({ userId, moduleSlug, sectionId })) });
	await prisma.quizAttempt.create({
		data: {
			userId,
			moduleSlug,
			number: 1,
			plan: '{"slots":[]}',
			submittedAt: new Date(),
			score: 10,
			maxScore: 10,
			percent: 100,
			passed: true,
		},
	});
}

test("a trainee enrols on a track, completes it and receives a certificate anyone can verify", async ({
	page,
	login,
	a11y,
	browser,
	baseURL,
}) => {
	const user = await login();
	await page.goto("/tracks");
	await a11y();
	await page.getByRole("link", { name: "IT staff" }).first().click();
	await a11y();
	await page.getByRole("button", { name: "Enrol on this track" }).click();
	await expect(page.getByText("You are enrolled on this track.")).toBeVisible();

	// Every module but the last is completed through the database; the last one's final section through the page.
	const links = await page.getByRole("heading", { level: 3 }).getByRole("link").all();
	const modules = await Promise.all(links.map(async (link) => (await link.getAttribute("href"))!.split("/").pop()!));
	const last = modules.pop()!;
	for (const slug of modules) {
		await page.goto(`/modules/${slug}`);
		const sections = await page.getByRole("navigation", { name: "Contents" }).getByRole("link").all();
		const ids = await Promise.all(sections.map(async (s) => (await s.getAttribute("href"))!.split("/").pop()!));
		await completeInDatabase(user.id, slug, ids);
	}
	await page.goto(`/modules/${last}`);
	const sections = await page.getByRole("navigation", { name: "Contents" }).getByRole("link").all();
	const ids = await Promise.all(sections.map(async (s) => (await s.getAttribute("href"))!.split("/").pop()!));
	const final = ids.pop()!;
	await completeInDatabase(user.id, last, ids);

	await page.goto(`/tracks/${TRACK}`);
	await expect(page.getByText(`${modules.length} of ${modules.length + 1} modules completed.`)).toBeVisible();

	await page.goto(`/modules/${last}/${final}`);
	await page.getByRole("button", { name: /Mark as read/ }).click();
	await expect(page.getByText("Congratulations: you completed a track and received its certificate.")).toBeVisible();
	await expect(page.getByRole("heading", { name: user.name })).toBeVisible();
	await a11y();
	const code = (await page.getByText(/^Verification code: /).textContent())!.replace("Verification code: ", "");

	const pdf = await page.request.get(`/certificates/${code}/pdf`);
	expect(pdf.headers()["content-type"]).toBe("application/pdf");
	expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

	const anonymous = await browser.newContext({ baseURL });
	const visitor = await anonymous.newPage();
	await visitor.goto(`/verify/${code}`);
	await expect(visitor.getByText("This certificate is valid.")).toBeVisible();
	await expect(visitor.getByText(user.name)).toBeVisible();
	await expect(visitor.getByText("IT staff")).toBeVisible();
	await expect(visitor.getByRole("link", { name: "Log in" })).toBeVisible();
	await anonymous.close();
});

test("an unknown code is said to be unknown, with a 404", async ({ page, a11y }) => {
	const response = await page.goto("/verify/DSMA-0000-0000");
	expect(response?.status()).toBe(404);
	await expect(page.getByText("No certificate has the code DSMA-0000-0000.")).toBeVisible();
	await a11y();
});
