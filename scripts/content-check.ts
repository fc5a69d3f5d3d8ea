/**
 * npm run content:check [CONTENT_DIR]
 *
 * Checks every module, track and the glossary under CONTENT_DIR (default: content) against
 * docs/content-format.md, and app/locales/ru.json against the glossary's avoided forms, and
 * prints `file:line: message` for each problem; exits 1 on any.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { checkContent, checkInterfaceTerms } from "~/domain/content/check";
import { readContentSource } from "~/domain/content/content-source.server";
import { TWIN_FILE } from "~/domain/content/twins";

/** The interface's Russian, which uses the glossary's terms too (docs/decisions/0040-bilingual-content.md). */
const RU_LOCALE = "app/locales/ru.json";

async function main(root: string): Promise<number> {
	const source = await readContentSource(root);
	const problems = [
		...checkContent(source).map((problem) => ({ ...problem, file: path.join(root, problem.file) })),
		...checkInterfaceTerms(source, await fs.readFile(RU_LOCALE, "utf8")).map((problem) => ({
			file: RU_LOCALE,
			...problem,
		})),
	];
	for (const { file, line, message } of problems) {
		console.error(`${file}${line === undefined ? "" : `:${line}`}: ${message}`);
	}
	const tracks = source.tracks.filter((track) => !TWIN_FILE.test(track.name)).length;
	const checked = `${source.modules.length} modules, ${tracks} tracks`;
	if (problems.length > 0) {
		console.error(`${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${checked}`);
		return 1;
	}
	console.log(`content OK: ${checked}`);
	return 0;
}

process.exitCode = await main(process.argv[2] ?? "content");
