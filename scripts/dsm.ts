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
 * Exit codes: 0 fine, 1 the file has errors (or is refused: too big, binary, wrong encoding),
 * 2 wrong usage or a file that cannot be opened (missing, a folder, no permission).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import { z } from "zod";
import { validationContextSchema } from "~/domain/dsm/context-schema";
import { compileExercise, sourceFiles } from "~/domain/dsm/exercises/compile";
import { findAndFixExercise } from "~/domain/dsm/exercises/find-and-fix";
import { scoreTable } from "~/domain/dsm/exercises/score";
import { MAX_FILE_BYTES } from "~/domain/dsm/encoding";
import { groupIssues, type IssueGroup } from "~/domain/dsm/group";
import { formatCell, hasErrors, type CellRef, type Issue } from "~/domain/dsm/issues";
import type { Language } from "~/domain/dsm/localized";
import { isIndicatorId, type IndicatorId } from "~/domain/dsm/model";
import { parsePeriod } from "~/domain/dsm/periods";
import { readDsmFile } from "~/domain/dsm/read-file";
import { failedRead, type ReadResult } from "~/domain/dsm/read-result";
import { FILE_SIZE } from "~/domain/dsm/rules/file";
import { issueOf } from "~/domain/dsm/rules/rule";
import { validate, type ValidationContext } from "~/domain/dsm/validate";
import { sdmxCsvTemplate, writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";
import { writeXlsxTemplate } from "~/domain/dsm/write-xlsx";

class UsageError extends Error {}

/** A file that cannot be opened at all: one line on stderr, exit 2, no stack trace. */
class FileError extends Error {}

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

/** Examples listed per rule; --json lists every finding. */
const EXAMPLES_PER_RULE = 5;

const FILE_ERRORS: Readonly<Record<string, string>> = {
	ENOENT: "no such file",
	EISDIR: "it is a folder, not a file",
	EACCES: "permission denied",
	EPERM: "permission denied",
	ELOOP: "too many symbolic links",
	ENAMETOOLONG: "the name is too long",
	ENOTDIR: "a part of the path is not a folder",
};

function fileError(file: string, error: unknown): FileError {
	const code = error instanceof Error && "code" in error ? String(error.code) : "";
	const reason = FILE_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
	return new FileError(`cannot read ${file}: ${reason}`);
}

/**
 * The bytes of a file, its size checked first (stat), so that a 3 GB file is refused with
 * FILE-SIZE without a byte of it being read.
 */
function fileBytes(file: string): Uint8Array | ReadResult {
	let stat: fs.Stats;
	try {
		stat = fs.statSync(file);
	} catch (error) {
		throw fileError(file, error);
	}
	if (stat.isDirectory()) throw new FileError(`cannot read ${file}: it is a folder, not a file`);
	if (stat.isFile() && stat.size > MAX_FILE_BYTES)
		return failedRead(issueOf(FILE_SIZE, { bytes: stat.size, limit: MAX_FILE_BYTES }));
	try {
		// Not a plain file (a pipe, /dev/stdin): read with the limit, never more than one byte past it.
		if (!stat.isFile()) return readBounded(file);
		return new Uint8Array(fs.readFileSync(file));
	} catch (error) {
		throw fileError(file, error);
	}
}

function readBounded(file: string): Uint8Array | ReadResult {
	const descriptor = fs.openSync(file, "r");
	try {
		const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
		let length = 0;
		for (;;) {
			const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
			if (read === 0) break;
			length += read;
			if (length > MAX_FILE_BYTES) return failedRead(issueOf(FILE_SIZE, { bytes: length, limit: MAX_FILE_BYTES }));
		}
		return new Uint8Array(buffer.subarray(0, length));
	} finally {
		fs.closeSync(descriptor);
	}
}

async function readFile(file: string | undefined, options: Options): Promise<ReadResult> {
	if (!file) throw new UsageError("a FILE is needed");
	const rounding = options.rounding;
	if (rounding !== undefined && rounding !== "R5" && rounding !== "NONE")
		throw new UsageError("--rounding is R5 or NONE");
	const bytes = fileBytes(file);
	if (!(bytes instanceof Uint8Array)) return bytes;
	return readDsmFile(bytes, rounding ? { rounding } : {});
}

function languageOf(options: Options): Language {
	if (options.lang !== "en" && options.lang !== "ru") throw new UsageError("--lang is en or ru");
	return options.lang;
}

/** The words of the report, in the CLI's two languages. */
const WORDS = {
	en: {
		observations: (count: number) => `${count} observation(s)`,
		unreadable: "not read",
		defaulted: (columns: string) => `columns absent, defaults used: ${columns}`,
		counts: (errors: number, warnings: number) => `${errors} error(s), ${warnings} warning(s)`,
		severity: { error: "error", warning: "warning" },
		findings: (count: number) => `${count} finding(s)`,
		section: "explained in",
		more: (count: number) => `… and ${count} more (--json lists them all)`,
		module: "Module",
	},
	ru: {
		observations: (count: number) => `наблюдений: ${count}`,
		unreadable: "не прочитан",
		defaulted: (columns: string) => `столбцов нет, взяты значения по умолчанию: ${columns}`,
		counts: (errors: number, warnings: number) => `ошибок: ${errors}, предупреждений: ${warnings}`,
		severity: { error: "ошибка", warning: "предупреждение" },
		findings: (count: number) => `замечаний: ${count}`,
		section: "объяснение",
		more: (count: number) => `… и ещё ${count} (все перечисляет --json)`,
		module: "Модуль",
	},
} as const;

const localizedSchema = z.object({ en: z.string(), ru: z.string() });
const titledSchema = z.object({ title: localizedSchema, number: z.number().optional() }).passthrough();

const CONTENT = path.resolve(import.meta.dirname, "../content/modules");

function titleOf(file: string): z.infer<typeof titledSchema> | undefined {
	try {
		const parsed = titledSchema.safeParse(matter(fs.readFileSync(file, "utf8")).data);
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

const withoutNumber = (name: string) => name.replace(/^\d+\./, "");

/** "Module 12 «Introduction to the DSM», «Dimensions, codelists and attributes» (/modules/…)". */
function sectionName(section: string, language: Language): string {
	const [, , slug, id] = section.split("/");
	let folders: string[] = [];
	try {
		folders = fs.readdirSync(CONTENT);
	} catch {
		return section;
	}
	const folder = folders.find((name) => withoutNumber(name) === slug);
	if (!folder) return section;
	const module = titleOf(path.join(CONTENT, folder, "module.mdx"));
	const file = fs.readdirSync(path.join(CONTENT, folder)).find((name) => withoutNumber(name) === `${id}.mdx`);
	const lesson = file ? titleOf(path.join(CONTENT, folder, file)) : undefined;
	if (!module || !lesson) return section;
	const number = module.number ?? Number(folder.split(".")[0]);
	return `${WORDS[language].module} ${number} «${module.title[language]}», «${lesson.title[language]}» (${section})`;
}

const cellList = (cells: readonly CellRef[], language: Language) =>
	cells.map((cell) => formatCell(cell, language)).join("; ");

function printGroup(group: IssueGroup, language: Language): void {
	const words = WORDS[language];
	console.log("");
	console.log(`${group.rule} · ${words.severity[group.severity]} · ${words.findings(group.count)}`);
	console.log(`  ${words.section}: ${sectionName(group.section, language)}`);
	for (const issue of group.examples) {
		const where = cellList(issue.cells.slice(0, 4), language);
		console.log(`  - ${where ? `${where}: ` : ""}${issue.message[language]}`);
	}
	if (group.count > group.examples.length) console.log(`  ${words.more(group.count - group.examples.length)}`);
}

/** The header (counts per severity and per rule), then each rule's findings with its section. */
function printReport(issues: readonly Issue[], language: Language): void {
	const words = WORDS[language];
	const { groups, summary } = groupIssues(issues, { examples: EXAMPLES_PER_RULE });
	console.log(words.counts(summary.bySeverity.error, summary.bySeverity.warning));
	const width = Math.max(0, ...summary.byRule.map((rule) => rule.rule.length));
	for (const rule of summary.byRule)
		console.log(
			`  ${rule.rule.padEnd(width)}  ${words.severity[rule.severity].padEnd(14)} ${String(rule.count).padStart(6)}`,
		);
	for (const group of groups) printGroup(group, language);
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

function contextJson(file: string): unknown {
	let text: string;
	try {
		text = fs.readFileSync(file, "utf8");
	} catch (error) {
		throw fileError(file, error);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new FileError(`cannot read ${file}: it is not JSON`);
	}
}

/** The context of an exercise file (its "context" member) or of a plain JSON file, then the flags. */
function contextOf(options: Options): ValidationContext {
	if (options.period !== undefined && !parsePeriod(options.period))
		throw new UsageError("--period is 2024, 2024-Q1 or 2024-01");
	const json: unknown = options.context ? contextJson(options.context) : {};
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
	const words = WORDS[language];
	const encoding = read.encoding ? `, ${read.encoding}` : "";
	console.log(
		`${file}: ${read.format ?? words.unreadable}${encoding}, ${words.observations(read.observations.length)}`,
	);
	if (read.defaulted.length > 0) console.log(words.defaulted(read.defaulted.join(", ")));
	printReport(issues, language);
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
		if (error instanceof FileError) console.error(`dsm: ${error.message}`);
		else console.error(usage ? `${(error as Error).message}\n${USAGE}` : error);
		process.exitCode = usage || error instanceof FileError ? 2 : 1;
	},
);
