/**
 * npm run gift -- check [--json] FILE…
 *
 * Reads GIFT files. Prints each question as `file:line<TAB>type<TAB>title`, or with --json one
 * JSON array of questions per file and line (see QuestionSummary in app/domain/gift/summary.ts).
 * Problems go to stderr as `file:line: message`; the exit code is 1 when there are any, 2 on
 * wrong usage.
 */
import fs from "node:fs";
import { parseGift } from "~/domain/gift/parse";
import { questionTitle, summarizeQuestion } from "~/domain/gift/summary";
import type { GiftParseResult } from "~/domain/gift/types";

const USAGE = "usage: npm run gift -- check [--json] FILE…";

function main(args: string[]): number {
	const [command, ...rest] = args;
	const json = rest.includes("--json");
	const files = rest.filter((arg) => arg !== "--json");
	if (command !== "check" || files.length === 0 || files.some((file) => file.startsWith("-"))) {
		console.error(USAGE);
		return 2;
	}
	let errorCount = 0;
	for (const file of files) {
		const result = readGiftFile(file);
		for (const error of result.errors) console.error(`${file}:${error.line}: ${error.message}`);
		errorCount += result.errors.length;
		if (json) {
			console.log(JSON.stringify(result.questions.map(summarizeQuestion)));
		} else {
			for (const question of result.questions)
				console.log(`${file}:${question.line}\t${question.type}\t${questionTitle(question)}`);
		}
	}
	if (errorCount > 0) console.error(`${errorCount} ${errorCount === 1 ? "error" : "errors"}`);
	return errorCount > 0 ? 1 : 0;
}

/** GIFT files are UTF-8 (E1); anything else is an error on line 1. */
function readGiftFile(file: string): GiftParseResult {
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (error) {
		return {
			questions: [],
			errors: [{ line: 1, message: `cannot read the file (${(error as NodeJS.ErrnoException).code})` }],
		};
	}
	try {
		return parseGift(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
	} catch {
		return { questions: [], errors: [{ line: 1, message: "the file is not UTF-8" }] };
	}
}

process.exitCode = main(process.argv.slice(2));
