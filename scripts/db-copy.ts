/**
 * Copies every row of one DSM Academy database into another, e.g. a SQLite installation into the
 * PostgreSQL database that replaces it (README, "Growing past one machine"; docs/decisions/0104):
 *   npm run db:copy -- --from file:./data/dsm-academy.db --to postgresql://user@host/dsm_academy
 * Both databases must be at the same migration (run `npm run setup` on the new one first). The
 * target must hold no accounts yet: its reference rows (roles, countries) are replaced by the
 * source's. Tables are copied parents first, in one transaction on the target; then each table
 * is read back on both sides and compared row by row (count and SHA-256 of the rows). Stop the
 * server on the source first, or copy from a backup, so that nothing is written meanwhile.
 * Exit codes: 0 copied and checked, 1 refused or failed, 2 copied but the check found a difference.
 */
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import Database from "better-sqlite3";
import type { PrismaClient } from "../app/generated/prisma/client";
import { openDatabase } from "../app/utils/database-client.server";
import { databaseKind, databaseUrl, redactPassword } from "../app/utils/database-url";

type Model = { name: string; delegate: string; fields: Array<{ name: string; type: string }> };
type Table = { table: string; model: Model | null };

type RuntimeModels = Record<string, { fields: Array<{ name: string; kind: string; type: string }> }>;

/** The app's models and their scalar columns, as the generated client knows them. */
function models(client: PrismaClient): Model[] {
	const runtime = (client as unknown as { _runtimeDataModel: { models: RuntimeModels } })._runtimeDataModel.models;
	return Object.entries(runtime).map(([name, model]) => ({
		name,
		delegate: name[0]!.toLowerCase() + name.slice(1),
		fields: model.fields.filter((f) => f.kind === "scalar").map(({ name, type }) => ({ name, type })),
	}));
}

/** The tables and the foreign keys between them, as the database has them: table → the tables it refers to. */
async function foreignKeys(url: string): Promise<Map<string, Set<string>>> {
	const refs = new Map<string, Set<string>>();
	const add = (table: string, parent?: string) => {
		if (!refs.has(table)) refs.set(table, new Set());
		if (parent && parent !== table) refs.get(table)!.add(parent);
	};
	if (databaseKind(url) === "sqlite") {
		const db = new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
		try {
			const tables = db
				.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
				.all() as Array<{ name: string }>;
			for (const { name } of tables) {
				add(name);
				for (const fk of db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ table: string }>)
					add(name, fk.table);
			}
		} finally {
			db.close();
		}
	} else {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			const { rows: tables } = await client.query<{ name: string }>(
				"SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
			);
			for (const { name } of tables) add(name);
			const { rows } = await client.query<{ child: string; parent: string }>(`
				SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
				JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
				WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`);
			for (const { child, parent } of rows) add(child, parent);
		} finally {
			await client.end();
		}
	}
	refs.delete("_prisma_migrations");
	return refs;
}

/** Parents before children. */
export function parentsFirst(refs: Map<string, Set<string>>): string[] {
	const order: string[] = [];
	const state = new Map<string, "visiting" | "done">();
	const visit = (table: string) => {
		if (state.get(table) === "done") return;
		if (state.get(table) === "visiting") throw new Error(`foreign keys form a cycle through ${table}`);
		state.set(table, "visiting");
		for (const parent of [...(refs.get(table) ?? [])].sort()) visit(parent);
		state.set(table, "done");
		order.push(table);
	};
	for (const table of [...refs.keys()].sort()) visit(table);
	return order;
}

/** A row as text that reads the same from either database: dates as ISO, in the model's column order. */
function canonical(row: Record<string, unknown>, columns: readonly string[]) {
	return JSON.stringify(
		columns.map((c) => (row[c] instanceof Date ? (row[c] as Date).toISOString() : (row[c] ?? null))),
	);
}

/** Every row of the table, canonical and sorted. */
async function readRows(client: PrismaClient, table: Table): Promise<string[]> {
	if (table.model) {
		const rows = (await (
			client as unknown as Record<string, { findMany: () => Promise<Array<Record<string, unknown>>> }>
		)[table.model.delegate]!.findMany()) as Array<Record<string, unknown>>;
		const columns = table.model.fields.map((f) => f.name);
		return rows.map((row) => canonical(row, columns)).sort();
	}
	// An implicit many-to-many table (_RoleToUser): two text columns, A and B.
	const rows = await client.$queryRawUnsafe<Array<{ A: string; B: string }>>(`SELECT "A", "B" FROM "${table.table}"`);
	return rows.map((row) => canonical(row, ["A", "B"])).sort();
}

export type CopyReport = Array<{
	table: string;
	rows: number;
	sha256: string;
	same: boolean;
	firstDifference?: string;
}>;

export async function copyDatabase(fromUrl: string, toUrl: string, log = (line: string) => console.log(line)) {
	if (fromUrl === toUrl) throw new Error("--from and --to name the same database");
	const [fromRefs, toRefs] = await Promise.all([foreignKeys(fromUrl), foreignKeys(toUrl)]);
	const missing = [...fromRefs.keys()].filter((t) => !toRefs.has(t));
	const extra = [...toRefs.keys()].filter((t) => !fromRefs.has(t));
	if (missing.length || extra.length)
		throw new Error(
			`the two databases have different tables (only in --from: ${missing.join(", ") || "none"}; only in --to: ${extra.join(", ") || "none"}): run \`npm run setup\` (migrations) on both with this version of the app`,
		);
	const source = openDatabase(fromUrl);
	const target = openDatabase(toUrl);
	try {
		const byName = new Map(models(source).map((m) => [m.name, m]));
		const order: Table[] = parentsFirst(toRefs).map((table) => ({ table, model: byName.get(table) ?? null }));
		for (const { table, model } of order)
			if (!model && !table.startsWith("_")) throw new Error(`table ${table} is not a model of this version of the app`);
		const accounts = await target.user.count();
		if (accounts > 0)
			throw new Error(
				`the target database holds ${accounts} account(s) already; db:copy fills a new installation only (create an empty database and run \`npm run setup\` on it)`,
			);
		// One moment of the source (a read transaction), into the target in one transaction.
		const rows = new Map<string, Array<Record<string, unknown>>>();
		await source.$transaction(
			async (tx) => {
				for (const { table, model } of order) {
					rows.set(
						table,
						model
							? await (tx as unknown as Record<string, { findMany: () => Promise<Array<Record<string, unknown>>> }>)[
									model.delegate
								]!.findMany()
							: await tx.$queryRawUnsafe(`SELECT "A", "B" FROM "${table}"`),
					);
				}
			},
			{ timeout: 600_000, maxWait: 30_000 },
		);
		await target.$transaction(
			async (tx) => {
				const delegates = tx as unknown as Record<
					string,
					{
						deleteMany: () => Promise<unknown>;
						createMany: (args: { data: Array<Record<string, unknown>> }) => Promise<unknown>;
					}
				>;
				// The reference rows a new installation has (roles, countries) give way to the source's.
				for (const { table, model } of [...order].reverse()) {
					if (model) await delegates[model.delegate]!.deleteMany();
					else await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
				}
				for (const { table, model } of order) {
					const all = rows.get(table)!;
					for (let i = 0; i < all.length; i += 1000) {
						const chunk = all.slice(i, i + 1000);
						if (model) await delegates[model.delegate]!.createMany({ data: chunk });
						else
							for (const row of chunk)
								await tx.$executeRaw`INSERT INTO "_RoleToUser" ("A", "B") VALUES (${row.A}, ${row.B})`;
					}
					log(`db:copy: ${table}: ${all.length} rows`);
				}
			},
			{ timeout: 600_000, maxWait: 30_000 },
		);
		// Read back on both sides: every row the same.
		const report: CopyReport = [];
		for (const table of order) {
			const [a, b] = await Promise.all([readRows(source, table), readRows(target, table)]);
			const sha256 = crypto.createHash("sha256").update(a.join("\n")).digest("hex");
			const same = a.length === b.length && a.every((row, i) => row === b[i]);
			const firstDifference = same ? undefined : (a.find((row, i) => row !== b[i]) ?? b[a.length]);
			report.push({ table: table.table, rows: a.length, sha256, same, firstDifference });
		}
		return report;
	} finally {
		await Promise.all([source.$disconnect(), target.$disconnect()]);
	}
}

async function main() {
	const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
	if (!values.from || !values.to) {
		console.error("db:copy: npm run db:copy -- --from file:./data/dsm-academy.db --to postgresql://user@host/db");
		return 1;
	}
	const from = databaseUrl(values.from);
	const to = databaseUrl(values.to);
	console.log(`db:copy: ${redactPassword(from)} → ${redactPassword(to)}`);
	const report = await copyDatabase(from, to);
	for (const r of report)
		console.log(
			`db:copy: checked ${r.table}: ${r.rows} rows, sha256 ${r.sha256.slice(0, 16)} ${r.same ? "same" : "DIFFERENT"}`,
		);
	const different = report.filter((r) => !r.same);
	if (different.length) {
		for (const r of different) console.error(`db:copy: ${r.table} differs, e.g. ${r.firstDifference}`);
		return 2;
	}
	const total = report.reduce((sum, r) => sum + r.rows, 0);
	console.log(`db:copy: ${total} rows in ${report.length} tables copied, and every row checked`);
	return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().then(
		(code) => process.exit(code),
		(error: unknown) => {
			console.error(`db:copy: ${(error as Error).message}`);
			process.exit(1);
		},
	);
}
