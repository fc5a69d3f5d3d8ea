import { afterEach, describe, expect, it } from "vitest";
import { addMember, makeCohort } from "../../tests/utils/cohorts";
import { makeUser } from "../../tests/utils/users";
import { forgetDashboardFacts, loadDashboard } from "./cohort-dashboard.server";
import { cohortModules, findCohort } from "./cohorts.server";
import { prisma } from "./db.server";

const query = { sort: "name", filter: { overdue: false, notStarted: false, agencyId: null } } as const;
const MODULE = "basic-concepts-and-categories";

afterEach(() => {
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
