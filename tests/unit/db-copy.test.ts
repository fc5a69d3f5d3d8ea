import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { parentsFirst } from "../../scripts/db-copy";

const onPostgres = process.env.DATABASE_URL!.startsWith("postgresql://");

describe("db:copy", () => {
	it("copies parents before the tables that refer to them", () => {
		const refs = new Map([
			["Password", new Set(["User"])],
			["User", new Set(["Country", "Agency"])],
			["Agency", new Set(["Country"])],
			["Country", new Set<string>()],
			["_RoleToUser", new Set(["Role", "User"])],
			["Role", new Set<string>()],
		]);
		const order = parentsFirst(refs);
		for (const [child, parents] of refs)
			for (const parent of parents)
				expect(order.indexOf(parent), `${parent} before ${child}`).toBeLessThan(order.indexOf(child));
		expect(() =>
			parentsFirst(
				new Map([
					["A", new Set(["B"])],
					["B", new Set(["A"])],
				]),
			),
		).toThrow(/cycle/);
	});

	// Into this file's own PostgreSQL database, migrated and seeded as `npm run setup` leaves a new installation.
	it.runIf(onPostgres)(
		"moves a demo SQLite installation to PostgreSQL with every row, checked, and refuses to copy over accounts",
		async () => {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-copy-"));
			const file = path.join(dir, "demo.db");
			const env = { ...process.env, DATABASE_URL: `file:${file}` };
			execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
			execFileSync("npx", ["tsx", "prisma/seed.ts", "--demo"], { env, stdio: "pipe" });
			const sqlite = new Database(file);
			sqlite
				.prepare("INSERT INTO Setting (key, value, updatedAt) VALUES (?, ?, ?)")
				.run("note", "«МОД» — ё, 'quotes', \\ and 😀", Date.UTC(2026, 0, 2, 3, 4, 5, 678));
			const tables = (
				sqlite
					.prepare(
						"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
					)
					.all() as Array<{ name: string }>
			).map((t) => t.name);
			const sqliteCounts = Object.fromEntries(
				tables.map((t) => [t, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]),
			);
			sqlite.close();
			const run = (args: string[]) =>
				promisify(execFile)("npx", ["tsx", "scripts/db-copy.ts", ...args], { env: process.env }).then(
					(done) => ({ code: 0, ...done }),
					(failed: { code: number; stdout: string; stderr: string }) => failed,
				);
			try {
				const copied = await run(["--from", `file:${file}`, "--to", process.env.DATABASE_URL!]);
				expect(copied.code, copied.stderr).toBe(0);
				expect(copied.stdout).toMatch(/db:copy: \d+ rows in \d+ tables copied, and every row checked/);
				expect(copied.stdout).not.toContain("DIFFERENT");

				// Read back apart from the command: the same number of rows in every table, the same values.
				const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
				await client.connect();
				try {
					const pgCounts: Record<string, number> = {};
					for (const t of tables)
						pgCounts[t] = Number((await client.query(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0].n);
					expect(pgCounts).toEqual(sqliteCounts);
					expect(sqliteCounts.User).toBeGreaterThan(10);
					const note = (await client.query(`SELECT value, "updatedAt" FROM "Setting" WHERE key = 'note'`)).rows[0];
					expect(note.value).toBe("«МОД» — ё, 'quotes', \\ and 😀");
					expect((note.updatedAt as Date).toISOString()).toBe("2026-01-02T03:04:05.678Z");
				} finally {
					await client.end();
				}

				const again = await run(["--from", `file:${file}`, "--to", process.env.DATABASE_URL!]);
				expect(again.code).toBe(1);
				expect(again.stderr).toMatch(/holds \d+ account\(s\) already/);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		},
		180_000,
	);
});
