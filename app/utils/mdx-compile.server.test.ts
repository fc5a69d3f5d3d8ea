import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IDLE_MS, compileMdx, compilerRunning } from "./mdx-compile.server";

describe("lessons compiled in a worker thread", () => {
	it("compiles a lesson, says why a broken one does not compile, and ends the thread when idle", async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-mdx-"));
		const good = path.join(dir, "good.mdx");
		const broken = path.join(dir, "broken.mdx");
		fs.writeFileSync(good, "# Usual residence\n\n| IND | unit |\n| --- | --- |\n| IND1 | persons |\n");
		fs.writeFileSync(broken, "# Title\n\n<Note>never closed\n");

		const [code, refused] = await Promise.all([
			compileMdx(good, dir),
			compileMdx(broken, dir).then(
				() => null,
				(error: Error) => error.message,
			),
		]);
		// remark-gfm's table, in the code getMDXComponent runs.
		expect(code).toContain("Usual residence");
		expect(code).toContain('"table"');
		expect(refused).toMatch(/Note/);
		expect(compilerRunning()).toBe(true);

		await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 500));
		expect(compilerRunning()).toBe(false);
		// A later lesson starts it again.
		expect(await compileMdx(good, dir)).toContain("Usual residence");
		fs.rmSync(dir, { recursive: true, force: true });
	}, 30_000);
});
