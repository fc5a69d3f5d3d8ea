import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/dsm/csv";
import { args, formRequest, getRequest, settle } from "../../../tests/utils/requests";
import { attemptQuestions, fieldTag } from "../../../tests/utils/attempts";

/**
 * Old attempts never break when the bank changes (docs/decisions/0056-question-versions.md): a
 * module of our own, whose quiz is edited between the attempts and their review, marking, item
 * analysis and exports.
 */
const CONTENT = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-versions-"));
const MODULE_DIR = path.join(CONTENT, "modules", "01.limits");
fs.cpSync(path.resolve("tests/fixtures/learning"), CONTENT, { recursive: true });
fs.writeFileSync(
	path.join(MODULE_DIR, "module.mdx"),
	fs
		.readFileSync(path.join(MODULE_DIR, "module.mdx"), "utf8")
		.replace("attempts: 2", "attempts: 3")
		.replace("questionsPerAttempt: 2", "questionsPerAttempt: null")
		.replace("shuffle: true", "shuffle: false"),
);
const QUIZ = `// [tag:objective-1]
::m01-q01 Stock::Which is a stock?{=Residents on 1 January#Counted at a date~Entries during the year#Counted over a period}

// [tag:objective-2]
::m01-q02 Count::How many indicators does the DSM exchange?{#6:0#Six~#Count the list}

// [tag:objective-3]
::m01-q03 Months::The threshold of a long-term migrant, in months?{#12:0#Twelve~#Not that}

// [tag:objective-1]
::m01-q04 Note::Write the note on the stock.{}
`;
const writeQuiz = async (text: string) => {
	fs.writeFileSync(path.join(MODULE_DIR, "quiz.gift"), text);
	// The content is looked at again at most once a second (app/utils/content.server.ts).
	await new Promise((resolve) => setTimeout(resolve, 1100));
};
await writeQuiz(QUIZ);

// Set before anything reads the content (tests/utils/cohorts does).
process.env.CONTENT_DIR = CONTENT;
const { addMember, makeCohort } = await import("../../../tests/utils/cohorts");
const { makeUser, sessionFor } = await import("../../../tests/utils/users");
const { prisma } = await import("~/utils/db.server");
const { backfillQuestionVersions, recordVersions, storedVersions } = await import("~/utils/question-versions.server");
const { runInRequest } = await import("~/utils/request-context.server");
const { versionKey } = await import("~/domain/quiz/versions");
const quizRoute = await import("./modules_.$slug_.quiz");
const attemptRoute = await import("./modules_.$slug_.quiz_.$attemptId");
const marking = await import("../cohorts+/$cohortId_.marking");
const items = await import("../cohorts+/$cohortId_.quizzes_.$moduleSlug");
const exportFile = await import("../cohorts+/$cohortId_.export.$file");

const slug = "limits";

/** A trainee of the cohort who takes the quiz, answering every question right (and writing the note). */
async function submittedAttempt(cohortId: string) {
	const user = await makeUser(["trainee"]);
	await addMember(cohortId, user.id);
	const { cookie } = await sessionFor(user.id);
	const started = (await settle(() =>
		quizRoute.action(args(formRequest(`/modules/${slug}/quiz`, {}, cookie), { slug })),
	)) as Response;
	const attemptId = started.headers.get("Location")!.split("/").pop()!;
	const params = { slug, attemptId };
	const fields: Record<string, string> = { intent: "submit" };
	for (const q of await attemptQuestions(params)) {
		if (q.type === "multichoice") fields[q.field] = q.choices.find((c) => c.text.text.startsWith("Residents"))!.id;
		if (q.type === "numerical") fields[q.field] = q.id === "m01-q02" ? "6" : "12";
		if (q.type === "essay") fields[q.field] = "Residents on a date.";
	}
	await settle(() => attemptRoute.action(args(formRequest("/x", fields, cookie), params)));
	const review = () => attemptRoute.loader(args(getRequest("/x", cookie), params));
	return { user, cookie, attemptId, review };
}

async function csv(cohortId: string, cookie: string, file: string) {
	const response = await exportFile.loader(
		args(getRequest(`/cohorts/${cohortId}/export/${file}`, cookie), { cohortId, file }),
	);
	return parseCsv(await response.text(), ",").rows.map((r) => r.cells);
}

describe("when the bank changes after attempts were made", () => {
	it("review, marking, item analysis and exports show what each attempt asked, and none throws", async () => {
		const { cohortId, trainerId } = await makeCohort({ modules: [slug] });
		const trainer = (await sessionFor(trainerId)).cookie;

		// An attempt made before versions were kept: its plan names questions only, and no version is recorded.
		const before = await submittedAttempt(cohortId);
		const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: before.attemptId } });
		const bare = JSON.parse(row.plan) as { slots: Array<Record<string, unknown>> };
		for (const slot of bare.slots) delete slot.version;
		await prisma.quizAttempt.update({ where: { id: row.id }, data: { plan: JSON.stringify(bare) } });
		await prisma.questionVersion.deleteMany();

		// An attempt of today: its four questions are recorded as it starts.
		const after = await submittedAttempt(cohortId);
		const plan = JSON.parse((await prisma.quizAttempt.findUniqueOrThrow({ where: { id: after.attemptId } })).plan) as {
			slots: Array<{ questionId: string; version?: string }>;
		};
		expect(plan.slots.every((slot) => slot.version)).toBe(true);
		expect(await prisma.questionVersion.count({ where: { moduleSlug: slug } })).toBe(4);

		// The curriculum is revised: m01-q01 is removed, m01-q02 and the note reworded, m01-q03's key changed.
		await writeQuiz(
			QUIZ.replace(/\/\/ \[tag:objective-1\]\n::m01-q01[^\n]*\n/, "")
				.replace("How many indicators does the DSM exchange?", "How many indicators make the minimum set?")
				.replace("#12:0#Twelve", "#6:0#Six")
				.replace("Write the note on the stock.", "Write the NOTE."),
		);

		// The backfill records what the bank still has of the older attempt, and only that.
		expect(await backfillQuestionVersions()).toEqual({ checked: 1, updated: 1 });
		const backfilled = JSON.parse(
			(await prisma.quizAttempt.findUniqueOrThrow({ where: { id: before.attemptId } })).plan,
		) as { slots: Array<{ questionId: string; version?: string; gone?: string }> };
		expect(backfilled.slots.map((s) => [s.questionId, s.gone ?? Boolean(s.version)])).toEqual([
			["m01-q01", "removed"],
			["m01-q02", true],
			["m01-q03", "changed"],
			["m01-q04", true],
		]);
		// Judged once: the next start has nothing to do.
		expect(await backfillQuestionVersions()).toEqual({ checked: 0, updated: 0 });

		// Today's attempt reviews as it was asked, the removed question with its choices, and its result stands.
		const review = await after.review();
		if (review.state !== "submitted") throw new Error("not submitted");
		expect(review.questions.map((q) => q.text.text)).toEqual([
			"Which is a stock?",
			"How many indicators does the DSM exchange?",
			"The threshold of a long-term migrant, in months?",
			"Write the note on the stock.",
		]);
		const stock = review.questions[0]!;
		expect(stock.type === "multichoice" && stock.choices.map((c) => c.text.text)).toEqual([
			"Residents on 1 January",
			"Entries during the year",
		]);
		expect(review.result).toMatchObject({ score: 3, maxScore: 4, needsGrading: true });

		// The older one shows its stored answers and grades, with a notice where the question is gone or changed.
		const old = await before.review();
		if (old.state !== "submitted") throw new Error("not submitted");
		expect(old.questions.map((q) => (q.type === "removed" ? `${q.id}: ${q.reason}` : q.id))).toEqual([
			"m01-q01: removed",
			"m01-q02",
			"m01-q03: changed",
			"m01-q04",
		]);
		expect(old.questions[1]!.text.text).toBe("How many indicators make the minimum set?");
		expect(old.grades.map((g) => [g.questionId, g.state])).toEqual([
			["m01-q01", "correct"],
			["m01-q02", "correct"],
			["m01-q03", "correct"],
			["m01-q04", "needs-grading"],
		]);
		expect(old.responses["m01-q03"]).toEqual({ kind: "number", value: 12 });
		expect(old.result).toMatchObject({ score: 3, maxScore: 4 });

		// The marking queue shows each note as it was asked; marking grades again by the attempt's own questions.
		const queue = await marking.loader(args(getRequest(`/cohorts/${cohortId}/marking`, trainer), { cohortId }));
		expect(
			queue.queue.map((item) => [item.attemptId === after.attemptId ? "after" : "before", item.question.text]),
		).toEqual([
			["before", "Write the NOTE."],
			["after", "Write the note on the stock."],
		]);
		for (const attemptId of [after.attemptId, before.attemptId]) {
			const marked = await settle(() =>
				marking.action(
					args(
						formRequest(
							`/cohorts/${cohortId}/marking`,
							{ attemptId, questionId: "m01-q04", mark: "1", comment: "Good." },
							trainer,
						),
						{ cohortId },
					),
				),
			);
			expect((marked as Response).status).toBe(302);
		}
		for (const attemptId of [after.attemptId, before.attemptId]) {
			const graded = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
			expect([graded.score, graded.maxScore, graded.percent, graded.needsGrading]).toEqual([4, 4, 100, false]);
		}

		// Item analysis pools m01-q02's two wordings (one key), keeps m01-q03's old key apart from the new, and
		// lists the removed m01-q01 with the version it had, and apart the attempt that cannot tell its version.
		const analysis = await items.loader(
			args(getRequest(`/cohorts/${cohortId}/quizzes/${slug}?attempts=all`, trainer), {
				cohortId,
				moduleSlug: slug,
			}),
		);
		const rows = analysis.analysis.questions.map((q) => ({
			id: q.id,
			attempts: q.stats.attempts,
			version: q.version,
			title: q.title,
		}));
		expect(rows).toEqual([
			{
				id: "m01-q02",
				attempts: 2,
				version: { numbers: [1, 2], current: true, removed: false, known: true },
				title: "m01-q02 Count",
			},
			{
				id: "m01-q03-vnow",
				attempts: 0,
				version: { numbers: [], current: true, removed: false, known: true },
				title: "m01-q03 Months",
			},
			{
				id: "m01-q03-v1",
				attempts: 1,
				version: { numbers: [1], current: false, removed: false, known: true },
				title: "m01-q03 Months",
			},
			{
				id: "m01-q03-unknown",
				attempts: 1,
				version: { numbers: [], current: false, removed: false, known: false },
				title: "m01-q03",
			},
			{
				id: "m01-q04",
				attempts: 2,
				version: { numbers: [1, 2], current: true, removed: false, known: true },
				title: "m01-q04 Note",
			},
			{
				id: "m01-q01-v1",
				attempts: 1,
				version: { numbers: [1], current: false, removed: true, known: true },
				title: "m01-q01 Stock",
			},
			{
				id: "m01-q01-unknown",
				attempts: 1,
				version: { numbers: [], current: false, removed: true, known: false },
				title: "m01-q01",
			},
		]);
		const removed = analysis.analysis.questions.find((q) => q.id === "m01-q01-v1")!;
		expect(removed.answers.map((a) => [a.text, a.count, a.right])).toEqual([
			["Residents on 1 January", 1, true],
			["Entries during the year", 0, false],
		]);

		// The exports say the same.
		const itemsCsv = await csv(cohortId, trainer, `items-${slug}.csv`);
		const header = itemsCsv.findIndex((r) => r[0] === "#");
		expect(itemsCsv[header]!.slice(0, 3)).toEqual(["#", "Question id", "Question"]);
		expect(itemsCsv[header]!.at(-1)).toBe("Version");
		expect(itemsCsv.slice(header + 1).map((r) => [r[1], r.at(-1)])).toEqual([
			["m01-q02", "versions 1, 2, as in the module now"],
			["m01-q03", "as in the module now"],
			["m01-q03", "version 1"],
			["m01-q03", "version not recorded"],
			["m01-q04", "versions 1, 2, as in the module now"],
			["m01-q01", "version 1, removed from the module"],
			["m01-q01", "version not recorded, removed from the module"],
		]);
		const markingCsv = await csv(cohortId, trainer, "marking.csv");
		expect(markingCsv.filter((r) => r[2] === "m01-q04").map((r) => r[3])).toEqual(
			expect.arrayContaining(["Write the NOTE.", "Write the note on the stock."]),
		);
	}, 60_000);

	it("grades an attempt opened before the bank changed by the questions it showed", async () => {
		const { cohortId } = await makeCohort({ modules: [slug] });
		await writeQuiz(QUIZ);
		const user = await makeUser(["trainee"]);
		await addMember(cohortId, user.id);
		const { cookie } = await sessionFor(user.id);
		const started = (await settle(() =>
			quizRoute.action(args(formRequest(`/modules/${slug}/quiz`, {}, cookie), { slug })),
		)) as Response;
		const params = { slug, attemptId: started.headers.get("Location")!.split("/").pop()! };
		const open = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		const questions = await attemptQuestions(params);

		// While it is open, a choice is reworded (another id), a key changed and a question removed.
		await writeQuiz(
			QUIZ.replace("Entries during the year", "Arrivals during the year")
				.replace("#12:0#Twelve", "#6:0#Six")
				.replace(/::m01-q02[^\n]*\n/, ""),
		);
		const reopened = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (open.state !== "open" || reopened.state !== "open") throw new Error("not open");
		expect(reopened.fields).toEqual(open.fields);
		expect(await attemptQuestions(params)).toEqual(questions);
		const fields: Record<string, string> = { intent: "submit" };
		for (const q of questions) {
			if (q.type === "multichoice") fields[q.field] = q.choices.find((c) => c.text.text.startsWith("Residents"))!.id;
			if (q.type === "numerical") fields[q.field] = q.id === "m01-q02" ? "6" : "12";
			if (q.type === "essay") fields[q.field] = "A note.";
		}
		await settle(() => attemptRoute.action(args(formRequest("/x", fields, cookie), params)));
		const review = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (review.state !== "submitted") throw new Error("not submitted");
		expect(review.grades.map((g) => [g.questionId, g.state])).toEqual([
			["m01-q01", "correct"],
			["m01-q02", "correct"],
			["m01-q03", "correct"],
			["m01-q04", "needs-grading"],
		]);
		expect(review.result).toMatchObject({ score: 3, maxScore: 4 });
	}, 30_000);

	it("lets an open attempt whose question was removed be answered and submitted, the question not counted", async () => {
		const { cohortId } = await makeCohort({ modules: [slug] });
		await writeQuiz(QUIZ);
		const user = await makeUser(["trainee"]);
		await addMember(cohortId, user.id);
		const { cookie } = await sessionFor(user.id);
		const started = (await settle(() =>
			quizRoute.action(args(formRequest(`/modules/${slug}/quiz`, {}, cookie), { slug })),
		)) as Response;
		const attemptId = started.headers.get("Location")!.split("/").pop()!;
		const params = { slug, attemptId };
		// Made before versions were kept, with an answer saved to the question that is then removed.
		const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
		const bare = JSON.parse(row.plan) as { slots: Array<Record<string, unknown>> };
		for (const slot of bare.slots) delete slot.version;
		await prisma.quizAttempt.update({
			where: { id: attemptId },
			data: { plan: JSON.stringify(bare), responses: JSON.stringify({ "m01-q02": { kind: "number", value: 6 } }) },
		});
		await prisma.questionVersion.deleteMany();
		await writeQuiz(QUIZ.replace(/::m01-q02[^\n]*\n/, ""));

		const open = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (open.state !== "open") throw new Error("not open");
		const questions = await attemptQuestions(params);
		expect(questions.map((q) => q.type)).toEqual(["multichoice", "removed", "numerical", "essay"]);
		// The page shows the removed question as a notice, with no field to answer it in.
		expect(open.fields.html).toContain('<p class="notice">');
		expect(fieldTag(open.fields.html, "q2")).toBeUndefined();
		const fields: Record<string, string> = { intent: "submit" };
		for (const q of questions) {
			if (q.type === "multichoice") fields[q.field] = q.choices.find((c) => c.text.text.startsWith("Residents"))!.id;
			if (q.type === "numerical") fields[q.field] = "12";
			if (q.type === "essay") fields[q.field] = "A note.";
		}
		// Every question it can show is answered: no confirmation is asked for the removed one.
		const submitted = (await settle(() =>
			attemptRoute.action(args(formRequest("/x", fields, cookie), params)),
		)) as Response;
		expect(submitted.headers.get("Location")).toBe(`/modules/${slug}/quiz/${attemptId}`);
		const review = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (review.state !== "submitted") throw new Error("not submitted");
		expect(review.result).toMatchObject({ score: 2, maxScore: 3, needsGrading: true });
		// The answer saved to the removed question is kept.
		expect(review.responses["m01-q02"]).toEqual({ kind: "number", value: 6 });
		expect(review.grades.find((g) => g.questionId === "m01-q02")).toMatchObject({ state: "no-mark", maxMark: 0 });
	}, 30_000);
});

describe("the backfill at the server's start", () => {
	it("judges the earlier attempts a page at a time and hands the event loop back as it goes", async () => {
		const { cohortId } = await makeCohort({ modules: [slug] });
		await writeQuiz(QUIZ);
		await backfillQuestionVersions(); // what earlier tests left
		const made = [];
		for (let i = 0; i < 5; i++) made.push(await submittedAttempt(cohortId));
		for (const { attemptId } of made) {
			const row = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
			const bare = JSON.parse(row.plan) as { slots: Array<Record<string, unknown>> };
			for (const slot of bare.slots) delete slot.version;
			await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(bare) } });
		}

		// Requests would be served between its steps: here, a callback queued for the next turn of the loop.
		let turns = 0;
		let running = true;
		const turn = () => {
			turns++;
			if (running) setImmediate(turn);
		};
		setImmediate(turn);
		const result = await backfillQuestionVersions({ pageSize: 2, sliceMs: 0 });
		running = false;
		expect(result).toEqual({ checked: 5, updated: 5 });
		expect(turns).toBeGreaterThanOrEqual(5);
		for (const { attemptId } of made) {
			const { plan } = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
			expect((JSON.parse(plan) as { slots: Array<{ version?: string }> }).slots.every((s) => s.version)).toBe(true);
		}
	}, 30_000);
});

describe("the stored versions of attempts", () => {
	it("are read from the database once per process: a version is named by the hash of its content", async () => {
		const hash = Math.random().toString(16).slice(2, 18).padEnd(16, "0");
		const content = { en: { id: "m01-q09", type: "essay", text: "A question of this test." }, ru: null };
		const version = { questionId: "m01-q09", hash, keyHash: hash, type: "essay", content } as unknown as Parameters<
			typeof recordVersions
		>[1][number];
		await recordVersions(slug, [version]);
		const plan = { slots: [{ questionId: "m01-q09", version: hash }] } as unknown as Parameters<
			typeof storedVersions
		>[1][number];
		const read = async () => {
			const context = { clientAddress: "192.0.2.1", queries: 0 };
			const versions = await runInRequest(context, () => storedVersions(slug, [plan]));
			return { versions, queries: context.queries };
		};
		const first = await read();
		const second = await read();
		expect(first.queries).toBe(1);
		expect(second.queries).toBe(0);
		expect(first.versions.get(versionKey("m01-q09", hash))).toEqual(content);
		expect(second.versions.get(versionKey("m01-q09", hash))).toBe(first.versions.get(versionKey("m01-q09", hash)));
	});
});
