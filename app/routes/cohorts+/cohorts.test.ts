import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/dsm/csv";
import { prisma } from "~/utils/db.server";
import { traineesOf, trainsTrainee } from "~/utils/cohorts.server";
import { addMember, makeCohort, submitGenerated } from "../../../tests/utils/cohorts";
import { args, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
import { makeUser, sessionFor } from "../../../tests/utils/users";
import * as signup from "../_auth+/signup";
import * as join from "../_join+/join";
import * as joinWithCode from "../_join+/join_.$code";
import * as attemptPage from "../_quiz+/modules_.$slug_.quiz_.$attemptId";
import * as dashboard from "./$cohortId";
import * as exportFile from "./$cohortId_.export.$file";
import * as marking from "./$cohortId_.marking";
import * as members from "./$cohortId_.members";
import * as settings from "./$cohortId_.settings";
import * as create from "./new";

async function signedIn(roles: string[], countryCode?: string) {
	const user = await makeUser(roles, { countryCode });
	return { ...user, cookie: (await sessionFor(user.id)).cookie };
}

const status = (result: unknown) => (result instanceof Response ? result.status : unwrap(result).status);

describe("who may open a cohort", () => {
	it("gives its trainers and admins the dashboard, coordinators of its country a read-only one, and others a 403", async () => {
		const { cohortId, trainerId } = await makeCohort({ countryCode: "KG" });
		const trainer = { cookie: (await sessionFor(trainerId)).cookie };
		const other = await signedIn(["trainer"]);
		const trainee = await signedIn(["trainee"]);
		const coordinator = await signedIn(["coordinator"], "KG");
		const foreignCoordinator = await signedIn(["coordinator"], "UA");
		const admin = await signedIn(["admin"]);
		const open = (cookie: string, path = "") =>
			settle(() => dashboard.loader(args(getRequest(`/cohorts/${cohortId}${path}`, cookie), { cohortId })));

		const own = (await open(trainer.cookie)) as Awaited<ReturnType<typeof dashboard.loader>>;
		expect(own.cohort.canManage).toBe(true);
		expect(status(await open(other.cookie))).toBe(403);
		expect(status(await open(trainee.cookie))).toBe(403);
		expect(status(await open(foreignCoordinator.cookie))).toBe(403);
		const read = (await open(coordinator.cookie)) as Awaited<ReturnType<typeof dashboard.loader>>;
		expect(read.cohort.canManage).toBe(false);
		expect(((await open(admin.cookie)) as typeof own).cohort.canManage).toBe(true);

		// Reading is not running: the coordinator's message, and any other trainer's settings, are refused.
		const post = await settle(() =>
			dashboard.action(
				args(formRequest(`/cohorts/${cohortId}`, { intent: "message", body: "Hello" }, coordinator.cookie), {
					cohortId,
				}),
			),
		);
		expect(status(post)).toBe(403);
		const foreignSettings = await settle(() =>
			settings.loader(args(getRequest(`/cohorts/${cohortId}/settings`, other.cookie), { cohortId })),
		);
		expect(status(foreignSettings)).toBe(403);
		const coordinatorMarking = await settle(() =>
			marking.loader(args(getRequest(`/cohorts/${cohortId}/marking`, coordinator.cookie), { cohortId })),
		);
		expect(status(coordinatorMarking)).toBe(403);
		const missing = await settle(() =>
			dashboard.loader(args(getRequest("/cohorts/nope", trainer.cookie), { cohortId: "nope" })),
		);
		expect(status(missing)).toBe(404);
	});

	it("shows the trainees of a cohort whose modules have all left the content", async () => {
		const { cohortId, trainerId } = await makeCohort();
		await addMember(cohortId, (await makeUser(["trainee"])).id);
		await prisma.cohortModule.updateMany({ where: { cohortId }, data: { moduleSlug: "a-module-since-removed" } });
		const { cookie } = await sessionFor(trainerId);
		const page = await dashboard.loader(args(getRequest(`/cohorts/${cohortId}`, cookie), { cohortId }));
		expect(page.shown).toBe(1);
		expect(page.matrix.html).toContain("<tbody><tr>");
	});

	it("tells which trainees a trainer trains, in cohorts that are not archived", async () => {
		const { cohortId, trainerId } = await makeCohort();
		const trainee = await makeUser(["trainee"]);
		const stranger = await makeUser(["trainee"]);
		await addMember(cohortId, trainee.id);
		expect(await traineesOf(trainerId)).toEqual([{ userId: trainee.id, cohortIds: [cohortId] }]);
		expect(await trainsTrainee(trainerId, trainee.id)).toBe(true);
		expect(await trainsTrainee(trainerId, stranger.id)).toBe(false);
		await prisma.cohort.update({ where: { id: cohortId }, data: { archivedAt: new Date() } });
		expect(await trainsTrainee(trainerId, trainee.id)).toBe(false);
	});
});

describe("creating and planning a cohort", () => {
	it("refuses bad input beside the fields, keeping what was typed, and creates a valid one", async () => {
		const trainer = await signedIn(["trainer"], "KG");
		const bad = unwrap(
			await create.action(
				args(
					formRequest(
						"/cohorts/new",
						{ name: "Spring group", countryCode: "KG", startsOn: "2026-09-01", endsOn: "2026-08-01", plan: "modules" },
						trainer.cookie,
					),
				),
			),
		);
		expect(bad.status).toBe(400);
		expect(bad.data.errors.endsOn).toEqual(["cohorts.errors.endBeforeStart"]);
		expect(bad.data.errors.modules).toEqual(["cohorts.errors.chooseModules"]);
		expect(bad.data.values.name).toBe("Spring group");

		const created = (await settle(() =>
			create.action(
				args(
					formRequest(
						"/cohorts/new",
						{
							name: "Spring group",
							countryCode: "KG",
							startsOn: "2026-09-01",
							plan: "track",
							trackSlug: "data-officers",
						},
						trainer.cookie,
					),
				),
			),
		)) as Response;
		expect(created.status).toBe(302);
		const cohortId = created.headers.get("Location")!.split("/")[2]!;
		const cohort = await prisma.cohort.findUniqueOrThrow({
			where: { id: cohortId },
			select: { trackSlug: true, trainers: { select: { userId: true } }, modules: { orderBy: { position: "asc" } } },
		});
		expect(cohort.trackSlug).toBe("data-officers");
		expect(cohort.trainers.map((t) => t.userId)).toEqual([trainer.id]);
		expect(cohort.modules[1]!.moduleSlug).toBe("basic-concepts-and-categories");
	});

	it("sets due dates as dates or days after the start, refuses both at once, and copies the plan", async () => {
		const { cohortId, trainerId } = await makeCohort({
			modules: ["basic-concepts-and-categories", "data-sharing-mechanism"],
		});
		const { cookie } = await sessionFor(trainerId);
		const save = (fields: Record<string, string>) =>
			settle(() =>
				settings.action(
					args(formRequest(`/cohorts/${cohortId}/settings`, { intent: "due-dates", ...fields }, cookie), { cohortId }),
				),
			);
		const refused = unwrap(
			await save({
				"dueOn.basic-concepts-and-categories": "2026-09-20",
				"dueDays.basic-concepts-and-categories": "14",
			}),
		);
		expect(refused.status).toBe(400);
		expect(refused.data.errors["dueOn.basic-concepts-and-categories"]).toEqual(["cohorts.errors.dueBoth"]);
		expect(refused.data.values["dueDays.basic-concepts-and-categories"]).toBe("14");

		expect(
			status(
				await save({ "dueDays.basic-concepts-and-categories": "14", "dueOn.data-sharing-mechanism": "2026-10-15" }),
			),
		).toBe(302);
		const page = await settings.loader(args(getRequest(`/cohorts/${cohortId}/settings`, cookie), { cohortId }));
		expect(page.plan.map((p) => p.due)).toEqual(["2026-09-15", "2026-10-15"]);

		const copied = (await settle(() =>
			settings.action(
				args(
					formRequest(
						`/cohorts/${cohortId}/settings`,
						{ intent: "copy", name: "Next year", startsOn: "2027-09-01" },
						cookie,
					),
					{ cohortId },
				),
			),
		)) as Response;
		const copyId = copied.headers.get("Location")!.split("/")[2]!;
		const copy = await settings.loader(args(getRequest(`/cohorts/${copyId}/settings`, cookie), { cohortId: copyId }));
		// Days after the start stay; a fixed date moves with the start.
		expect(copy.plan.map((p) => p.due)).toEqual(["2027-09-15", "2027-10-15"]);
		expect(copy.values.name).toBe("Next year");
	});
});

describe("admitting trainees", () => {
	it("joins with a code once, and says why a wrong, expired or archived code does not", async () => {
		const { cohortId } = await makeCohort({ trackSlug: "data-officers", modules: ["overall-data-management"] });
		const { joinCode } = await prisma.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { joinCode: true } });
		const trainee = await signedIn(["trainee"]);
		const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)}`;
		const tryCode = (code: string) => settle(() => join.action(args(formRequest("/join", { code }, trainee.cookie))));

		const joined = (await tryCode(typed)) as Response;
		expect(joined.status).toBe(302);
		expect(await prisma.cohortMember.count({ where: { cohortId, userId: trainee.id } })).toBe(1);
		expect(await prisma.trackEnrolment.count({ where: { userId: trainee.id, trackSlug: "data-officers" } })).toBe(1);

		const twice = unwrap(await tryCode(joinCode));
		expect(twice.status).toBe(400);
		expect(twice.data.errors.code).toEqual(["join.errors.already-member"]);
		expect(unwrap(await tryCode("ZZZZ-ZZZZ")).data.errors.code).toEqual(["join.errors.unknown"]);
		expect(unwrap(await tryCode("not a code")).data.errors.code).toEqual(["join.errors.unknown"]);

		const other = await signedIn(["trainee"]);
		await prisma.cohort.update({ where: { id: cohortId }, data: { joinCodeExpiresAt: new Date(Date.now() - 1000) } });
		const expired = unwrap(await join.action(args(formRequest("/join", { code: joinCode }, other.cookie))));
		expect(expired.data.errors.code).toEqual(["join.errors.expired"]);
		await prisma.cohort.update({ where: { id: cohortId }, data: { joinCodeExpiresAt: null, archivedAt: new Date() } });
		const archived = unwrap(await join.action(args(formRequest("/join", { code: joinCode }, other.cookie))));
		expect(archived.data.errors.code).toEqual(["join.errors.archived"]);

		// /join/CODE asks before it enrols: a GET changes nothing.
		await prisma.cohort.update({ where: { id: cohortId }, data: { archivedAt: null } });
		const page = await joinWithCode.loader(args(getRequest(`/join/${joinCode}`, other.cookie), { code: joinCode }));
		expect(page.cohort?.name).toBe("Test cohort");
		expect(await prisma.cohortMember.count({ where: { cohortId, userId: other.id } })).toBe(0);
		expect(
			status(
				await settle(() =>
					joinWithCode.action(args(formRequest(`/join/${joinCode}`, {}, other.cookie), { code: joinCode })),
				),
			),
		).toBe(302);
		expect(await prisma.cohortMember.count({ where: { cohortId, userId: other.id } })).toBe(1);
	});

	it("adds pasted addresses: accounts at once, the others through a personal sign-up link", async () => {
		const { cohortId, trainerId } = await makeCohort();
		const { cookie } = await sessionFor(trainerId);
		const existing = await makeUser(["trainee"]);
		const newcomer = `new-${Date.now()}@example.test`;
		const add = (emails: string) =>
			settle(() =>
				members.action(
					args(formRequest(`/cohorts/${cohortId}/members`, { intent: "add-emails", emails }, cookie), { cohortId }),
				),
			);

		const refused = unwrap(await add(`${existing.email}\nnot-an-address`));
		expect(refused.status).toBe(400);
		expect(refused.data.errors.emails).toEqual(["cohorts.errors.notAddresses"]);
		expect(refused.data.values.emails).toContain("not-an-address");
		expect(await prisma.cohortMember.count({ where: { cohortId } })).toBe(0);

		expect(status(await add(`Someone <${existing.email.toUpperCase()}>; ${newcomer}`))).toBe(302);
		expect(await prisma.cohortMember.count({ where: { cohortId, userId: existing.id } })).toBe(1);
		const page = await members.loader(args(getRequest(`/cohorts/${cohortId}/members`, cookie), { cohortId }));
		expect(page.invitations.map((i) => i.email)).toEqual([newcomer]);
		const token = new URL(page.invitations[0]!.link).searchParams.get("invite")!;

		const form = await signup.loader(args(getRequest(`/signup?invite=${token}`)));
		expect(form.invite).toMatchObject({ email: newcomer, cohort: "Test cohort" });
		const signedUp = (await settle(() =>
			signup.action(
				args(
					formRequest("/signup", {
						name: "New Trainee",
						email: newcomer,
						password: "a quiet river at dawn",
						countryCode: "KG",
						language: "ru",
						invite: token,
					}),
				),
			),
		)) as Response;
		expect(signedUp.status).toBe(302);
		const user = await prisma.user.findUniqueOrThrow({ where: { email: newcomer }, select: { id: true } });
		expect(await prisma.cohortMember.count({ where: { cohortId, userId: user.id } })).toBe(1);
		// The link is used up.
		expect((await signup.loader(args(getRequest(`/signup?invite=${token}`)))).invite).toBeNull();
	});

	it("removes a member from the dashboard and keeps their work", async () => {
		const { cohortId, trainerId } = await makeCohort();
		const { cookie } = await sessionFor(trainerId);
		const trainee = await makeUser(["trainee"]);
		await addMember(cohortId, trainee.id);
		await submitGenerated(trainee.id, "basic-concepts-and-categories", 1);
		await settle(() =>
			members.action(
				args(formRequest(`/cohorts/${cohortId}/members`, { intent: "remove-member", userId: trainee.id }, cookie), {
					cohortId,
				}),
			),
		);
		const page = await dashboard.loader(args(getRequest(`/cohorts/${cohortId}`, cookie), { cohortId }));
		expect(page.total).toBe(0);
		expect(await prisma.quizAttempt.count({ where: { userId: trainee.id } })).toBe(1);
		expect(await prisma.cohortMember.count({ where: { cohortId, userId: trainee.id, removedAt: { not: null } } })).toBe(
			1,
		);
	});
});

describe("marking", () => {
	it("grades an essay with a comment: the attempt's score and status follow, the trainee reads the comment", async () => {
		const { cohortId, trainerId } = await makeCohort();
		const { cookie } = await sessionFor(trainerId);
		const trainee = await makeUser(["trainee"]);
		await addMember(cohortId, trainee.id);
		const attempt = await submitGenerated(trainee.id, "basic-concepts-and-categories", 3, 1, true);
		expect(attempt.needsGrading).toBe(true);

		const queue = await marking.loader(args(getRequest(`/cohorts/${cohortId}/marking`, cookie), { cohortId }));
		expect(queue.queue.map((q) => q.questionId)).toEqual(["m04-q17"]);

		const fields = (mark: string) => ({
			attemptId: attempt.id,
			questionId: "m04-q17",
			mark,
			comment: "Name the unit.",
		});
		const mark = (value: string) =>
			settle(() =>
				marking.action(args(formRequest(`/cohorts/${cohortId}/marking`, fields(value), cookie), { cohortId })),
			);
		const refused = unwrap(await mark("1,5"));
		expect(refused.status).toBe(400);
		expect(refused.data.errors.mark).toEqual(["cohorts.errors.mark"]);
		expect(refused.data.values.comment).toBe("Name the unit.");

		expect(status(await mark("0,5"))).toBe(302);
		const graded = await prisma.quizAttempt.findUniqueOrThrow({
			where: { id: attempt.id },
			select: { needsGrading: true, score: true, maxScore: true, percent: true, questionMarks: true },
		});
		expect(graded.needsGrading).toBe(false);
		// The true/false questions were all right (skill 1); the essay adds half a mark.
		expect(graded.score).toBe(graded.maxScore! - 0.5);
		expect(JSON.parse(graded.questionMarks!)["m04-q17"]).toBe(0.5);

		const { cookie: traineeCookie } = await sessionFor(trainee.id);
		const review = await attemptPage.loader(
			args(getRequest(`/modules/basic-concepts-and-categories/quiz/${attempt.id}`, traineeCookie), {
				slug: "basic-concepts-and-categories",
				attemptId: attempt.id,
			}),
		);
		if (review.state !== "submitted") throw new Error("not submitted");
		expect(review.comments["m04-q17"]).toMatchObject({ comment: "Name the unit." });
		expect(review.result.needsGrading).toBe(false);

		// Another trainer's cohort cannot mark this attempt.
		const { cohortId: otherCohort, trainerId: otherTrainer } = await makeCohort();
		const { cookie: otherCookie } = await sessionFor(otherTrainer);
		const foreign = await settle(() =>
			marking.action(
				args(formRequest(`/cohorts/${otherCohort}/marking`, fields("1"), otherCookie), { cohortId: otherCohort }),
			),
		);
		expect(status(foreign)).toBe(404);
	});
});

describe("exports", () => {
	it("gives the dashboard as CSV with a BOM and Cyrillic intact, and as XLSX", async () => {
		const { cohortId, trainerId } = await makeCohort();
		const { cookie } = await sessionFor(trainerId);
		const trainee = await makeUser(["trainee"]);
		await prisma.user.update({ where: { id: trainee.id }, data: { name: "=Айгерим Садыкова" } });
		await addMember(cohortId, trainee.id);
		await submitGenerated(trainee.id, "basic-concepts-and-categories", 5);
		const file = (name: string) =>
			exportFile.loader(args(getRequest(`/cohorts/${cohortId}/export/${name}`, cookie), { cohortId, file: name }));

		const csv = await file("dashboard.csv");
		expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(new TextDecoder().decode(bytes), ",").rows.map((r) => r.cells);
		expect(rows[0]).toEqual(["DSM Academy: cohort dashboard"]);
		expect(rows.find((r) => r[0] === "Cohort")).toEqual(["Cohort", "Test cohort"]);
		const header = rows.findIndex((r) => r[0] === "Trainee");
		expect(rows[header]).toContain("4. best score (%)");
		expect(rows[header + 1]![0]).toBe("'=Айгерим Садыкова");

		const xlsx = await file("items-basic-concepts-and-categories.xlsx");
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
		const sheet = workbook.worksheets[0]!;
		const labels: unknown[] = [];
		sheet.eachRow((row) => labels.push(row.getCell(1).value));
		expect(labels).toContain("Attempts");
		expect(labels).toContain("#");

		expect(status(await settle(() => file("secrets.csv")))).toBe(404);
	});
});
