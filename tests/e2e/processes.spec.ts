import { openDatabase } from "../../app/utils/database-client.server";
import { loginCookie } from "../bench/server";
import { oneModuleCohort } from "./db";
import { createUser, expect, PASSWORD, test } from "./fixtures";
import { rawPost, startOwnServer } from "./own-server";

/*
 * `npm start` with WEB_CONCURRENCY=2 (server-cluster.js): two processes on one SQLite database in
 * WAL, sharing nothing in memory that must agree (docs/decisions/0103-several-processes.md). The
 * PostgreSQL smoke journey runs on two processes too (playwright.postgresql.config.ts).
 */
const MODULE = "basic-concepts-and-categories";

test("two worker processes: login limits hold across them, and the dashboard shows another process's write at once", async () => {
	test.slow();
	const guessed = await createUser({ countryCode: "KG" });
	const trainer = await createUser({ roles: ["trainer"], countryCode: "KG" });
	const trainee = await createUser({ countryCode: "KG" });
	const cohort = await oneModuleCohort("Two processes", MODULE, trainer.id, trainee.id);
	const server = await startOwnServer({
		script: "server-cluster.js",
		env: { WEB_CONCURRENCY: "2", COOKIE_SECURE: "false" },
	});
	const database = openDatabase(`file:${server.database}`);
	try {
		expect(server.log()).toContain("DSM Academy: 2 worker processes");
		await expect.poll(() => server.log().match(/DSM Academy on http/g)?.length ?? 0).toBe(2);

		// 30 wrong passwords at once, spread over both processes: five are checked, the rest refused unhashed.
		const body = new URLSearchParams({ email: guessed.email, password: "not the password" }).toString();
		const statuses = (
			await Promise.all(
				Array.from({ length: 30 }, () => rawPost(`${server.origin}/login`, body, { Origin: server.origin })),
			)
		).map((r) => r.status);
		expect(statuses.filter((s) => s === 400)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(25);

		// Each request may go to either process: none keeps dashboard figures another process's write would change.
		const cookie = await loginCookie(server.origin, trainer.email, PASSWORD);
		const dashboard = async () => {
			const html = await (await fetch(`${server.origin}/cohorts/${cohort.id}`, { headers: { cookie } })).text();
			return /<td class="c [^"]*">([^<]*)/.exec(html)?.[1];
		};
		for (let i = 0; i < 4; i++) expect(await dashboard()).toBe("Not started");
		const sections = ["why-definitions-matter", "usual-residence"];
		for (const [read, sectionId] of sections.entries()) {
			// As a learner's request in the other process, or a script, writes it.
			await database.sectionRead.create({ data: { userId: trainee.id, moduleSlug: MODULE, sectionId } });
			for (let i = 0; i < 4; i++) expect(await dashboard()).toMatch(new RegExp(`^${read + 1}/\\d+$`));
		}
	} finally {
		await database.$disconnect();
		await server.stop();
	}
});
