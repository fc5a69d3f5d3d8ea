import { describe, expect, it } from "vitest";
import { compileExercise } from "~/domain/dsm/exercises/compile";
import { findAndFixExercise } from "~/domain/dsm/exercises/find-and-fix";
import type { Observation } from "~/domain/dsm/observation";
import { cellKey } from "~/domain/sandbox/cells";
import { exerciseById, scoreExercise, seedFor } from "~/domain/sandbox/exercises";
import { prisma } from "~/utils/db.server";
import { createPracticeWorkspace, saveRevision } from "~/utils/sandbox.server";
import { addMember, makeCohort } from "../../../tests/utils/cohorts";
import { args, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
import { compensatedErrors, cycleOf } from "../../../tests/utils/sandbox";
import { makeUser, sessionFor } from "../../../tests/utils/users";
import * as dashboard from "../cohorts+/$cohortId";
import * as exercisePage from "./exercises.$exerciseId";
import * as exerciseFile from "./exercises.$exerciseId_.$file";
import * as queue from "./reviews";
import * as review from "./reviews_.$submissionId";
import * as submissions from "./$workspaceId_.submissions";

async function signedIn(roles: string[], countryCode?: string) {
	const user = await makeUser(roles, { countryCode });
	return { ...user, cookie: (await sessionFor(user.id)).cookie };
}

const status = (result: unknown) => (result instanceof Response ? result.status : unwrap(result).status);

/** IND3 of a generated year: validates clean for XA. */
const clean = (): Observation[] => compileExercise(99).answer.filter((o) => o.indicator === "IND3");
/** IND5 and IND6 of seed 2: one CROSS-DECISIONS warning, no error. */
const withWarning = (): Observation[] =>
	compileExercise(2).answer.filter((o) => o.indicator === "IND5" || o.indicator === "IND6");

/** A trainee in a cohort (country KG) with a practice workspace holding `content` as revision 1. */
async function traineeWithWorkspace(content: Observation[] = clean()) {
	const trainee = await signedIn(["trainee"]);
	const { cohortId, trainerId } = await makeCohort({ countryCode: "KG" });
	await addMember(cohortId, trainee.id);
	const trainer = { id: trainerId, cookie: (await sessionFor(trainerId)).cookie };
	const workspaceId = await createPracticeWorkspace(trainee.id, "XA", "2024");
	await saveRevision({ id: workspaceId, refArea: "XA" }, trainee.id, {
		source: "upload",
		fileName: "t.csv",
		fileBytes: 1,
		readIssues: [],
		incoming: content,
	});
	return { trainee, trainer, cohortId, workspaceId };
}

const submit = (workspaceId: string, cookie: string, fields: Record<string, string> = {}) =>
	settle(() =>
		submissions.action(
			args(formRequest(`/sandbox/${workspaceId}/submissions`, { intent: "submit", ...fields }, cookie), {
				workspaceId,
			}),
		),
	);

/** The count of submissions waiting for review on the cohort dashboard's sandbox panel. */
async function waitingOnDashboard(cohortId: string, cookie: string) {
	const board = (await dashboard.loader(args(getRequest(`/cohorts/${cohortId}`, cookie), { cohortId }))) as Awaited<
		ReturnType<typeof dashboard.loader>
	>;
	return board.sandboxWaiting;
}

const openReview = (submissionId: string, cookie: string, search = "") =>
	settle(() => review.loader(args(getRequest(`/sandbox/reviews/${submissionId}${search}`, cookie), { submissionId })));

const postReview = (submissionId: string, cookie: string, fields: Record<string, string>) =>
	settle(() => review.action(args(formRequest(`/sandbox/reviews/${submissionId}`, fields, cookie), { submissionId })));

describe("submitting a revision", () => {
	it("is refused while the revision has errors, and makes no submission", async () => {
		const broken = clean().map((o, index) => (index === 3 ? { ...o, value: "-4" } : o));
		const { trainee, workspaceId } = await traineeWithWorkspace(broken);
		const result = await submit(workspaceId, trainee.cookie);
		expect(status(result)).toBe(400);
		expect(unwrap(result as never).data).toMatchObject({ refusal: { reason: "errors" } });
		expect(await prisma.sandboxSubmission.count({ where: { workspaceId } })).toBe(0);
	});

	it("needs a note on every warning, and keeps the notes with the submission", async () => {
		const { trainee, workspaceId } = await traineeWithWorkspace(withWarning());
		const page = (await submissions.loader(
			args(getRequest(`/sandbox/${workspaceId}/submissions`, trainee.cookie), { workspaceId }),
		)) as Awaited<ReturnType<typeof submissions.loader>>;
		const warnings = page.revision?.warnings ?? [];
		expect(warnings.map((w) => w.rule)).toContain("CROSS-DECISIONS");
		const refused = await submit(workspaceId, trainee.cookie);
		expect(status(refused)).toBe(400);
		expect(unwrap(refused as never).data).toMatchObject({
			refusal: { reason: "notes", missing: warnings.map((w) => w.id) },
		});
		const notes = Object.fromEntries(
			warnings.map((w) => [`note.${w.id}`, "Decisions on cases lodged in the year before."]),
		);
		expect(status(await submit(workspaceId, trainee.cookie, notes))).toBe(302);
		const stored = await prisma.sandboxSubmission.findFirstOrThrow({ where: { workspaceId } });
		expect(JSON.parse(stored.warningNotes)).toEqual(
			Object.fromEntries(warnings.map((w) => [w.id, "Decisions on cases lodged in the year before."])),
		);
	});

	it("goes to the trainee's cohort, and another trainee's workspace is a 404", async () => {
		const { trainee, cohortId, workspaceId } = await traineeWithWorkspace();
		const other = await signedIn(["trainee"]);
		const peek = await settle(() =>
			submissions.loader(args(getRequest(`/sandbox/${workspaceId}/submissions`, other.cookie), { workspaceId })),
		);
		expect(status(peek)).toBe(404);
		expect(status(await submit(workspaceId, other.cookie))).toBe(404);
		expect(status(await submit(workspaceId, trainee.cookie))).toBe(302);
		const stored = await prisma.sandboxSubmission.findFirstOrThrow({ where: { workspaceId } });
		expect(stored.cohortId).toBe(cohortId);
		// While it waits for review, it cannot be submitted again.
		const again = await submit(workspaceId, trainee.cookie);
		expect(unwrap(again as never).data).toMatchObject({ refusal: { reason: "pending" } });
	});
});

describe("reviewing", () => {
	it("runs submit, cell comment, return, a new revision, resubmit and accept", async () => {
		const { trainee, trainer, cohortId, workspaceId } = await traineeWithWorkspace();
		expect(status(await submit(workspaceId, trainee.cookie))).toBe(302);

		const list = (await queue.loader(args(getRequest("/sandbox/reviews", trainer.cookie)))) as Awaited<
			ReturnType<typeof queue.loader>
		>;
		const first = list.waiting.find((row) => row.trainee === "Test User" && row.revision === 1);
		expect(first).toBeDefined();
		expect(await waitingOnDashboard(cohortId, trainer.cookie)).toBe(1);

		const cell = cellKey(clean()[0]!);
		const opened = (await openReview(first!.id, trainer.cookie, `?cell=${encodeURIComponent(cell)}`)) as Awaited<
			ReturnType<typeof review.loader>
		>;
		expect(opened.canReview).toBe(true);
		expect(opened.cell).toBe(cell);
		expect(opened.table?.rows.some((row) => row.key === cell)).toBe(true);

		expect(
			status(
				await postReview(first!.id, trainer.cookie, { intent: "comment", cellKey: cell, body: "Check this total." }),
			),
		).toBe(302);
		expect(
			status(await postReview(first!.id, trainer.cookie, { intent: "comment", cellKey: "IND9.XX", body: "?" })),
		).toBe(400);
		// Returning needs a comment.
		expect(status(await postReview(first!.id, trainer.cookie, { intent: "return", comment: "" }))).toBe(400);
		expect(status(await postReview(first!.id, trainer.cookie, { intent: "return", comment: "See my comment." }))).toBe(
			302,
		);
		expect(status(await postReview(first!.id, trainer.cookie, { intent: "accept" }))).toBe(409);
		expect(await waitingOnDashboard(cohortId, trainer.cookie)).toBe(0);

		const seen = (await submissions.loader(
			args(getRequest(`/sandbox/${workspaceId}/submissions`, trainee.cookie), { workspaceId }),
		)) as Awaited<ReturnType<typeof submissions.loader>>;
		expect(seen.workspace.status).toBe("returned");
		expect(seen.comments).toEqual([expect.objectContaining({ cellKey: cell, body: "Check this total.", revision: 1 })]);
		expect(seen.submissions[0]?.review).toMatchObject({ outcome: "returned", comment: "See my comment." });

		// The answer: a new revision, submitted again.
		await saveRevision({ id: workspaceId, refArea: "XA" }, trainee.id, {
			source: "upload",
			fileName: "t2.csv",
			fileBytes: 1,
			readIssues: [],
			incoming: clean(),
		});
		expect(status(await submit(workspaceId, trainee.cookie))).toBe(302);
		const second = await prisma.sandboxSubmission.findFirstOrThrow({
			where: { workspaceId, number: 2 },
			include: { revision: true },
		});
		expect(second.revision.number).toBe(2);
		expect(await waitingOnDashboard(cohortId, trainer.cookie)).toBe(1);
		// A trainee removed from the cohort no longer waits on its trainers.
		await prisma.cohortMember.updateMany({ where: { cohortId, userId: trainee.id }, data: { removedAt: new Date() } });
		expect(await waitingOnDashboard(cohortId, trainer.cookie)).toBe(0);
		await prisma.cohortMember.updateMany({ where: { cohortId, userId: trainee.id }, data: { removedAt: null } });
		expect(status(await postReview(second.id, trainer.cookie, { intent: "accept", comment: "" }))).toBe(302);
		const done = (await submissions.loader(
			args(getRequest(`/sandbox/${workspaceId}/submissions`, trainee.cookie), { workspaceId }),
		)) as Awaited<ReturnType<typeof submissions.loader>>;
		expect(done.workspace.status).toBe("accepted");
	});

	it("is refused to a trainer who does not train the trainee, and to a trainee", async () => {
		const { trainee, workspaceId } = await traineeWithWorkspace();
		expect(status(await submit(workspaceId, trainee.cookie))).toBe(302);
		const submission = await prisma.sandboxSubmission.findFirstOrThrow({ where: { workspaceId } });
		const stranger = await signedIn(["trainer"]);
		expect(status(await openReview(submission.id, stranger.cookie))).toBe(403);
		expect(status(await postReview(submission.id, stranger.cookie, { intent: "accept" }))).toBe(403);
		expect(status(await openReview(submission.id, trainee.cookie))).toBe(403);
		expect(status(await settle(() => queue.loader(args(getRequest("/sandbox/reviews", trainee.cookie)))))).toBe(403);
		expect(status(await openReview("no-such-submission", stranger.cookie))).toBe(404);
		const theirs = (await queue.loader(args(getRequest("/sandbox/reviews", stranger.cookie)))) as Awaited<
			ReturnType<typeof queue.loader>
		>;
		expect(theirs.waiting.map((row) => row.id)).not.toContain(submission.id);
		expect(await prisma.sandboxReview.count({ where: { submissionId: submission.id } })).toBe(0);
	});

	it("shows confidential cells to the trainers, marked, and withholds them from the country's coordinator", async () => {
		const confidential = new Set(cycleOf(clean()).map(({ cell }) => cellKey(cell)));
		const content = clean().map((o) =>
			confidential.has(cellKey(o)) ? { ...o, attributes: { ...o.attributes, CONF_STATUS: "C" } } : o,
		);
		const { trainee, trainer, workspaceId } = await traineeWithWorkspace(content);
		expect(status(await submit(workspaceId, trainee.cookie))).toBe(302);
		const submission = await prisma.sandboxSubmission.findFirstOrThrow({ where: { workspaceId } });
		const [confidentialKey = ""] = confidential;
		const original = content.find((o) => cellKey(o) === confidentialKey)!;
		const asTrainer = (await openReview(submission.id, trainer.cookie)) as Awaited<ReturnType<typeof review.loader>>;
		const trainerRow = asTrainer.table?.rows.find((row) => row.key === confidentialKey);
		expect(trainerRow).toMatchObject({ confidential: true, value: original.value });
		const coordinator = await signedIn(["coordinator"], "KG");
		const asCoordinator = (await openReview(submission.id, coordinator.cookie)) as Awaited<
			ReturnType<typeof review.loader>
		>;
		expect(asCoordinator.canReview).toBe(false);
		const coordinatorRow = asCoordinator.table?.rows.find((row) => row.key === confidentialKey);
		expect(coordinatorRow).toMatchObject({ confidential: true, value: "" });
		expect(status(await postReview(submission.id, coordinator.cookie, { intent: "accept" }))).toBe(403);
		const foreign = await signedIn(["coordinator"], "UA");
		expect(status(await openReview(submission.id, foreign.cookie))).toBe(403);
	});
});

describe("exercises", () => {
	it("opens a compile exercise with the trainee's own seed, its files, and scores the table cell by cell", async () => {
		const trainee = await signedIn(["trainee"]);
		const exerciseId = "compile-ind3";
		const before = (await exercisePage.loader(
			args(getRequest(`/sandbox/exercises/${exerciseId}`, trainee.cookie), { exerciseId }),
		)) as Awaited<ReturnType<typeof exercisePage.loader>>;
		expect(before.workspace).toBeNull();
		const started = await settle(() =>
			exercisePage.action(
				args(formRequest(`/sandbox/exercises/${exerciseId}`, { intent: "start" }, trainee.cookie), { exerciseId }),
			),
		);
		expect(status(started)).toBe(302);
		// Starting twice opens the same workspace.
		await exercisePage.action(
			args(formRequest(`/sandbox/exercises/${exerciseId}`, { intent: "start" }, trainee.cookie), { exerciseId }),
		);
		const workspaces = await prisma.sandboxWorkspace.findMany({ where: { ownerId: trainee.id, exerciseId } });
		expect(workspaces).toHaveLength(1);
		const workspace = workspaces[0]!;
		expect(workspace.seed).toBe(seedFor(trainee.id, exerciseId));
		const generated = compileExercise(workspace.seed!);

		const file = (await exerciseFile.loader(
			args(getRequest(`/sandbox/exercises/${exerciseId}/border-crossings.csv`, trainee.cookie), {
				exerciseId,
				file: "border-crossings.csv",
			}),
		)) as Response;
		const text = await file.text();
		expect(text.split("\r\n").length - 2).toBe(generated.sources.borderCrossings.length);
		const other = await signedIn(["trainee"]);
		const theirs = await settle(() =>
			exerciseFile.loader(
				args(getRequest(`/sandbox/exercises/${exerciseId}/border-crossings.csv`, other.cookie), {
					exerciseId,
					file: "border-crossings.csv",
				}),
			),
		);
		expect(status(theirs)).toBe(404);

		// The trainee's table: one person counted in the wrong cells, every total right, so it validates.
		const answer = generated.answer.filter((o) => o.indicator === "IND3");
		const { table, changed } = compensatedErrors(answer);
		const saved = await saveRevision(workspace, trainee.id, {
			source: "upload",
			fileName: "ind3.csv",
			fileBytes: 1,
			readIssues: [],
			incoming: table,
		});
		expect(saved.errorCount).toBe(0);
		expect(status(await submit(workspace.id, trainee.cookie))).toBe(302);
		const stored = await prisma.sandboxSubmission.findFirstOrThrow({ where: { workspaceId: workspace.id } });
		expect(stored).toMatchObject({ score: answer.length - 8, maxScore: answer.length });
		const hub = (await exercisePage.loader(
			args(getRequest(`/sandbox/exercises/${exerciseId}`, trainee.cookie), { exerciseId }),
		)) as Awaited<ReturnType<typeof exercisePage.loader>>;
		expect(hub.workspace?.score?.cellsWrong.map((cell) => cell.key).sort()).toEqual([...changed].sort());
		expect(hub.workspace?.score?.cellsWrong.every((cell) => cell.why === "wrong")).toBe(true);
	});

	it("scores a compile table with wrong, missing and extra cells, and says why", () => {
		const exercise = exerciseById("compile-ind3")!;
		const answer = compileExercise(5).answer.filter((o) => o.indicator === "IND3");
		const [first, second, ...rest] = answer;
		const score = scoreExercise(exercise, 5, [
			{ ...first!, value: String(Number(first!.value) + 2) },
			...rest,
			{ ...first!, dimensions: { ...first!.dimensions, CITIZEN: "FR" } },
		])!;
		expect(score).toMatchObject({ kind: "compile", score: answer.length - 2, maxScore: answer.length });
		expect(score.cellsWrong.map((cell) => cell.why).sort()).toEqual(["extra", "missing", "wrong"]);
		expect(score.cellsWrong.find((cell) => cell.why === "wrong")).toMatchObject({
			expected: String(Number(first!.value)),
			submitted: String(Number(first!.value) + 2),
		});
		expect(second).toBeDefined();
	});

	it("opens find and fix with the planted submission, and scores errors fixed and correct cells left alone", async () => {
		const trainee = await signedIn(["trainee"]);
		const exerciseId = "find-and-fix";
		await exercisePage.action(
			args(formRequest(`/sandbox/exercises/${exerciseId}`, { intent: "start" }, trainee.cookie), { exerciseId }),
		);
		const workspace = await prisma.sandboxWorkspace.findFirstOrThrow({ where: { ownerId: trainee.id, exerciseId } });
		const generated = findAndFixExercise(workspace.seed!, 5);
		const first = await prisma.sandboxRevision.findFirstOrThrow({ where: { workspaceId: workspace.id } });
		expect(first).toMatchObject({ number: 1, source: "exercise", observationCount: generated.submission.length });
		expect(first.errorCount).toBeGreaterThan(0);
		expect(status(await submit(workspace.id, trainee.cookie))).toBe(400);

		const exercise = exerciseById(exerciseId)!;
		expect(scoreExercise(exercise, workspace.seed!, generated.answer)).toMatchObject({
			score: 5,
			maxScore: 5,
			fixed: 5,
			clean: true,
		});
		const untouched = scoreExercise(exercise, workspace.seed!, generated.submission)!;
		expect(untouched).toMatchObject({ score: 0, fixed: 0 });
		expect(untouched.leftAlone).toBe(untouched.correctCells);

		await saveRevision(workspace, trainee.id, {
			source: "upload",
			fileName: "fixed.csv",
			fileBytes: 1,
			readIssues: [],
			incoming: generated.answer,
		});
		const fixed = await prisma.sandboxRevision.findFirstOrThrow({ where: { workspaceId: workspace.id, number: 2 } });
		expect(fixed.errorCount).toBe(0);
		expect(status(await submit(workspace.id, trainee.cookie))).toBe(302);
		const stored = await prisma.sandboxSubmission.findFirstOrThrow({ where: { workspaceId: workspace.id } });
		expect(stored).toMatchObject({ score: 5, maxScore: 5, cohortId: null });
	});
});
