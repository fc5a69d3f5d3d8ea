import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
	export interface ProvidedContext {
		/** SQLite: the base database's file. PostgreSQL: the URL of the migrated template database. */
		baseDatabase: string;
	}
}

/**
 * Migrates one base database per run, with the reference data (countries), every test file working
 * on a copy of it (tests/setup/setup-test-env.ts). SQLite: a file in a folder of the run's own
 * (several runs may go on at once). PostgreSQL when TEST_POSTGRES_URL names a server (any database
 * on it, e.g. postgresql://dsm@127.0.0.1:5432/postgres, by a user that may create databases;
 * `npm run test:unit:pg` starts a throwaway one): a template database of the run's own, which the
 * files copy with CREATE DATABASE … TEMPLATE, and which the run drops at the end.
 */
export default async function setup(project: TestProject) {
	const server = process.env.TEST_POSTGRES_URL;
	if (server) return postgresqlBase(project, server);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-academy-vitest-"));
	const base = path.join(dir, "base.db");
	migrateAndSeed(`file:${base}`);
	project.provide("baseDatabase", base);
	return () => fs.rmSync(dir, { recursive: true, force: true });
}

function migrateAndSeed(url: string) {
	const env = { ...process.env, DATABASE_URL: url };
	execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
	execFileSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio: "pipe" });
}

async function postgresqlBase(project: TestProject, server: string) {
	const name = `dsm_test_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	await admin.query(`CREATE DATABASE "${name}"`);
	await admin.end();
	const url = withDatabase(server, name);
	migrateAndSeed(url);
	checkMigrationsGiveTheSchema(url);
	project.provide("baseDatabase", url);
	return async () => {
		const client = new pg.Client({ connectionString: server });
		await client.connect();
		// The files' databases first (any a crashed worker left), then the template.
		const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
			`${name}%`,
		]);
		for (const { datname } of rows.sort((a, b) => b.datname.length - a.datname.length))
			await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
		await client.end();
	};
}

/**
 * The PostgreSQL migrations must make exactly the tables of prisma/postgresql/schema.prisma
 * (docs/decisions/0100): the migrated database, read back as a schema (`prisma db pull`, as
 * `migrate diff --from-url` refuses a driver adapter), differs from it in nothing.
 */
function checkMigrationsGiveTheSchema(url: string) {
	const env = { ...process.env, DATABASE_URL: url };
	const pulled = execFileSync("npx", ["prisma", "db", "pull", "--print"], { env, encoding: "utf8", stdio: "pipe" });
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-pg-pulled-"));
	const file = path.join(dir, "schema.prisma");
	// Prisma prints its warnings on stdout before the schema.
	fs.writeFileSync(file, pulled.slice(pulled.indexOf("generator client")));
	try {
		execFileSync(
			"npx",
			[
				"prisma",
				"migrate",
				"diff",
				"--from-schema-datamodel",
				file,
				"--to-schema-datamodel",
				"prisma/postgresql/schema.prisma",
				"--script",
				"--exit-code",
			],
			{ env, encoding: "utf8", stdio: "pipe" },
		);
	} catch (error) {
		const { status, stdout } = error as { status: number; stdout: string };
		if (status === 2)
			throw new Error(
				`prisma/postgresql/migrations do not make prisma/postgresql/schema.prisma; the difference:\n${stdout}`,
			);
		throw error;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** The server's URL with another database. */
export function withDatabase(url: string, database: string) {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}
