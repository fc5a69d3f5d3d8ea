/**
 * The DSM engine from the command line (docs/dsm.md):
 *
 *   npm run dsm -- validate FILE [--country XX] [--period P] [--context exercise.json] [--rounding R5|NONE] [--lang en|ru] [--json]
 *   npm run dsm -- template IND6 [--format xlsx|sdmx-csv] [--country XX] [--period P] [-o FILE]
 *   npm run dsm -- convert FILE --to sdmx-csv|xlsx [-o FILE]
 *   npm run dsm -- exercise compile --seed 7 -o DIR
 *   npm run dsm -- exercise find-and-fix --seed 7 [--errors 5] -o DIR
 *   npm run dsm -- exercise score ANSWER SUBMISSION [--json]
 *
 * Exit codes: 0 fine, 1 the file has errors (or could not be read), 2 wrong usage.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { validationContextSchema } from "~/domain/dsm/context-schema";
import { compileExercise, sourceFiles } from "~/domain/dsm/exercises/compile";
import { findAndFixExercise } from "~/domain/dsm/exercises/find-and-fix";
import { scoreTable } from "~/domain/dsm/exercises/score";
import { formatCell, hasErrors, type Issue } from "~/domain/dsm/issues";
import type { Language } from "~/domain/dsm/localized";
import { isIndicatorId, type IndicatorId } from "~/domain/dsm/model";
import { parsePeriod } from "~/domain/dsm/periods";
import { readDsmFile } from "~/domain/dsm/read-file";
import type { ReadResult } from "~/domain/dsm/read-result";
import { validate, type ValidationContext } from "~/domain/dsm/validate";
import { sdmxCsvTemplate, writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";
import { writeXlsxTemplate } from "~/domain/dsm/write-xlsx";

class UsageError extends Error {}

const USAGE = `usage:
  npm run dsm -- validate FILE [--country XX] [--period P] [--context exercise.json] [--rounding R5|NONE] [--lang en|ru] [--json]
  npm run dsm -- template IND1…IND6 [--format xlsx|sdmx-csv] [--country XX] [--period P] [-o FILE]
  npm run dsm -- convert FILE --to sdmx-csv|xlsx [-o FILE]
  npm run dsm -- exercise compile --seed N -o DIR
  npm run dsm -- exercise find-and-fix --seed N [--errors N] -o DIR
  npm run dsm -- exercise score ANSWER SUBMISSION [--json]`;

const OPTIONS = {
	country: { type: "string" },
	period: { type: "string" },
	context: { type: "string" },
	rounding: { type: "string" },
	lang: { type: "string", default: "en" },
	json: { type: "boolean", default: false },
	format: { type: "string", default: "xlsx" },
	to: { type: "string" },
	output: { type: "string", short: "o" },
	seed: { type: "string" },
	errors: { type: "string", default: "5" },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

const MAX_LISTED_ISSUES = 200;

async function readFile(file: string | undefined, options: Options): Promise<ReadResult> {
	if (!file) throw new UsageError("a FILE is needed");
	const rounding = options.rounding;
	if (rounding !== undefined && rounding !== "R5" && rounding !== "NONE")
		throw new UsageError("--rounding is R5 or NONE");
	return readDsmFile(new Uint8Array(fs.readFileSync(file)), rounding ? { rounding } : {});
}

function languageOf(options: Options): Language {
	if (options.lang !== "en" && options.lang !== "ru") throw new UsageError("--lang is en or ru");
	return options.lang;
}

function printIssues(issues: readonly Issue[], language: Language): void {
	for (const issue of issues.slice(0, MAX_LISTED_ISSUES)) {
		const where = issue.cells[0] ? formatCell(issue.cells[0]) : "";
		console.log(`${issue.severity.padEnd(7)} ${issue.rule.padEnd(15)} ${where.padEnd(22)} ${issue.message[language]}`);
	}
	if (issues.length > MAX_LISTED_ISSUES)
		console.log(`… and ${issues.length - MAX_LISTED_ISSUES} more (--json lists them all)`);
}

function issueAsJson(issue: Issue, language: Language) {
	const [cell] = issue.cells;
	return {
		rule: issue.rule,
		severity: issue.severity,
		row: cell?.row,
		column: cell?.column,
		sheet: cell?.sheet,
		message: issue.message[language],
	};
}

/** The context of an exercise file (its "context" member) or of a plain JSON file, then the flags. */
function contextOf(options: Options): ValidationContext {
	if (options.period !== undefined && !parsePeriod(options.period))
		throw new UsageError("--period is 2024, 2024-Q1 or 2024-01");
	const json: unknown = options.context ? JSON.parse(fs.readFileSync(options.context, "utf8")) : {};
	const given = typeof json === "object" && json !== null && "context" in json ? json.context : json;
	const parsed = validationContextSchema.safeParse(given);
	if (!parsed.success)
		throw new UsageError(
			`--context: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
		);
	const window = options.period ? { from: options.period, to: options.period } : parsed.data.window;
	return { ...parsed.data, country: options.country ?? parsed.data.country, window };
}

async function validateCommand([file]: string[], options: Options): Promise<number> {
	const language = languageOf(options);
	const context = contextOf(options);
	const read = await readFile(file, options);
	const issues = [...read.issues, ...validate(read.observations, context)];
	const ok = !hasErrors(issues);
	if (options.json) {
		console.log(
			JSON.stringify(
				{ ok, observations: read.observations.length, issues: issues.map((issue) => issueAsJson(issue, language)) },
				null,
				2,
			),
		);
		return ok ? 0 : 1;
	}
	console.log(
		`${file}: ${read.format ?? "unreadable"}${read.encoding ? `, ${read.encoding}` : ""}, ${read.observations.length} observations`,
	);
	if (read.defaulted.length > 0) console.log(`columns absent, defaults used: ${read.defaulted.join(", ")}`);
	printIssues(issues, language);
	const errors = issues.filter((issue) => issue.severity === "error").length;
	console.log(`${errors} error(s), ${issues.length - errors} warning(s)`);
	return ok ? 0 : 1;
}

function write(output: string | undefined, content: string | Uint8Array): void {
	if (output) fs.writeFileSync(output, content);
	else process.stdout.write(content);
}

async function templateCommand([indicator]: string[], options: Options): Promise<number> {
	if (!indicator || !isIndicatorId(indicator)) throw new UsageError("the indicator is IND1 … IND6");
	const fields = {
		REF_AREA: options.country,
		TIME_PERIOD: options.period,
		FREQ: options.period ? parsePeriod(options.period)?.frequency : undefined,
	};
	if (options.format === "sdmx-csv") write(options.output, sdmxCsvTemplate(indicator));
	else if (options.format === "xlsx") {
		if (!options.output) throw new UsageError("an XLSX template needs -o FILE");
		write(options.output, await writeXlsxTemplate({ indicators: [indicator as IndicatorId], fields }));
	} else throw new UsageError("--format is xlsx or sdmx-csv");
	if (options.output) console.error(`wrote ${options.output}`);
	return 0;
}

async function convertCommand([file]: string[], options: Options): Promise<number> {
	if (options.to !== "sdmx-csv" && options.to !== "xlsx") throw new UsageError("--to is sdmx-csv or xlsx");
	if (options.to === "xlsx" && !options.output) throw new UsageError("converting to XLSX needs -o FILE");
	const read = await readFile(file, options);
	for (const issue of read.issues) console.error(`${issue.severity} ${issue.rule}: ${issue.message.en}`);
	if (read.observations.length === 0) return 1;
	write(
		options.output,
		options.to === "xlsx"
			? await writeXlsxTemplate({ observations: read.observations })
			: writeSdmxCsv(read.observations),
	);
	if (options.output) console.error(`wrote ${read.observations.length} observations to ${options.output}`);
	return hasErrors(read.issues) ? 1 : 0;
}

function seedOf(options: Options): number {
	const seed = Number(options.seed);
	if (options.seed === undefined || !Number.isSafeInteger(seed)) throw new UsageError("--seed is a whole number");
	return seed;
}

function outputDirectory(options: Options): string {
	if (!options.output) throw new UsageError("an exercise needs -o DIR");
	fs.mkdirSync(options.output, { recursive: true });
	return options.output;
}

async function compileCommand(options: Options): Promise<number> {
	const exercise = compileExercise(seedOf(options));
	const directory = outputDirectory(options);
	const files: Record<string, string | Uint8Array> = {
		...sourceFiles(exercise.sources),
		"answer.sdmx.csv": writeSdmxCsv(exercise.answer),
		"template.xlsx": await writeXlsxTemplate({
			indicators: ["IND1", "IND3", "IND4", "IND5", "IND6"],
			fields: { REF_AREA: exercise.state.code, TIME_PERIOD: String(exercise.year), FREQ: "A", UNIT: "PER" },
		}),
		"exercise.json": exerciseJson(exercise),
	};
	return writeExercise(directory, files, exercise.task.en);
}

/** What a trainee's tools need to know of an exercise, without its answer. */
function exerciseJson(exercise: { seed: number; state: unknown; year: number; task: unknown; context: unknown }) {
	const { seed, state, year, task, context } = exercise;
	return JSON.stringify({ seed, state, year, task, context }, null, 2);
}

function writeExercise(directory: string, files: Record<string, string | Uint8Array>, task: string) {
	for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(directory, name), content);
	console.log(task);
	console.log(`wrote ${Object.keys(files).join(", ")} to ${directory}`);
	return 0;
}

function findAndFixCommand(options: Options): number {
	const errors = Number(options.errors);
	if (!Number.isSafeInteger(errors) || errors < 1) throw new UsageError("--errors is a whole number from 1");
	const exercise = findAndFixExercise(seedOf(options), errors);
	const directory = outputDirectory(options);
	const files = {
		"submission.sdmx.csv": writeSdmxCsv(exercise.submission),
		"answer.sdmx.csv": writeSdmxCsv(exercise.answer),
		"planted.json": JSON.stringify(exercise.planted, null, 2),
		"exercise.json": exerciseJson(exercise),
	};
	return writeExercise(directory, files, exercise.task.en);
}

async function scoreCommand([answerFile, submissionFile]: string[], options: Options): Promise<number> {
	if (!answerFile || !submissionFile) throw new UsageError("score needs ANSWER and SUBMISSION files");
	const [answer, submission] = await Promise.all([readFile(answerFile, options), readFile(submissionFile, options)]);
	const score = scoreTable(answer.observations, submission.observations);
	if (options.json) console.log(JSON.stringify(score, null, 2));
	else {
		console.log(`${score.correct} of ${score.cells} cells correct (${(score.score * 100).toFixed(1)} %)`);
		for (const cell of score.wrong) console.log(`wrong    ${cell.key}: ${cell.submitted}, expected ${cell.expected}`);
		for (const cell of score.missing) console.log(`missing  ${cell.key}: expected ${cell.expected}`);
		for (const cell of score.extra) console.log(`extra    ${cell.key}: ${cell.submitted}`);
	}
	return score.score === 1 ? 0 : 1;
}

async function main(args: string[]): Promise<number> {
	const { values: options, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
	const [command, ...rest] = positionals;
	switch (command) {
		case "validate":
			return validateCommand(rest, options);
		case "template":
			return templateCommand(rest, options);
		case "convert":
			return convertCommand(rest, options);
		case "exercise": {
			const [kind, ...files] = rest;
			if (kind === "compile") return compileCommand(options);
			if (kind === "find-and-fix") return findAndFixCommand(options);
			if (kind === "score") return scoreCommand(files, options);
			throw new UsageError("exercise is compile, find-and-fix or score");
		}
		default:
			throw new UsageError(command ? `unknown command ${command}` : "a command is needed");
	}
}

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
	if (error.code !== "EPIPE") throw error;
	process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const usage =
			error instanceof UsageError ||
			(error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
		console.error(usage ? `${(error as Error).message}\n${USAGE}` : error);
		process.exitCode = usage ? 2 : 1;
	},
);
