/**
 * npm run bench:dsm
 *
 * Observations per second for reading and validating a 100,000-observation SDMX-CSV file, next
 * to a plain csv-parse of the same file in the same run. The engine passes when read + validate
 * keeps at least half the pace of the bare parse (ratio ≥ 0.5), i.e. when validating costs no
 * more than parsing. The file is generated in a temporary folder and removed afterwards.
 *
 * Then the upload's size, 10,000 observations (benchSdmxCsv, which the sandbox's web bench sends
 * too): read + validate in this thread, and read in the upload's worker (readUploadedDsmFile,
 * memory-limited, the built worker when `npm run build` has run) + validate.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { CITIZENS_FOR_BENCH, UPLOAD_BENCH_OBSERVATIONS, benchSdmxCsv, benchSubmission, timeEngine } from "./dsm-data";
import { readUploadedDsmFile } from "~/utils/dsm-read.server";
import { readDsmText } from "~/domain/dsm/read-file";
import { validate } from "~/domain/dsm/validate";
import { writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";

const OBSERVATIONS = 100_000;
const RUNS = 5;
const REQUIRED_RATIO = 0.5;

function timed<T>(work: () => T): { result: T; seconds: number } {
	const start = performance.now();
	const result = work();
	return { result, seconds: (performance.now() - start) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-bench-"));
try {
	const file = path.join(directory, "submission.sdmx.csv");
	fs.writeFileSync(file, writeSdmxCsv(benchSubmission(OBSERVATIONS)));
	const bytes = new Uint8Array(fs.readFileSync(file));
	const context = { country: "XA", window: { from: "2024", to: "2024" }, today: new Date("2025-06-01") };

	const parseSeconds: number[] = [];
	const readSeconds: number[] = [];
	const validateSeconds: number[] = [];
	let issues = 0;
	for (let run = 0; run < RUNS; run++) {
		parseSeconds.push(timed(() => parse(new TextDecoder().decode(bytes), { skip_empty_lines: true })).seconds);
		const read = timed(() => readDsmText(bytes));
		if (read.result.observations.length !== OBSERVATIONS)
			throw new Error(`read ${read.result.observations.length} observations`);
		readSeconds.push(read.seconds);
		const validated = timed(() => validate(read.result.observations, context));
		validateSeconds.push(validated.seconds);
		issues = read.result.issues.length + validated.result.length;
	}

	const parseRate = OBSERVATIONS / median(parseSeconds);
	const engineSeconds = median(readSeconds.map((seconds, run) => seconds + (validateSeconds[run] ?? 0)));
	const engineRate = OBSERVATIONS / engineSeconds;
	const ratio = engineRate / parseRate;
	const perSecond = (rate: number) => Math.round(rate).toLocaleString("en");
	const rows = [
		["csv-parse (sync), rows only", median(parseSeconds), parseRate],
		["DSM read (decode, parse, map)", median(readSeconds), OBSERVATIONS / median(readSeconds)],
		["DSM validate (rules 3–25)", median(validateSeconds), OBSERVATIONS / median(validateSeconds)],
		["DSM read + validate", engineSeconds, engineRate],
	] as const;
	console.log(
		`${OBSERVATIONS.toLocaleString("en")} observations, ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${CITIZENS_FOR_BENCH} citizenships, median of ${RUNS} runs, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}`,
	);
	console.log("| step | seconds | observations/s |\n| --- | ---: | ---: |");
	for (const [step, seconds, rate] of rows) console.log(`| ${step} | ${seconds.toFixed(3)} | ${perSecond(rate)} |`);
	console.log(
		`ratio (read + validate) / csv-parse: ${ratio.toFixed(2)} (required ≥ ${REQUIRED_RATIO}); issues in the clean file: ${issues}`,
	);
	console.log("(the upload below is validated as well: its issues must be 0 too)");

	const upload = benchSdmxCsv(UPLOAD_BENCH_OBSERVATIONS);
	const inThread = await timeEngine(upload, { runs: RUNS });
	// The worker as production runs it (built by npm run build), else from the sources through tsx.
	const built = path.resolve("build/server/dsm-read.worker.mjs");
	const workerFile = fs.existsSync(built) ? built : undefined;
	const inWorker = await timeEngine(upload, {
		runs: RUNS,
		read: (bytes) => readUploadedDsmFile(bytes, { workerFile }),
	});
	console.log(
		`\n${UPLOAD_BENCH_OBSERVATIONS.toLocaleString("en")} observations (the upload), ${(upload.length / 1024 / 1024).toFixed(2)} MB, median of ${RUNS} runs`,
	);
	console.log("| step | read s | validate s | read + validate s |\n| --- | ---: | ---: | ---: |");
	for (const [step, times] of [
		["in this thread (readDsmFile)", inThread],
		[`read in the upload's worker (readUploadedDsmFile, ${workerFile ? "built" : "from sources"})`, inWorker],
	] as const)
		console.log(`| ${step} | ${times.read.toFixed(3)} | ${times.validate.toFixed(3)} | ${times.total.toFixed(3)} |`);
	const uploadIssues = inThread.issues + inWorker.issues;
	if (inThread.observations !== UPLOAD_BENCH_OBSERVATIONS || inWorker.observations !== UPLOAD_BENCH_OBSERVATIONS)
		throw new Error(`the upload read ${inThread.observations} / ${inWorker.observations} observations`);

	if (ratio < REQUIRED_RATIO || issues > 0 || uploadIssues > 0) {
		console.error("FAIL");
		process.exitCode = 1;
	} else console.log("PASS");
} finally {
	fs.rmSync(directory, { recursive: true, force: true });
}
