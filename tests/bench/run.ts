/**
 * `npm run bench`: builds, serves the production build on 127.0.0.1 with demo
 * data, and measures each page with autocannon at 10 and 50 connections
 * next to a static file of the same server (the reference), then the
 * gzipped JavaScript each page loads. Prints a markdown table for the README
 * and writes bench-results/latest.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { assessmentPaths } from "./assessment";
import { measureItemAnalysis, median, prepareCohorts } from "./cohorts";
import { measureCompile, prepareQuizSubmissions } from "./learning";
import { portFrom } from "../utils/free-port";
import { loginCookie, request, startBenchServer } from "./server";

const PORT = portFrom(process.env.BENCH_PORT);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = [10, 50];
const JS_BUDGET_BYTES = 110 * 1024;

type Target = {
	name: string;
	path: string;
	cookie?: string;
	method?: "GET" | "POST";
	body?: string;
	/** A new path for every request (each quiz submission needs an open attempt of its own). */
	nextPath?: () => string;
	/** Not a page a browser loads, so it has no JavaScript to weigh. */
	noPage?: boolean;
};
type Row = { name: string; connections: number; rps: number; p50: number; p99: number; errors: number };

execFileSync("npm", ["run", "build"], { stdio: "inherit" });
const server = await startBenchServer(PORT);
try {
	const trainee = await loginCookie(server.origin, "trainee@example.org", DEMO_PASSWORD);
	// Submissions by another learner, so that the pages above are measured for a learner with a normal history.
	const quiz = await prepareQuizSubmissions(server.database, "trainee8@example.org");
	const submitter = await loginCookie(server.origin, "trainee8@example.org", DEMO_PASSWORD);
	const assessor = await loginCookie(server.origin, "assessor2@example.org", DEMO_PASSWORD);
	const assessment = await assessmentPaths(server.database, "Migration service (demo), Kyrgyzstan");
	// Cohorts of the size (README, Benchmark: Cohorts), in the bench's own database.
	const cohorts = await prepareCohorts(server.database, {
		trainerEmail: "trainer@example.org",
		trainees: 200,
		attempts: 3,
		itemAttempts: 10_000,
	});
	const trainer = await loginCookie(server.origin, "trainer@example.org", DEMO_PASSWORD);
	const dashboardName = `cohort dashboard (200 trainees × ${cohorts.modules} modules)`;
	const targets: Target[] = [
		{ name: "static file (reference)", path: "/favicon.svg" },
		{ name: "login page", path: "/login" },
		{ name: "home, signed in", path: "/", cookie: trainee },
		{ name: "module section page", path: "/modules/basic-concepts-and-categories/usual-residence", cookie: trainee },
		{ name: "quiz attempt page", path: quiz.openAttemptPath, cookie: submitter },
		{ name: "IT assessment step", path: assessment.step, cookie: assessor },
		{ name: "IT assessment report", path: assessment.report, cookie: assessor },
		{ name: dashboardName, path: cohorts.dashboardPath, cookie: trainer },
		{
			name: "quiz submission (POST, graded)",
			path: quiz.nextPath(),
			cookie: submitter,
			method: "POST",
			body: quiz.body,
			nextPath: quiz.nextPath,
			noPage: true,
		},
	];

	const rows: Row[] = [];
	for (const target of targets) {
		for (const connections of CONNECTIONS) rows.push(await measure(server.origin, target, connections));
	}
	const pages = targets.filter((t) => !t.name.includes("reference") && !t.noPage);
	const javascript = await Promise.all(pages.map((page) => javascriptOf(server.origin, page)));
	const compile = await measureCompile("basic-concepts-and-categories");
	const dashboardPage = await pageWeight(server.origin, cohorts.dashboardPath, trainer);
	const items = await measureItemAnalysis(server.database, cohorts.itemsCohortId);
	const itemsPage = await timePage(server.origin, cohorts.itemsPath, trainer);
	const memory = server.memory();

	printReport(rows, javascript);
	const cohortChecks = printCohorts(
		rows,
		dashboardName,
		dashboardPage,
		{ ...items, questions: cohorts.questions },
		itemsPage,
	);
	console.log(
		`\nModule 4 (${compile.files} MDX files) compiled and rendered: cold ${compile.coldMs.toFixed(0)} ms, from cache ${compile.cachedMs.toFixed(2)} ms`,
	);
	console.log(
		`Server memory after the runs: ${memory.rssMiB.toFixed(0)} MiB resident, ${memory.peakMiB.toFixed(0)} MiB at the peak`,
	);
	fs.mkdirSync("bench-results", { recursive: true });
	fs.writeFileSync(
		"bench-results/latest.json",
		JSON.stringify(
			{
				date: new Date().toISOString(),
				rows,
				javascript,
				compile,
				memory,
				cohorts: { dashboardPage, items, itemsPage, checks: cohortChecks },
			},
			null,
			2,
		),
	);
	for (const failed of cohortChecks.filter((c) => !c.met)) {
		console.error(`Cohort target not met: ${failed.target}`);
		process.exitCode = 1;
	}
	const over = javascript.filter((j) => j.gzipBytes > JS_BUDGET_BYTES);
	if (over.length) {
		console.error(`Over the 110 kB JavaScript budget: ${over.map((j) => j.name).join(", ")}`);
		process.exitCode = 1;
	}
} finally {
	await server.stop();
}
await import("./processes").then((bench) => bench.benchProcesses(DURATION));

async function measure(origin: string, target: Target, connections: number): Promise<Row> {
	const result = await autocannon({
		url: origin + target.path,
		connections,
		duration: DURATION,
		method: target.method ?? "GET",
		body: target.body,
		...(target.nextPath
			? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: target.nextPath!() }) }] }
			: {}),
		headers: {
			"Accept-Encoding": "gzip",
			...(target.cookie ? { Cookie: target.cookie } : {}),
			...(target.body ? { "Content-Type": "application/x-www-form-urlencoded", Origin: origin } : {}),
		},
	});
	return {
		name: target.name,
		connections,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		// Redirects are answers too (a graded submission redirects to its review).
		errors: result.errors + result.timeouts + result["4xx"] + result["5xx"],
	};
}

/** The scripts a page loads (module scripts and modulepreloads), and their gzipped size. */
async function javascriptOf(origin: string, target: Target) {
	const html = await (
		await request(origin + target.path, { headers: target.cookie ? { Cookie: target.cookie } : {} })
	).text();
	const sources = new Set<string>();
	for (const match of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) sources.add(match[1]!);
	for (const match of html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)) sources.add(match[1]!);
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)|import \* as \w+ from "([^"]+\.js)"/g))
		sources.add((match[1] ?? match[2])!);
	let gzipBytes = 0;
	for (const src of sources) {
		const body = Buffer.from(await (await request(new URL(src, origin))).arrayBuffer());
		gzipBytes += gzipSync(body, { level: 9 }).length;
	}
	return { name: target.name, files: sources.size, gzipBytes };
}

function printReport(rows: Row[], javascript: Array<{ name: string; files: number; gzipBytes: number }>) {
	const reference = new Map(rows.filter((r) => r.name.includes("reference")).map((r) => [r.connections, r.rps]));
	console.log(`\nautocannon, ${DURATION} s per run, server on 127.0.0.1, ${new Date().toISOString().slice(0, 10)}\n`);
	console.log("| page | connections | req/s | ratio to static file | p50 ms | p99 ms | errors |");
	console.log("| --- | --- | --- | --- | --- | --- | --- |");
	for (const row of rows) {
		const ratio = row.rps / (reference.get(row.connections) ?? row.rps);
		console.log(
			`| ${row.name} | ${row.connections} | ${Math.round(row.rps)} | ${ratio.toFixed(2)} | ${row.p50} | ${row.p99} | ${row.errors} |`,
		);
	}
	console.log("\n| page | JavaScript files | gzipped JavaScript |");
	console.log("| --- | --- | --- |");
	for (const j of javascript) console.log(`| ${j.name} | ${j.files} | ${(j.gzipBytes / 1024).toFixed(1)} kB |`);
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
	rows: Row[],
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
