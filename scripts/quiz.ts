/**
 * npm run quiz -- stats FILE [--json] [--all]
 *
 * Moodle's quiz statistics (app/domain/quiz/statistics.ts) of the attempts in a JSON file:
 * `{ "questions": [{ "id", "maxMark" }], "attempts": [{ "userId", "first"?, "marks": { "<id>": n } }] }`.
 * Prints the test figures and a table of questions, or with --json
 * `{ attempts, mean, median, sd, skewness, kurtosis, alpha, errorRatio, standardError,
 *    questions: [{ id, facility, sd, discrimination, discriminativeEfficiency, effectiveWeight }] }`,
 * every figure as Moodle's report shows it (percent, skewness and kurtosis as numbers), null where
 * undefined. Each user's first attempt counts (the one marked `first`, else the first in the
 * file); --all counts every attempt. Exit code 1 for a file that cannot be read, 2 for wrong usage.
 */
import fs from "node:fs";
import { quizStatistics } from "~/domain/quiz/statistics";
import { statisticsInputSchema } from "~/domain/quiz/statistics-input";

const USAGE = "usage: npm run quiz -- stats FILE [--json] [--all]";

function main(args: string[]): number {
	const [command, ...rest] = args;
	const flags = new Set(rest.filter((arg) => arg.startsWith("--")));
	const files = rest.filter((arg) => !arg.startsWith("--"));
	if (command !== "stats" || files.length !== 1 || [...flags].some((flag) => flag !== "--json" && flag !== "--all")) {
		console.error(USAGE);
		return 2;
	}
	const file = files[0]!;
	let raw: unknown;
	try {
		raw = JSON.parse(fs.readFileSync(file, "utf8"));
	} catch (error) {
		console.error(`${file}: ${error instanceof SyntaxError ? `not JSON (${error.message})` : "cannot be read"}`);
		return 1;
	}
	const input = statisticsInputSchema.safeParse(raw);
	if (!input.success) {
		for (const issue of input.error.issues)
			console.error(`${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
		return 1;
	}
	const stats = quizStatistics(input.data.questions, input.data.attempts, flags.has("--all") ? "all" : "first");
	const report = {
		attempts: stats.attempts,
		mean: stats.mean,
		median: stats.median,
		sd: stats.sd,
		skewness: stats.skewness,
		kurtosis: stats.kurtosis,
		alpha: stats.alpha,
		errorRatio: stats.errorRatio,
		standardError: stats.standardError,
		questions: stats.questions.map((q) => ({
			id: q.id,
			facility: q.facility,
			sd: q.sd,
			discrimination: q.discrimination,
			discriminativeEfficiency: q.discriminativeEfficiency,
			effectiveWeight: q.effectiveWeight,
		})),
	};
	if (flags.has("--json")) {
		console.log(JSON.stringify(report, null, 2));
		return 0;
	}
	const pct = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)} %`);
	const num = (value: number | null) => (value === null ? "—" : value.toFixed(4));
	console.log(`attempts\t${report.attempts}`);
	console.log(`mean\t${pct(report.mean)}\nmedian\t${pct(report.median)}\nsd\t${pct(report.sd)}`);
	console.log(`skewness\t${num(report.skewness)}\nkurtosis\t${num(report.kurtosis)}`);
	console.log(
		`alpha\t${pct(report.alpha)}\nerror ratio\t${pct(report.errorRatio)}\nstandard error\t${pct(report.standardError)}`,
	);
	console.log("\nquestion\tfacility\tsd\tdiscrimination\tefficiency\teffective weight");
	for (const q of report.questions) {
		console.log(
			[
				q.id,
				pct(q.facility),
				pct(q.sd),
				pct(q.discrimination),
				pct(q.discriminativeEfficiency),
				pct(q.effectiveWeight),
			].join("\t"),
		);
	}
	return 0;
}

process.exitCode = main(process.argv.slice(2));
