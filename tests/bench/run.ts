/**
 * `npm run bench`: builds the app and the bare Remix reference (tests/bench/reference), serves
 * both on 127.0.0.1 (the app with demo data), and measures each page with autocannon at 10 and
 * 50 connections, the targets taken in turn over several rounds so that the shared machine's
 * noise shows as a range. Every page's run lies between two runs of the bare Remix page and is
 * reported as a ratio to their mean (the machine's speed drifts within seconds), as server CPU
 * per request (read inside each server by tests/bench/probe.js), with its
 * p99 over all requests and over requests on already-open connections, and the event loop's
 * delay; then the gzipped JavaScript, HTML and CSS of each page, the queries it makes, and the
 * server's memory after the runs, after a forced collection and after a rest. Prints markdown
 * tables for the README and writes bench-results/latest.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { IDLE_MS as MDX_COMPILER_IDLE_MS } from "../../app/utils/mdx-compile.server";
import { assessmentPaths } from "./assessment";
import { measureItemAnalysis, median, prepareCohorts } from "./cohorts";
import { measureCompile, prepareQuizSubmissions } from "./learning";
import { freePort, portFrom } from "../utils/free-port";
import { measureSandboxUpload, printSandboxUpload } from "./sandbox";
import { loginCookie, request, startBenchServer, startReferenceServer, type BenchServer } from "./server";

const PORT = portFrom(process.env.BENCH_PORT);
const DURATION = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = [10, 50];
const JS_BUDGET_BYTES = 110 * 1024;
const LESSON_BUDGET_BYTES = 75 * 1024;
const MiB = 1024 * 1024;

type Target = {
	name: string;
	path: string;
	server: BenchServer;
	cookie?: string;
	method?: "GET" | "POST";
	body?: string;
	/** A new path for every request (each quiz submission needs an open attempt of its own). */
	nextPath?: () => string;
	/** Not a page a browser loads, so it has no JavaScript to weigh. */
	noPage?: boolean;
	/** One of the two references every page is compared with. */
	reference?: boolean;
};
type Run = {
	name: string;
	round: number;
	connections: number;
	rps: number;
	/** req/s over the mean of the bare Remix page's runs just before and just after this one. */
	ratio: number;
	requests: number;
	cpuMsPerRequest: number;
	p50: number;
	p99: number;
	/** p99 of the requests after each connection's first: without the wait to be accepted. */
	p99Open: number;
	loopDelayP99Ms: number;
	loopDelayMaxMs: number;
	errors: number;
	/** CPU the machine spent on anything but the server and the bench over the run, in cores. */
	otherCores: number;
};

const started = Date.now();
const loadAtStart = os.loadavg()[0]!.toFixed(1);
execFileSync("npm", ["run", "build"], { stdio: "inherit" });
execFileSync("npx", ["remix", "vite:build", "--config", "vite.config.ts"], {
	stdio: "inherit",
	cwd: "tests/bench/reference",
});
const server = await startBenchServer(PORT);
const reference = await startReferenceServer(freePort());
try {
	const trainee = await loginCookie(server.origin, "trainee@example.org", DEMO_PASSWORD);
	// Submissions by another learner, so that the pages above are measured for a learner with a normal history.
	const quiz = await prepareQuizSubmissions(server.database, "trainee8@example.org");
	const submitter = await loginCookie(server.origin, "trainee8@example.org", DEMO_PASSWORD);
	const assessor = await loginCookie(server.origin, "assessor2@example.org", DEMO_PASSWORD);
	const assessment = await assessmentPaths(server.database, "Migration service (demo), Kyrgyzstan");
	// Cohorts of the issue's size (README, Benchmark: Cohorts), in the bench's own database.
	const cohorts = await prepareCohorts(server.database, {
		trainerEmail: "trainer@example.org",
		trainees: 200,
		attempts: 3,
		itemAttempts: 10_000,
	});
	const trainer = await loginCookie(server.origin, "trainer@example.org", DEMO_PASSWORD);
	const dashboardName = `cohort dashboard (200 trainees × ${cohorts.modules} modules)`;
	const sectionPath = "/modules/basic-concepts-and-categories/usual-residence";
	const targets: Target[] = [
		{ name: "bare Remix page (reference)", path: "/", server: reference, reference: true },
		{ name: "static file (reference)", path: "/favicon.svg", server, reference: true, noPage: true },
		{ name: "login page", path: "/login", server },
		{ name: "home, signed in", path: "/", cookie: trainee, server },
		{ name: "module section page", path: sectionPath, cookie: trainee, server },
		{ name: "quiz attempt page", path: quiz.openAttemptPath, cookie: submitter, server },
		{ name: "IT assessment step", path: assessment.step, cookie: assessor, server },
		{ name: "IT assessment report", path: assessment.report, cookie: assessor, server },
		{ name: dashboardName, path: cohorts.dashboardPath, cookie: trainer, server },
		{
			name: "quiz submission (POST, graded)",
			path: quiz.nextPath(),
			cookie: submitter,
			method: "POST",
			body: quiz.body,
			nextPath: quiz.nextPath,
			noPage: true,
			server,
		},
	];

	// At rest with the content loaded: every page asked once (the lessons compiled), then collected
	// once the lessons' compiler has ended its thread, as it does when idle (mdx-compile.server.ts).
	for (const target of targets) if (!target.nextPath) await page(target);
	await new Promise((resolve) => setTimeout(resolve, MDX_COMPILER_IDLE_MS + 1000));
	const atRest = await server.probe("gc");
	// One run of each target first, not counted: both servers' code is compiled by V8's optimising
	// tiers before anything is measured (the bare page's first run read 282 req/s, its next 754).
	for (const target of targets) await measure(target, 10, 0, Math.min(DURATION, 2));

	// Each page between two runs of the bare page: on this shared machine the speed of the same
	// work drifts by 2-3 times within a minute, and a reference 40 s away says little of it.
	const runs: Run[] = [];
	const [bare, ...pagesMeasured] = targets;
	let afterRuns = atRest;
	for (let round = 1; round <= ROUNDS; round++) {
		for (const connections of CONNECTIONS) {
			const measureBare = async () => ({ ...(await measure(bare!, connections, round)), ratio: 1 });
			let before = await measureBare();
			runs.push(before);
			for (const target of pagesMeasured) {
				const run = await measure(target, connections, round);
				// The server's memory right after its last run, not after the bare page's that follows.
				afterRuns = await server.probe("stats");
				const after = await measureBare();
				run.ratio = run.rps / ((before.rps + after.rps) / 2);
				runs.push(run, after);
				before = after;
			}
		}
	}
	const afterGc = await server.probe("gc");
	await new Promise((resolve) => setTimeout(resolve, 10_000));
	const afterRest = await server.probe("stats");
	const referenceMemory = await reference.probe("gc");
	const peak = server.memory().peakMiB;

	const pages = targets.filter((t) => !t.noPage);
	const weights = [];
	for (const target of pages) weights.push(await weightOf(target));
	const post = targets.find((t) => t.method === "POST")!;
	const graded = await request(server.origin + post.nextPath!(), {
		method: "POST",
		body: post.body,
		headers: headersOf(post),
		redirect: "manual",
	});
	await graded.arrayBuffer();
	const postQueries = Number(graded.headers.get("X-Bench-Queries"));
	const compile = await measureCompile("basic-concepts-and-categories");
	const dashboardPage = await pageWeight(server.origin, cohorts.dashboardPath, trainer);
	const items = await measureItemAnalysis(server.database, cohorts.itemsCohortId);
	const itemsPage = await timePage(server.origin, cohorts.itemsPath, trainer);
	// A trainee of the demo uploads a 10,000-row file to a sandbox workspace of their own.
	const sandbox = await measureSandboxUpload(server.origin, trainee);

	const summary = summarise(runs, targets);
	printReport(summary, weights);
	printRounds(runs, targets);
	console.log(`\nSQL statements of a graded quiz submission (POST): ${postQueries}`);
	const memory = {
		atRestMiB: atRest.rssBytes / MiB,
		afterRunsMiB: afterRuns.rssBytes / MiB,
		afterGcMiB: afterGc.rssBytes / MiB,
		afterRestMiB: afterRest.rssBytes / MiB,
		heapAfterGcMiB: afterGc.heapUsedBytes / MiB,
		peakMiB: peak,
		referenceAfterGcMiB: referenceMemory.rssBytes / MiB,
	};
	console.log("\nServer memory (resident)");
	console.log("| when | MiB |");
	console.log("| --- | --- |");
	console.log(`| at rest, every page asked once, after a forced collection | ${memory.atRestMiB.toFixed(0)} |`);
	console.log(`| right after the last run | ${memory.afterRunsMiB.toFixed(0)} |`);
	console.log(
		`| after a forced collection | ${memory.afterGcMiB.toFixed(0)} (live heap ${memory.heapAfterGcMiB.toFixed(0)}) |`,
	);
	console.log(`| 10 s later, idle | ${memory.afterRestMiB.toFixed(0)} |`);
	console.log(`| peak during the bench | ${memory.peakMiB.toFixed(0)} |`);
	console.log(`| the bare Remix reference, after a forced collection | ${memory.referenceAfterGcMiB.toFixed(0)} |`);

	const cohortChecks = printCohorts(
		summary,
		dashboardName,
		dashboardPage,
		{ ...items, questions: cohorts.questions },
		itemsPage,
	);
	console.log(
		`\nModule 4 (${compile.files} MDX files) compiled and rendered: cold ${compile.coldMs.toFixed(0)} ms, from cache ${compile.cachedMs.toFixed(2)} ms`,
	);
	printSandboxUpload(sandbox);
	console.log(`Bench took ${((Date.now() - started) / 60_000).toFixed(1)} min`);
	fs.mkdirSync("bench-results", { recursive: true });
	fs.writeFileSync(
		"bench-results/latest.json",
		JSON.stringify(
			{
				date: new Date().toISOString(),
				durationSeconds: DURATION,
				rounds: ROUNDS,
				runs,
				summary,
				weights,
				postQueries,
				compile,
				memory,
				cohorts: { dashboardPage, items, itemsPage, checks: cohortChecks },
				sandbox,
			},
			null,
			2,
		),
	);
	for (const failed of cohortChecks.filter((c) => !c.met)) {
		console.error(`Cohort target not met: ${failed.target}`);
		process.exitCode = 1;
	}
	if (!sandbox.met) {
		console.error(
			`Sandbox target not met: a ${sandbox.rows}-row upload and its report took ${sandbox.webMs.toFixed(0)} ms`,
		);
		process.exitCode = 1;
	}
	const over = weights.filter((j) => j.jsGzipBytes > JS_BUDGET_BYTES);
	if (over.length) {
		console.error(`Over the 110 kB JavaScript budget: ${over.map((j) => j.name).join(", ")}`);
		process.exitCode = 1;
	}
	const lesson = weights.find((w) => w.name === "module section page")!;
	if (lesson.htmlGzipBytes + lesson.cssGzipBytes > LESSON_BUDGET_BYTES) {
		console.error("The lesson page's HTML and CSS are over 75 kB compressed");
		process.exitCode = 1;
	}
} finally {
	await server.stop();
	await reference.stop();
}
await import("./processes").then((bench) => bench.benchProcesses(DURATION));

/** One request for a page, as the runs send it: checks that it answers and fills the caches. */
async function page(target: Target) {
	const response = await request(target.server.origin + target.path, {
		headers: headersOf(target),
		redirect: "manual",
	});
	const body = await response.text();
	if (response.status >= 400) throw new Error(`${target.name}: ${target.path} answered ${response.status}`);
	return { response, body };
}

function headersOf(target: Target): Record<string, string> {
	return {
		"Accept-Encoding": "gzip",
		...(target.cookie ? { Cookie: target.cookie } : {}),
		...(target.body ? { "Content-Type": "application/x-www-form-urlencoded", Origin: target.server.origin } : {}),
	};
}

async function measure(target: Target, connections: number, round: number, seconds = DURATION): Promise<Run> {
	const before = await target.server.probe("reset");
	const busyBefore = machineBusyMs();
	const benchBefore = process.cpuUsage();
	const startedAt = performance.now();
	const all: number[] = [];
	const open: number[] = [];
	const seen = new WeakSet<object>();
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: target.server.origin + target.path,
				connections,
				duration: seconds,
				method: target.method ?? "GET",
				body: target.body,
				...(target.nextPath
					? {
							requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: target.nextPath!() }) }],
						}
					: {}),
				headers: headersOf(target),
			},
			(error, result) => (error ? reject(error) : resolve(result)),
		);
		instance.on("response", (client: object, _status: number, _bytes: number, responseTime: number) => {
			all.push(responseTime);
			if (seen.has(client)) open.push(responseTime);
			else seen.add(client);
		});
	});
	const after = await target.server.probe("stats");
	const wallMs = performance.now() - startedAt;
	const bench = process.cpuUsage(benchBefore);
	const serverMs = (after.cpuMicros - before.cpuMicros) / 1000;
	const otherMs = machineBusyMs() - busyBefore - serverMs - (bench.user + bench.system) / 1000;
	const answered = result.requests.total;
	return {
		name: target.name,
		round,
		connections,
		rps: result.requests.average,
		ratio: NaN, // set by the caller, from the bare page's runs around this one
		requests: answered,
		cpuMsPerRequest: serverMs / Math.max(answered, 1),
		p50: percentile(all, 50),
		p99: percentile(all, 99),
		p99Open: percentile(open, 99),
		loopDelayP99Ms: after.loopDelay.p99Ms,
		loopDelayMaxMs: after.loopDelay.maxMs,
		// Redirects are answers too (a graded submission redirects to its review).
		errors: result.errors + result.timeouts + result["4xx"] + result["5xx"],
		otherCores: Math.max(0, otherMs / wallMs),
	};
}

/**
 * CPU time the whole machine has been busy, all cores, from /proc/stat (stolen time counted as
 * busy: it is a core the machine did not get); NaN where there is none. Over a run, less the
 * server's and the bench's own, it tells how much else the shared machine was doing.
 */
function machineBusyMs() {
	try {
		const [user, nice, system, , , irq, softirq, steal] = fs
			.readFileSync("/proc/stat", "utf8")
			.split("\n", 1)[0]!
			.trim()
			.split(/\s+/)
			.slice(1)
			.map(Number);
		// USER_HZ is 100 on Linux whatever the kernel's own tick.
		return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * 10;
	} catch {
		return NaN;
	}
}

function percentile(values: number[], p: number) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Summary = {
	name: string;
	connections: number;
	rps: number;
	rpsMin: number;
	rpsMax: number;
	ratioMin: number;
	ratioMax: number;
	cpuMin: number;
	cpuMax: number;
	p50: number;
	p99: number;
	p99Max: number;
	p99Open: number;
	loopDelayP99Ms: number;
	loopDelayMaxMs: number;
	errors: number;
};

/** Per page and connections: the median over the rounds and the range; ratios to the bare page's runs around each. */
function summarise(runs: Run[], targets: Target[]): Summary[] {
	const rows: Summary[] = [];
	for (const connections of CONNECTIONS) {
		for (const target of targets) {
			const mine = runs.filter((r) => r.name === target.name && r.connections === connections);
			const ratios = mine.map((run) => run.ratio);
			const of = (pick: (r: Run) => number) => mine.map(pick);
			rows.push({
				name: target.name,
				connections,
				rps: median(of((r) => r.rps)),
				rpsMin: Math.min(...of((r) => r.rps)),
				rpsMax: Math.max(...of((r) => r.rps)),
				ratioMin: Math.min(...ratios),
				ratioMax: Math.max(...ratios),
				cpuMin: Math.min(...of((r) => r.cpuMsPerRequest)),
				cpuMax: Math.max(...of((r) => r.cpuMsPerRequest)),
				p50: median(of((r) => r.p50)),
				p99: median(of((r) => r.p99)),
				p99Max: Math.max(...of((r) => r.p99)),
				p99Open: median(of((r) => r.p99Open)),
				loopDelayP99Ms: median(of((r) => r.loopDelayP99Ms)),
				loopDelayMaxMs: Math.max(...of((r) => r.loopDelayMaxMs)),
				errors: of((r) => r.errors).reduce((a, b) => a + b, 0),
			});
		}
	}
	return rows;
}

function ms(value: number) {
	return Number.isNaN(value) ? "–" : Math.round(value).toString();
}

function range(min: number, max: number, digits: number) {
	return min.toFixed(digits) === max.toFixed(digits)
		? min.toFixed(digits)
		: `${min.toFixed(digits)}–${max.toFixed(digits)}`;
}

/**
 * What a browser downloads for a page, compressed as the server sends it with gzip: the HTML,
 * its stylesheets, and the scripts it loads (module scripts and modulepreloads); and the SQL
 * statements the server ran for it (counted only with the bench's probe).
 */
async function weightOf(target: Target) {
	const { response, body: html } = await page(target);
	const queries = Number(response.headers.get("X-Bench-Queries") ?? NaN);
	const origin = target.server.origin;
	const scripts = new Set<string>();
	for (const match of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) scripts.add(match[1]!);
	for (const match of html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)) scripts.add(match[1]!);
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)|import \* as \w+ from "([^"]+\.js)"/g))
		scripts.add((match[1] ?? match[2])!);
	const styles = new Set<string>();
	for (const match of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) styles.add(match[1]!);
	const gzipped = async (sources: Set<string>) => {
		let bytes = 0;
		for (const src of sources) {
			const body = Buffer.from(await (await request(new URL(src, origin))).arrayBuffer());
			bytes += gzipSync(body, { level: 6 }).length;
		}
		return bytes;
	};
	return {
		name: target.name,
		queries,
		htmlBytes: Buffer.byteLength(html),
		htmlGzipBytes: gzipSync(html, { level: 6 }).length,
		cssGzipBytes: await gzipped(styles),
		jsFiles: scripts.size,
		jsGzipBytes: await gzipped(scripts),
	};
}

function printReport(rows: Summary[], weights: Awaited<ReturnType<typeof weightOf>>[]) {
	console.log(
		`\nautocannon, ${ROUNDS} rounds × ${DURATION} s per page and connection count, the pages in turn, server on 127.0.0.1, ${new Date().toISOString().slice(0, 10)}`,
	);
	console.log(
		"Ranges are min–max over the rounds; req/s, p50 and p99 are medians of the rounds; each ratio is to the mean of the bare Remix page's runs just before and after.",
	);
	console.log(
		`Load average of the machine (${os.cpus().length} cores) at the start and the end: ${loadAtStart} → ${os.loadavg()[0]!.toFixed(1)}\n`,
	);
	console.log(
		"| page | connections | req/s | ratio to bare Remix | server CPU ms/request | p50 ms | p99 ms | p99 ms, open connections | event-loop delay p99 / max ms | errors |",
	);
	console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
	for (const row of rows) {
		console.log(
			`| ${row.name} | ${row.connections} | ${Math.round(row.rps)} (${range(row.rpsMin, row.rpsMax, 0)}) | ${range(row.ratioMin, row.ratioMax, 2)} | ${range(row.cpuMin, row.cpuMax, 2)} | ${ms(row.p50)} | ${ms(row.p99)} (max ${ms(row.p99Max)}) | ${ms(row.p99Open)} | ${row.loopDelayP99Ms.toFixed(0)} / ${row.loopDelayMaxMs.toFixed(0)} | ${row.errors} |`,
		);
	}
	const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
	console.log(
		"\n| page | SQL statements | HTML | HTML gzipped | CSS gzipped | JavaScript files | JavaScript gzipped |",
	);
	console.log("| --- | --- | --- | --- | --- | --- | --- |");
	for (const w of weights)
		console.log(
			`| ${w.name} | ${Number.isNaN(w.queries) ? "–" : w.queries} | ${kB(w.htmlBytes)} | ${kB(w.htmlGzipBytes)} | ${kB(w.cssGzipBytes)} | ${w.jsFiles} | ${kB(w.jsGzipBytes)} |`,
		);
}

/**
 * Each round's ratio to the bare Remix page, with what the rest of the machine was doing during
 * the run (cores busy with neither the server nor the bench), and the bare page's own req/s over
 * the round: how far the machine's speed drifted while the round ran.
 */
function printRounds(runs: Run[], targets: Target[]) {
	const rounds = Array.from({ length: ROUNDS }, (_, i) => i + 1);
	const cores = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(2));
	console.log(
		"\nEach round: ratio to the bare Remix page's runs before and after (other load on the machine during the run, in cores)",
	);
	console.log(`| page | connections | ${rounds.map((r) => `round ${r}`).join(" | ")} |`);
	console.log(`| --- | --- | ${rounds.map(() => "---").join(" | ")} |`);
	for (const connections of CONNECTIONS) {
		for (const target of targets) {
			const cells = rounds.map((round) => {
				const mine = runs.filter((r) => r.name === target.name && r.connections === connections && r.round === round);
				if (mine.length > 1) {
					const rps = mine.map((r) => r.rps);
					return `${range(Math.min(...rps), Math.max(...rps), 0)} req/s`;
				}
				return `${mine[0]!.ratio.toFixed(2)} (${cores(mine[0]!.otherCores)})`;
			});
			console.log(`| ${target.name} | ${connections} | ${cells.join(" | ")} |`);
		}
	}
}

/** A page's HTML as served, raw and gzipped. */
async function pageWeight(origin: string, path: string, cookie: string) {
	const html = Buffer.from(await (await request(origin + path, { headers: { Cookie: cookie } })).arrayBuffer());
	return { htmlBytes: html.length, gzipBytes: gzipSync(html).length };
}

/** The median time of five requests for a page, one after another. */
async function timePage(origin: string, path: string, cookie: string) {
	const times: number[] = [];
	for (let i = 0; i < 6; i++) {
		const started = performance.now();
		const response = await request(origin + path, { headers: { Cookie: cookie } });
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`${path} answered ${response.status}`);
		if (i > 0) times.push(performance.now() - started); // the first fills the content cache
	}
	return { medianMs: median(times), maxMs: Math.max(...times) };
}

function printCohorts(
	rows: Summary[],
	dashboardName: string,
	page: { htmlBytes: number; gzipBytes: number },
	items: { attempts: number; questions: number; readMs: number; statisticsMs: number; analysisMs: number },
	itemsPage: { medianMs: number; maxMs: number },
) {
	const rps = (name: string, connections: number) =>
		rows.find((r) => r.name === name && r.connections === connections)!.rps;
	const checks = CONNECTIONS.map((connections) => {
		const ratio = rps(dashboardName, connections) / rps("home, signed in", connections);
		return {
			target: `dashboard at ${connections} connections ≥ 0.5 × home page (${ratio.toFixed(2)})`,
			ratio,
			met: ratio >= 0.5,
		};
	});
	checks.push({
		target: `statistics (${items.statisticsMs.toFixed(0)} ms) faster than reading the attempts (${items.readMs.toFixed(0)} ms)`,
		ratio: items.statisticsMs / items.readMs,
		met: items.statisticsMs < items.readMs,
	});
	checks.push({
		target: `item analysis page under 1 s (${itemsPage.medianMs.toFixed(0)} ms)`,
		ratio: itemsPage.medianMs / 1000,
		met: itemsPage.medianMs < 1000,
	});
	console.log("\nCohorts");
	console.log("| figure | value |");
	console.log("| --- | --- |");
	for (const connections of CONNECTIONS) {
		console.log(
			`| dashboard ÷ home page, req/s at ${connections} connections | ${Math.round(rps(dashboardName, connections))} ÷ ${Math.round(rps("home, signed in", connections))} = ${(rps(dashboardName, connections) / rps("home, signed in", connections)).toFixed(2)} |`,
		);
	}
	console.log(
		`| dashboard HTML (200 × 16 cells) | ${(page.htmlBytes / 1024).toFixed(0)} kB, ${(page.gzipBytes / 1024).toFixed(0)} kB gzipped |`,
	);
	console.log(`| item analysis: attempts × questions | ${items.attempts} × ${items.questions} |`);
	console.log(`| reading the attempts from SQLite | ${items.readMs.toFixed(0)} ms |`);
	console.log(`| the statistics alone | ${items.statisticsMs.toFixed(0)} ms |`);
	console.log(`| statistics and answer counts | ${items.analysisMs.toFixed(0)} ms |`);
	console.log(
		`| the whole item analysis page | ${itemsPage.medianMs.toFixed(0)} ms (slowest ${itemsPage.maxMs.toFixed(0)} ms) |`,
	);
	return checks;
}
