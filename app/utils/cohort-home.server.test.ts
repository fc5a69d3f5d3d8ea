import { describe, expect, it } from "vitest";
import { addMember, makeCohort } from "../../tests/utils/cohorts";
import { makeUser } from "../../tests/utils/users";
import { memberCohorts, trainerCohorts } from "./cohort-home.server";
import { databaseProvider, prisma } from "./db.server";

const FIRST = "basic-concepts-and-categories";
const SECOND = "data-collection-and-processing";
const noProgress = async () => new Map();

describe(`a member's cohort cards, read in raw SQL on ${databaseProvider}`, () => {
	it("give each cohort its trainers in order, its plan with the member's own extension, and the last three messages", async () => {
		const { cohortId, trainerId } = await makeCohort({ modules: [FIRST, SECOND] });
		const second = await makeUser(["trainer"]);
		await prisma.user.update({ where: { id: second.id }, data: { name: "Second Trainer" } });
		await prisma.cohortTrainer.create({ data: { cohortId, userId: second.id, addedAt: new Date(Date.now() + 1000) } });
		await prisma.cohortModule.updateMany({
			where: { cohortId, moduleSlug: FIRST },
			data: { dueOn: new Date("2026-09-20") },
		});
		await prisma.cohortModule.updateMany({
			where: { cohortId, moduleSlug: SECOND },
			data: { dueOn: null, dueDays: 40 },
		});
		const member = await makeUser();
		const other = await makeUser();
		await addMember(cohortId, member.id);
		await addMember(cohortId, other.id);
		await prisma.cohortExtension.create({
			data: { cohortId, userId: member.id, moduleSlug: FIRST, dueOn: new Date("2026-09-27") },
		});
		await prisma.cohortExtension.create({
			data: { cohortId, userId: other.id, moduleSlug: SECOND, dueOn: new Date("2027-01-01") },
		});
		for (const [i, authorId] of [trainerId, trainerId, second.id, null].entries()) {
			await prisma.cohortMessage.create({
				data: { cohortId, authorId, body: `message ${i}`, createdAt: new Date(Date.UTC(2026, 8, 1 + i, 12)) },
			});
		}

		const [card] = await memberCohorts(member.id, "en", noProgress, new Date("2026-09-25T12:00:00Z"));
		expect(card).toMatchObject({
			id: cohortId,
			name: "Test cohort",
			trainers: ["Test User", "Second Trainer"],
			total: 2,
		});
		// The member's extension moves the first module's date; the other member's does not count.
		expect(card!.next).toMatchObject({ slug: FIRST, due: "2026-09-27", overdue: false });
		expect(card!.overdue).toEqual([]);
		expect(card!.messages).toEqual([
			{ id: expect.any(String), body: "message 3", at: "2026-09-04", author: null },
			{ id: expect.any(String), body: "message 2", at: "2026-09-03", author: "Second Trainer" },
			{ id: expect.any(String), body: "message 1", at: "2026-09-02", author: "Test User" },
		]);

		const [late] = await memberCohorts(other.id, "en", noProgress, new Date("2026-09-25T12:00:00Z"));
		expect(late!.overdue.map((m) => m.slug)).toEqual([FIRST]);
		expect(late!.next).toMatchObject({ slug: SECOND, due: "2027-01-01" });
	});

	it("leave out archived cohorts and memberships that were ended, and list the newest joined first", async () => {
		const member = await makeUser();
		const older = await makeCohort();
		const newer = await makeCohort();
		const archived = await makeCohort();
		const left = await makeCohort();
		await prisma.cohortMember.create({
			data: { cohortId: older.cohortId, userId: member.id, joinedAt: new Date(1000) },
		});
		await prisma.cohortMember.create({
			data: { cohortId: newer.cohortId, userId: member.id, joinedAt: new Date(2000) },
		});
		await addMember(archived.cohortId, member.id);
		await prisma.cohort.update({ where: { id: archived.cohortId }, data: { archivedAt: new Date() } });
		await prisma.cohortMember.create({
			data: { cohortId: left.cohortId, userId: member.id, removedAt: new Date() },
		});

		const cards = await memberCohorts(member.id, "en", noProgress);
		expect(cards.map((c) => c.id)).toEqual([newer.cohortId, older.cohortId]);
		expect(await memberCohorts((await makeUser()).id, "en", noProgress)).toEqual([]);
		expect((await trainerCohorts(newer.trainerId)).map((c) => c.id)).toEqual([newer.cohortId]);
	});
});
