import { describe, expect, it } from "vitest";

// Every SQL statement counts against the request that runs it, through Prisma's client or past it
// (request-context.server.ts), as the bench's X-Bench-Queries header reads it.
const { runInRequest } = await import("~/utils/request-context.server");
const { prisma } = await import("~/utils/db.server");
const { listModules, getQuestionBank } = await import("~/utils/content.server");
const { seededRandom } = await import("~/domain/quiz/random");
const { gradedAttempt } = await import("../../../prisma/demo-attempts");
const { makeCohort } = await import("../../../tests/utils/cohorts");
const { makeUser, sessionFor } = await import("../../../tests/utils/users");
const { args, getRequest } = await import("../../../tests/utils/requests");
const dashboard = await import("./$cohortId");
const { forgetDashboardFacts } = await import("~/utils/cohort-dashboard.server");

/** A cohort of `members` trainees on `moduleCount` modules, each having read every section and made `attempts` attempts per quiz. */
async function cohortOfSize(members: number, moduleCount: number, attempts: number) {
	const modules = (await listModules()).slice(0, moduleCount);
	const { cohortId, trainerId } = await makeCohort({ modules: modules.map((m) => m.slug) });
	const random = seededRandom(members);
	for (let i = 0; i < members; i++) {
		const { id: userId } = await makeUser(["trainee"]);
		await prisma.cohortMember.create({ data: { cohortId, userId } });
		await prisma.sectionRead.createMany({
			data: modules.flatMap((m) => m.sections.map((s) => ({ userId, moduleSlug: m.slug, sectionId: s.id }))),
		});
		await prisma.quizAttempt.createMany({
			data: modules.flatMap((m) =>
				Array.from({ length: attempts }, (_, n) => {
					const { includesEssay: _essay, ...columns } = gradedAttempt(getQuestionBank(m), m.meta.quiz, 0.7, random);
					return { userId, moduleSlug: m.slug, number: n + 1, ...columns, submittedAt: new Date() };
				}),
			),
		});
	}
	await prisma.cohortExtension.create({
		data: { cohortId, userId: trainerId, moduleSlug: modules[0]!.slug, dueOn: new Date("2026-12-01") },
	});
	return { cohortId, cookie: (await sessionFor(trainerId)).cookie };
}

async function queriesOfDashboard(cohortId: string, cookie: string) {
	const load = () => dashboard.loader(args(getRequest(`/cohorts/${cohortId}?sort=progress`, cookie), { cohortId }));
	await load(); // content read and cached once per process
	forgetDashboardFacts(); // counted as the first request after a change, when the aggregates run
	const context = { clientAddress: "192.0.2.1", queries: 0 };
	const page = await runInRequest(context, load);
	return { queries: context.queries, page };
}

describe("queries per dashboard request", () => {
	it("stay the same as the cohort grows: no query per trainee, module or attempt", async () => {
		const small = await cohortOfSize(2, 2, 1);
		const large = await cohortOfSize(30, 16, 3);
		const a = await queriesOfDashboard(small.cohortId, small.cookie);
		const b = await queriesOfDashboard(large.cohortId, large.cookie);
		expect(a.page.shown).toBe(2);
		expect(b.page.shown).toBe(30);
		// A row: the trainee's modules done, a cell per module, the last activity and the certificate.
		const firstRow = b.page.matrix.html!.split("<tbody>")[1]!.split("</tr>")[0]!;
		expect(firstRow.match(/<td/g)).toHaveLength(1 + 16 + 2);
		expect(b.queries).toBe(a.queries);
		// The README states this figure (Benchmark, Cohorts).
		// 12: the session check is one statement (docs/decisions/0094), the cohort three and its last
		// messages one (0097), and the sandbox panel counts the submissions waiting for review (one).
		expect(a.queries).toBe(12);
		// Asked again with nothing changed, the page reuses the aggregates.
		const again = { clientAddress: "192.0.2.1", queries: 0 };
		await runInRequest(again, () =>
			dashboard.loader(
				args(getRequest(`/cohorts/${large.cohortId}?overdue=1`, large.cookie), { cohortId: large.cohortId }),
			),
		);
		expect(again.queries).toBe(a.queries - 6);
	}, 120_000);
});
