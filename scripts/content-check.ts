/**
 * npm run content:check [CONTENT_DIR]
 *
 * Checks every module and track under CONTENT_DIR (default: content) against
 * docs/content-format.md and prints `file:line: message` for each problem; exits 1 on any.
 */
import path from "node:path";
import { checkContent } from "~/domain/content/check";
import { readContentSource } from "~/domain/content/content-source.server";

async function main(root: string): Promise<number> {
	const source = await readContentSource(root);
	const problems = checkContent(source);
	for (const { file, line, message } of problems) {
		console.error(`${path.join(root, file)}${line === undefined ? "" : `:${line}`}: ${message}`);
	}
	const checked = `${source.modules.length} modules, ${source.tracks.length} tracks`;
	if (problems.length > 0) {
		console.error(`${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${checked}`);
		return 1;
	}
	console.log(`content OK: ${checked}`);
	return 0;
}

process.exitCode = await main(process.argv[2] ?? "content");
