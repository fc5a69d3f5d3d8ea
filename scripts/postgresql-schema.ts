/**
 * The PostgreSQL variant of the schema and its migrations, derived from prisma/schema.prisma and
 * prisma/migrations (docs/decisions/0100-postgresql-generated-from-the-sqlite-schema.md):
 *   npm run db:pg:generate   writes prisma/postgresql/schema.prisma and appends a migration for
 *                            the SQLite migrations it does not cover yet
 *   npm run db:pg:check      fails (exit 1) when prisma/postgresql/ is not what generate would write
 * Never edit prisma/postgresql/ by hand: change prisma/schema.prisma, write its SQLite migration,
 * run generate, commit both.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const SQLITE_MIGRATIONS = "prisma/migrations";
export const PG_FOLDER = "prisma/postgresql";
export const PG_SCHEMA = `${PG_FOLDER}/schema.prisma`;
export const PG_MIGRATIONS = `${PG_FOLDER}/migrations`;
/** The first PostgreSQL migration: every table of the schema as of the first PostgreSQL release. */
export const BASELINE = "0001_baseline";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:pg:generate\`: do not edit (docs/decisions/0100).
// The same models on PostgreSQL, with a client of their own (app/generated/prisma-pg).

`;

/** prisma/schema.prisma as PostgreSQL's: the provider and the client's folder change, nothing else. */
export function postgresqlSchema(sqlite: string): string {
	let out = sqlite;
	const provider = /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/;
	if (!provider.test(out)) throw new Error(`${SQLITE_SCHEMA}: no datasource db with provider "sqlite"`);
	out = out.replace(provider, '$1"postgresql"');
	const output = /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/app\/generated\/prisma"/;
	if (!output.test(out)) throw new Error(`${SQLITE_SCHEMA}: no generator client with output "../app/generated/prisma"`);
	out = out.replace(output, '$1"../../app/generated/prisma-pg"');
	return HEADER + out;
}

/** Splits a migration into statements (none of the app's SQL has a ";" inside a string). */
export function statements(sql: string): string[] {
	return sql
		.split(/;\s*(?:\n|$)/)
		.map((s) =>
			s
				.split("\n")
				.filter((line) => !/^\s*--/.test(line))
				.join("\n")
				.trim(),
		)
		.filter((s) => s !== "");
}

/**
 * What a SQLite migration does besides the schema, which `prisma migrate diff` cannot carry over:
 * rows every installation needs (`INSERT INTO "T" (…) VALUES …`, portable as they are), and
 * statements that change existing rows (`UPDATE`, `DELETE`, an `INSERT … SELECT` that computes
 * columns while a table is rebuilt). The latter need a `postgresql.sql` beside the migration.
 */
export function dataStatements(sql: string) {
	const rows: string[] = [];
	const other: string[] = [];
	for (const statement of statements(sql)) {
		if (/^INSERT INTO "(?!new_)[^"]+"\s*\([^)]*\)\s*VALUES/i.test(statement)) rows.push(statement);
		else if (/^INSERT INTO "new_/i.test(statement)) {
			if (!isPlainCopy(statement)) other.push(statement);
		} else if (/^(UPDATE|DELETE|INSERT)\b/i.test(statement)) other.push(statement);
	}
	return { rows, other };
}

/** `INSERT INTO "new_T" (a, b) SELECT a, b FROM "T"`: SQLite's rebuild of a table, an ALTER on PostgreSQL. */
function isPlainCopy(statement: string) {
	const match = /^INSERT INTO "new_[^"]+"\s*\(([^)]*)\)\s*SELECT\s+([\s\S]*?)\s+FROM\s+"[^"]+"$/i.exec(statement);
	return match !== null && match[1]!.replace(/\s/g, "") === match[2]!.replace(/\s/g, "");
}

const FROM = "-- from SQLite migrations:";

/** The SQLite migrations that a PostgreSQL migration brings over, from its first line. */
export function coveredBy(sql: string): string[] {
	const line = sql.split("\n").find((l) => l.startsWith(FROM));
	return line ? line.slice(FROM.length).trim().split(/\s+/).filter(Boolean) : [];
}

function folders(dir: string) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
		.sort();
}

function diff(from: string[], to: string): string {
	return execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], {
		encoding: "utf8",
		stdio: ["ignore", "pipe", "pipe"],
		env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/dsm-academy.db" },
	});
}

/** An empty diff as `prisma migrate diff --script` prints it. */
const isEmpty = (sql: string) => statements(sql).length === 0;

/**
 * The files prisma/postgresql/ should hold, as path → content, given what it holds now (`root` is
 * the repository): the schema, the lock file, the migrations there are, and a new one for the
 * SQLite migrations none covers yet.
 */
export function generate(root = process.cwd()) {
	const files = new Map<string, string>();
	const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
	const schema = postgresqlSchema(read(SQLITE_SCHEMA));
	files.set(PG_SCHEMA, schema);
	files.set(
		`${PG_MIGRATIONS}/migration_lock.toml`,
		'# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
	);
	const existing = folders(path.join(root, PG_MIGRATIONS));
	const covered = new Set<string>();
	for (const name of existing) {
		const sql = read(`${PG_MIGRATIONS}/${name}/migration.sql`);
		files.set(`${PG_MIGRATIONS}/${name}/migration.sql`, sql);
		for (const m of coveredBy(sql)) covered.add(m);
	}
	const pending = folders(path.join(root, SQLITE_MIGRATIONS)).filter((m) => !covered.has(m));
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-pg-schema-"));
	try {
		const next = path.join(tmp, "schema.prisma");
		fs.writeFileSync(next, schema);
		let ddl: string;
		if (existing.length === 0) ddl = diff(["--from-empty"], next);
		else {
			const previous = path.join(root, PG_SCHEMA);
			ddl = diff(["--from-schema-datamodel", previous], next);
		}
		if (pending.length === 0) {
			if (!isEmpty(ddl))
				throw new Error(
					`${SQLITE_SCHEMA} differs from ${PG_SCHEMA} but no SQLite migration is new: write the SQLite migration first.`,
				);
			return files;
		}
		const name = existing.length === 0 ? BASELINE : pending.at(-1)!;
		const parts = [
			`${FROM} ${pending.join(" ")}`,
			"-- GENERATED by `npm run db:pg:generate`: do not edit.",
			"",
			ddl.trim(),
		];
		for (const m of pending) {
			const own = path.join(root, SQLITE_MIGRATIONS, m, "postgresql.sql");
			if (fs.existsSync(own)) {
				parts.push("", `-- ${m}/postgresql.sql`, fs.readFileSync(own, "utf8").trim());
				continue;
			}
			const { rows, other } = dataStatements(read(`${SQLITE_MIGRATIONS}/${m}/migration.sql`));
			// A new installation has no rows to change: only later migrations need PostgreSQL's own SQL.
			if (other.length > 0 && existing.length > 0)
				throw new Error(
					`${SQLITE_MIGRATIONS}/${m}/migration.sql changes existing rows (${other[0]!.slice(0, 60)}…): write what PostgreSQL must do in ${SQLITE_MIGRATIONS}/${m}/postgresql.sql`,
				);
			if (rows.length > 0) parts.push("", `-- rows of ${m}`, ...rows.map((r) => `${r};`));
		}
		files.set(`${PG_MIGRATIONS}/${name}/migration.sql`, parts.join("\n") + "\n");
		return files;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/** Files of prisma/postgresql/ that differ from what generate writes, or that it would not write. */
export function drift(root = process.cwd()): string[] {
	const expected = generate(root);
	const problems: string[] = [];
	for (const [file, content] of expected) {
		const at = path.join(root, file);
		if (!fs.existsSync(at)) problems.push(`${file} is missing`);
		else if (fs.readFileSync(at, "utf8") !== content) problems.push(`${file} differs`);
	}
	const walk = (dir: string): string[] =>
		fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
			const rel = `${dir}/${d.name}`;
			return d.isDirectory() ? walk(rel) : [rel];
		});
	if (fs.existsSync(path.join(root, PG_FOLDER)))
		for (const file of walk(PG_FOLDER)) if (!expected.has(file)) problems.push(`${file} is not generated`);
	return problems;
}

function main(argv: string[]) {
	if (argv.includes("--check")) {
		const problems = drift();
		if (problems.length === 0) {
			console.log(`db:pg:check: ${PG_FOLDER} matches ${SQLITE_SCHEMA} and ${SQLITE_MIGRATIONS}`);
			return 0;
		}
		for (const p of problems) console.error(`db:pg:check: ${p}`);
		console.error("db:pg:check: run `npm run db:pg:generate` and commit prisma/postgresql/");
		return 1;
	}
	const files = generate();
	let written = 0;
	for (const [file, content] of files) {
		const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
		if (current === content) continue;
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, content);
		console.log(`db:pg:generate: wrote ${file}`);
		written++;
	}
	if (written === 0) console.log(`db:pg:generate: ${PG_FOLDER} is up to date`);
	return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		process.exit(main(process.argv.slice(2)));
	} catch (error) {
		console.error(`db:pg: ${(error as Error).message}`);
		process.exit(1);
	}
}
