import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loader as healthz } from "~/routes/healthz";
import { makeUser } from "../../tests/utils/users";
import { databaseConnection, databaseProvider, prisma } from "./db.server";
import { markSectionRead } from "./progress.server";

const file = process.env.DATABASE_URL!.replace(/^file:/, "");

/** What the promise gave or threw, or "hung" if it took longer than `ms`: the bug was a write that never answered. */
function within<T>(promise: Promise<T>, ms = 3_000) {
	return Promise.race([
		promise.then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		),
		new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), ms)),
	]);
}

const onSqlite = databaseProvider === "sqlite";

afterEach(() => {
	databaseConnection()?.pragma("query_only = OFF");
	vi.restoreAllMocks();
});

// The faults are forced on SQLite's file and connection; PostgreSQL's have their own tests below.
describe.runIf(onSqlite)("after a write fails", () => {
	it("when SQLite rolls the transaction back by itself, the next writes still answer", async () => {
		const user = await makeUser();
		// SQLite ends the transaction itself after some I/O errors; RAISE(ROLLBACK) does the same on demand.
		const other = new Database(file);
		other.exec("CREATE TRIGGER fault BEFORE INSERT ON SectionRead BEGIN SELECT RAISE(ROLLBACK, 'disk fault'); END");
		const failed = await within(markSectionRead(user.id, "limits", "only-section"));
		other.exec("DROP TRIGGER fault");
		other.close();
		expect(failed).toHaveProperty("error");

		expect(await within(markSectionRead(user.id, "limits", "only-section"))).toEqual({ value: undefined });
		expect(await within(prisma.sectionRead.count({ where: { userId: user.id } }))).toEqual({ value: 1 });
	});

	it("when the COMMIT fails, the transaction is rolled back and nothing joins it later", async () => {
		const user = await makeUser();
		const failed = await within(
			prisma.$transaction(async (tx) => {
				// A deferred foreign key is checked at COMMIT: a write that fails there, as a full disk does.
				await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
				await tx.session.create({ data: { id: "orphan", userId: "nobody", expiresAt: new Date() } });
			}),
		);
		expect(failed).toHaveProperty("error");
		expect(databaseConnection()!.inTransaction).toBe(false);

		expect(await within(markSectionRead(user.id, "limits", "only-section"))).toEqual({ value: undefined });
		// Written by another connection, so only what was committed is seen.
		const other = new Database(file, { readonly: true });
		const count = (sql: string, value: string) => (other.prepare(sql).get(value) as { n: number }).n;
		expect(count("SELECT COUNT(*) AS n FROM Session WHERE id = ?", "orphan")).toBe(0);
		expect(count("SELECT COUNT(*) AS n FROM SectionRead WHERE userId = ?", user.id)).toBe(1);
		other.close();
	});

	it("a write the database refuses answers 503, the log says what failed, and the next write works", async () => {
		const user = await makeUser();
		const log = vi.spyOn(console, "error").mockImplementation(() => {});
		databaseConnection()!.pragma("query_only = ON");
		const refused = await within(markSectionRead(user.id, "limits", "only-section"));
		databaseConnection()!.pragma("query_only = OFF");

		expect(refused).toHaveProperty("error");
		const response = (refused as { error: Response }).error;
		expect(response).toBeInstanceOf(Response);
		expect(response.status).toBe(503);
		const logged = log.mock.calls.map((call) => call.join(" ")).join("\n");
		expect(logged).toMatch(
			/database: SectionRead\.upsert failed \(SQLITE_READONLY: attempt to write a readonly database\)/,
		);
		expect(logged).not.toMatch(/\n\s+at /);

		expect(await within(markSectionRead(user.id, "limits", "only-section"))).toEqual({ value: undefined });
	});
});

describe("healthz", () => {
	it("answers 200 when the database takes a write, and leaves nothing behind", async () => {
		const response = await healthz();
		expect(response.status).toBe(200);
		expect(await response.text()).toBe("ok\n");
		expect(await prisma.setting.count({ where: { key: "healthz" } })).toBe(0);
	});

	it.runIf(onSqlite)("answers 503 when the database cannot write, though it still reads", async () => {
		const log = vi.spyOn(console, "error").mockImplementation(() => {});
		databaseConnection()!.pragma("query_only = ON");
		const response = await healthz();
		databaseConnection()!.pragma("query_only = OFF");
		expect(response.status).toBe(503);
		expect(await response.text()).toMatch(/^database cannot write/);
		expect(log.mock.calls.flat().join("\n")).toMatch(/healthz: the database cannot write/);
		expect((await healthz()).status).toBe(200);
	});
});

describe.runIf(databaseProvider === "postgresql")("on PostgreSQL", () => {
	/** Runs SQL through a connection of its own, beside the app's pool. */
	async function otherConnection(sql: string) {
		const { default: pg } = await import("pg");
		const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
		await client.connect();
		try {
			return await client.query(sql);
		} finally {
			await client.end();
		}
	}

	it("a write the server refuses (read-only) answers 503, the log says what failed, the next write works", async () => {
		const user = await makeUser();
		const log = vi.spyOn(console, "error").mockImplementation(() => {});
		// As a server in recovery or a read-only replica answers: SQLSTATE 25006.
		await otherConnection(`
			CREATE FUNCTION refuse() RETURNS trigger AS $$
			BEGIN RAISE EXCEPTION 'cannot execute INSERT in a read-only transaction' USING ERRCODE = '25006'; END
			$$ LANGUAGE plpgsql;
			CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON "SectionRead" FOR EACH ROW EXECUTE FUNCTION refuse();
			CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON "Setting" FOR EACH ROW EXECUTE FUNCTION refuse();`);
		const refused = await within(markSectionRead(user.id, "limits", "only-section"));
		const health = await healthz();
		await otherConnection(
			'DROP TRIGGER refuse ON "SectionRead"; DROP TRIGGER refuse ON "Setting"; DROP FUNCTION refuse();',
		);

		expect(refused).toHaveProperty("error");
		const response = (refused as { error: Response }).error;
		expect(response).toBeInstanceOf(Response);
		expect(response.status).toBe(503);
		expect(health.status).toBe(503);
		const logged = log.mock.calls.map((call) => call.join(" ")).join("\n");
		expect(logged).toMatch(/database: SectionRead\.upsert failed \(25006: .*read-only transaction.*\); answered 503/);
		expect(await within(markSectionRead(user.id, "limits", "only-section"))).toEqual({ value: undefined });
		expect((await healthz()).status).toBe(200);
	});

	it("after the server ends the app's connections, the next queries open new ones", async () => {
		const user = await makeUser();
		vi.spyOn(console, "error").mockImplementation(() => {});
		await otherConnection(
			"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
		);
		// The pool may hand out a connection the server has closed: that request may fail (503), not hang.
		const first = await within(markSectionRead(user.id, "limits", "only-section"));
		expect(first).not.toBe("hung");
		if (first !== "hung" && "error" in first) expect((first.error as Response).status).toBe(503);
		expect(await within(markSectionRead(user.id, "limits", "only-section"))).toEqual({ value: undefined });
		expect(await prisma.sectionRead.count({ where: { userId: user.id } })).toBe(1);
	});
});
