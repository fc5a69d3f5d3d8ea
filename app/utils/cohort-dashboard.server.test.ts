import { afterEach, describe, expect, it, vi } from "vitest";
import { addMember, makeCohort } from "../../tests/utils/cohorts";
import { makeUser } from "../../tests/utils/users";
import { forgetDashboardFacts, loadDashboard, loadDashboardFacts } from "./cohort-dashboard.server";
import { cohortModules, findCohort } from "./cohorts.server";
import { databaseProvider, prisma } from "./db.server";

const query = { sort: "name", filter: { overdue: false, notStarted: false, agencyId: null } } as const;
const MODULE = "basic-concepts-and-categories";

afterEach(() => {
	vi.useRealTimers();
	delete process.env.WEB_CONCURRENCY;
	forgetDashboardFacts();
});

/** A cohort with one trainee, and the sections the trainee has read as its dashboard shows them. */
async function cohortWithTrainee() {
	const { cohortId } = await makeCohort({ modules: [MODULE] });
	const trainee = await makeUser();
	await addMember(cohortId, trainee.id);
	const cohort = await findCohort(cohortId);
	const sections = (await cohortModules(cohort))[0]!.module.sections;
	const shown = async () => (await loadDashboard(cohort, "en", query)).rows[0]!.cells[0]!.sectionsRead;
	/** A read written as another process (or a script) writes it: this process hears nothing of it. */
	const readElsewhere = (i: number) =>
		prisma.sectionRead.create({ data: { userId: trainee.id, moduleSlug: MODULE, sectionId: sections[i]!.id } });
	return { shown, readElsewhere };
}

describe("the cohort dashboard's facts and other processes", () => {
	it("one process keeps them for a while: a write it did not make shows later", async () => {
		const { shown, readElsewhere } = await cohortWithTrainee();
		expect(await shown()).toBe(0);
		await readElsewhere(0);
		expect(await shown()).toBe(0);
		forgetDashboardFacts();
		expect(await shown()).toBe(1);
	});

	it("facts past their time are shown while new ones are read, then the new ones; much older ones are read at once", async () => {
		const { shown, readElsewhere } = await cohortWithTrainee();
		vi.useFakeTimers({ toFake: ["Date"] });
		expect(await shown()).toBe(0);
		await readElsewhere(0);
		vi.setSystemTime(Date.now() + 31_000);
		// No trainer waits for the aggregates: the page shows the facts it has, and new ones are read.
		expect(await shown()).toBe(0);
		await vi.waitFor(async () => expect(await shown()).toBe(1));
		await readElsewhere(1);
		vi.setSystemTime(Date.now() + 301_000);
		expect(await shown()).toBe(2);
	});

	it("one of several processes (WEB_CONCURRENCY > 1) keeps nothing: another process's write shows at once", async () => {
		process.env.WEB_CONCURRENCY = "2";
		const { shown, readElsewhere } = await cohortWithTrainee();
		expect(await shown()).toBe(0);
		await readElsewhere(0);
		expect(await shown()).toBe(1);
		await readElsewhere(1);
		expect(await shown()).toBe(2);
	});
});

describe(`dates and JSON as text, on ${databaseProvider}`, () => {
	it("the dashboard's own SQL gives the instant a section was read and an attempt submitted, to the millisecond", async () => {
		const { cohortId } = await makeCohort({ modules: [MODULE] });
		const trainee = await makeUser();
		await addMember(cohortId, trainee.id);
		const cohort = await findCohort(cohortId);
		const modules = await cohortModules(cohort);
		const readAt = new Date("2026-03-04T05:06:07.089Z");
		const submittedAt = new Date("2026-03-05T23:59:59.999Z");
		await prisma.sectionRead.create({
			data: { userId: trainee.id, moduleSlug: MODULE, sectionId: modules[0]!.module.sections[0]!.id, readAt },
		});
		await prisma.quizAttempt.create({
			data: {
				userId: trainee.id,
				moduleSlug: MODULE,
				number: 1,
				plan: "{}",
				submittedAt,
				percent: 62.5,
				passed: false,
			},
		});
		const facts = await loadDashboardFacts(cohort, modules, new Date("2026-03-06T12:00:00Z"));
		const row = facts.rows[0]!;
		expect(row.lastActivity?.toISOString()).toBe(submittedAt.toISOString());
		expect(row.cells[0]).toMatchObject({ sectionsRead: 1, attempts: 1, bestPercent: 62.5 });
	});

	it("JSON kept as text reads back exactly as written: Cyrillic, quotes, backslashes, emoji", async () => {
		const user = await makeUser();
		const responses = JSON.stringify({ q1: "«МОД» — ё", q2: 'a "quoted" \\ path', q3: "😀", q4: ["x", 1.5, null] });
		const { id } = await prisma.quizAttempt.create({
			data: { userId: user.id, moduleSlug: MODULE, number: 1, plan: "{}", responses },
			select: { id: true },
		});
		const back = await prisma.quizAttempt.findUniqueOrThrow({ where: { id }, select: { responses: true } });
		expect(back.responses).toBe(responses);
		expect(JSON.parse(back.responses)).toEqual(JSON.parse(responses));
	});
});
