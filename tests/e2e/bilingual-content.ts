/**
 * npx tsx tests/e2e/bilingual-content.ts DIR
 *
 * The content folder of the bilingual journeys' server (playwright.config.ts): the valid
 * bilingual fixture module of content:check's tests, as it is (every file with its Russian twin,
 * a Russian quiz, a glossary, a track with its Russian body), and beside it the same module
 * renumbered and without any twin, so that a Russian reader meets the English fallback. Built
 * from tests/fixtures/content/valid each run, so the journeys read what content:check passed.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { TWIN_FILE } from "../../app/domain/content/twins";

const FIXTURE = path.resolve("tests/fixtures/content/valid");
export const TRANSLATED = "counting-migrants";
export const UNTRANSLATED = "counting-untranslated";

export function buildBilingualContent(dir: string) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.cpSync(FIXTURE, dir, { recursive: true });
	const copy = path.join(dir, "modules", `02.${UNTRANSLATED}`);
	fs.cpSync(path.join(dir, "modules", `01.${TRANSLATED}`), copy, { recursive: true });
	for (const file of fs.readdirSync(copy)) if (TWIN_FILE.test(file)) fs.rmSync(path.join(copy, file));
	const moduleFile = path.join(copy, "module.mdx");
	const text = fs.readFileSync(moduleFile, "utf8").replace(/^number: 1$/m, "number: 2");
	fs.writeFileSync(
		moduleFile,
		text
			.replace("en: Counting migrants", "en: Counting migrants, untranslated")
			.replace("ru: Подсчёт мигрантов", "ru: Подсчёт мигрантов (без перевода)"),
	);
	// Its quiz has the ids of module 2, as content:check would ask.
	const quiz = path.join(copy, "quiz.gift");
	fs.writeFileSync(quiz, fs.readFileSync(quiz, "utf8").replace(/m01-/g, "m02-"));
}

// Run as a script (the server's command in playwright.config.ts), not when a test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	buildBilingualContent(path.resolve(process.argv[2] ?? "tests/.tmp/e2e-content"));
}
