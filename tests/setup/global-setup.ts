import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
	export interface ProvidedContext {
		baseDatabase: string;
	}
}

/**
 * Migrates one base database per run, with the reference data (countries), in a folder of the run's own (several
 * runs may go on at once); every test file works on a copy of it.
 */
export default function setup(project: TestProject) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-academy-vitest-"));
	const base = path.join(dir, "base.db");
	const env = { ...process.env, DATABASE_URL: `file:${base}` };
	execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
	execFileSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio: "pipe" });
	project.provide("baseDatabase", base);
	return () => fs.rmSync(dir, { recursive: true, force: true });
}
