import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { coveredBy, dataStatements, drift, generate, postgresqlSchema } from "../../scripts/postgresql-schema";

describe("the PostgreSQL schema derived from prisma/schema.prisma", () => {
	it("changes the provider and the client's folder, and nothing else of the models", () => {
		const sqlite = `generator client {\n  provider = "prisma-client"\n  output   = "../app/generated/prisma"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id String @id\n}\n`;
		const pg = postgresqlSchema(sqlite);
		expect(pg).toContain('provider = "postgresql"');
		expect(pg).toContain('output   = "../../app/generated/prisma-pg"');
		expect(pg).toContain("model A {\n  id String @id\n}");
		expect(pg).not.toContain('"sqlite"');
		expect(() => postgresqlSchema(sqlite.replace('"sqlite"', '"mysql"'))).toThrow(/provider "sqlite"/);
	});

	it("carries reference rows over, and asks for PostgreSQL's SQL when a migration changes rows", () => {
		const sql = [
			'CREATE TABLE "new_T" ("a" TEXT, "b" TEXT);',
			'INSERT INTO "new_T" ("a", "b") SELECT "a", "b" FROM "T";',
			"-- The roles",
			`INSERT INTO "Role" ("id", "name") VALUES\n    ('r1', 'one');`,
			'INSERT INTO "new_U" ("a", "n") SELECT "a", (SELECT COUNT(*) FROM "U" AS "e") FROM "U";',
			'UPDATE "T" SET "a" = \'x\';',
		].join("\n");
		const { rows, other } = dataStatements(sql);
		expect(rows).toEqual([`INSERT INTO "Role" ("id", "name") VALUES\n    ('r1', 'one')`]);
		expect(other).toHaveLength(2);
		expect(other[0]).toMatch(/^INSERT INTO "new_U"/);
		expect(other[1]).toMatch(/^UPDATE/);
	});

	it("reads which SQLite migrations a PostgreSQL migration covers", () => {
		expect(coveredBy("-- from SQLite migrations: 0001_a 0002_b\n-- x\nCREATE TABLE t ();")).toEqual([
			"0001_a",
			"0002_b",
		]);
		expect(coveredBy("CREATE TABLE t ();")).toEqual([]);
	});

	it("prisma/postgresql/ is what `npm run db:pg:generate` writes (run it after changing the schema)", () => {
		expect(drift()).toEqual([]);
	}, 60_000);

	it("a model changed with its SQLite migration is drift until generated, then a migration of its own", () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-pg-drift-"));
		try {
			fs.cpSync("prisma", path.join(root, "prisma"), { recursive: true });
			const schema = path.join(root, "prisma/schema.prisma");
			fs.writeFileSync(
				schema,
				fs.readFileSync(schema, "utf8").replace("model Setting {", "model Setting {\n  note String?"),
			);
			fs.mkdirSync(path.join(root, "prisma/migrations/0099_note"));
			fs.writeFileSync(
				path.join(root, "prisma/migrations/0099_note/migration.sql"),
				'ALTER TABLE "Setting" ADD COLUMN "note" TEXT;\n',
			);
			expect(drift(root)).toEqual([
				"prisma/postgresql/schema.prisma differs",
				"prisma/postgresql/migrations/0099_note/migration.sql is missing",
			]);
			const added = generate(root).get("prisma/postgresql/migrations/0099_note/migration.sql")!;
			expect(added).toMatch(/^-- from SQLite migrations: 0099_note\n/);
			expect(added).toContain('ALTER TABLE "Setting" ADD COLUMN     "note" TEXT;');
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	}, 120_000);
});
