import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { makeUser } from "../../tests/utils/users";
import { unavailable } from "./database-client.server";
import { databaseProvider, prisma, readRows } from "./db.server";
import { runInRequest } from "./request-context.server";

/** Reads past Prisma's client (docs/decisions/0097), on either database. */

async function attemptOf(userId: string, passed: boolean | null, submittedAt: Date | null) {
	const number = (await prisma.quizAttempt.count({ where: { userId } })) + 1;
	return prisma.quizAttempt.create({
		data: { userId, moduleSlug: "limits", number, plan: '{"slots":[]}', percent: 72.5, passed, submittedAt },
	});
}

describe("a direct read", () => {
	it("gives the rows $queryRaw gives, an integer as a number", async () => {
		const user = await makeUser();
		const submittedAt = new Date("2026-11-30T08:15:30.250Z");
		await attemptOf(user.id, true, submittedAt);
		await attemptOf(user.id, false, null);
		const query = Prisma.sql`
			SELECT "number", "percent", "passed", "submittedAt", "needsGrading", "openKey",
				(SELECT COUNT(*) FROM "QuizAttempt" WHERE "userId" = ${user.id}) AS "attempts"
			FROM "QuizAttempt" WHERE "userId" = ${user.id} ORDER BY "number"`;
		const direct = await readRows<Record<string, unknown>>(query);
		const client = await prisma.$queryRaw<Array<Record<string, unknown>>>(query);

		expect(direct).toEqual([
			{
				number: 1,
				percent: 72.5,
				passed: true,
				submittedAt,
				needsGrading: false,
				openKey: null,
				attempts: 2,
			},
			{ number: 2, percent: 72.5, passed: false, submittedAt: null, needsGrading: false, openKey: null, attempts: 2 },
		]);
		const numbers = (row: Record<string, unknown>) =>
			Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));
		expect(direct).toEqual(client.map(numbers));
	});

	it("binds dates and booleans as Prisma binds them, so that they compare with what Prisma wrote", async () => {
		const user = await makeUser();
		const at = new Date("2026-11-30T08:15:30.250Z");
		await attemptOf(user.id, true, at);
		await attemptOf(user.id, true, new Date(at.getTime() + 1));
		await attemptOf(user.id, false, new Date(at.getTime() + 2));
		const [row] = await readRows<{ n: number }>(Prisma.sql`
			SELECT COUNT(*) AS "n" FROM "QuizAttempt"
			WHERE "userId" = ${user.id} AND "submittedAt" > ${at} AND "passed" = ${true}`);
		const byPrisma = await prisma.quizAttempt.count({
			where: { userId: user.id, submittedAt: { gt: at }, passed: true },
		});
		expect(byPrisma).toBe(1);
		expect(row!.n).toBe(byPrisma);
	});

	it("counts against the request that runs it", async () => {
		const context = { clientAddress: "192.0.2.1", queries: 0 };
		await runInRequest(context, async () => {
			await readRows(Prisma.sql`SELECT 1 AS "one"`);
			await readRows(Prisma.sql`SELECT 2 AS "two"`);
		});
		expect(context.queries).toBe(2);
	});

	// One connection serves every request on SQLite: a read must not run inside another's transaction.
	it.runIf(databaseProvider === "sqlite")(
		"waits for a transaction under way on SQLite, and reads what it committed",
		async () => {
			const user = await makeUser();
			const count = Prisma.sql`SELECT COUNT(*) AS "n" FROM "QuizAttempt" WHERE "userId" = ${user.id}`;
			let read: Promise<Array<{ n: number }>> | undefined;
			let readEarly = false;
			await prisma.$transaction(async (tx) => {
				await tx.quizAttempt.create({ data: { userId: user.id, moduleSlug: "limits", number: 1, plan: "{}" } });
				read = readRows<{ n: number }>(count);
				void read.then(() => (readEarly = true));
				await new Promise((resolve) => setTimeout(resolve, 50));
				expect(readEarly).toBe(false);
			});
			expect(await read).toEqual([{ n: 1 }]);
		},
	);

	it("answers 503 when the database fails it, as Prisma's queries do", () => {
		vi.spyOn(console, "error").mockImplementation(() => {});
		const failure = new Database.SqliteError("disk I/O error", "SQLITE_IOERR_READ");
		expect(unavailable(failure, "raw read")?.status).toBe(503);
		expect(unavailable(new Database.SqliteError("no such table: Nothing", "SQLITE_ERROR"), "raw read")).toBeNull();
		vi.restoreAllMocks();
	});
});
