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
	const targets: Target[] = [
		{ name: "static file (reference)", path: "/favicon.svg" },
		{ name: "login page", path: "/login" },
		{ name: "home, signed in", path: "/", cookie: trainee },
		{ name: "module section page", path: "/modules/basic-concepts-and-categories/usual-residence", cookie: trainee },
		{ name: "quiz attempt page", path: quiz.openAttemptPath, cookie: submitter },
		{ name: "IT assessment step", path: assessment.step, cookie: assessor },
		{ name: "IT assessment report", path: assessment.report, cookie: assessor },
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
	const memory = server.memory();

	printReport(rows, javascript);
	console.log(
		`\nModule 4 (${compile.files} MDX files) compiled and rendered: cold ${compile.coldMs.toFixed(0)} ms, from cache ${compile.cachedMs.toFixed(2)} ms`,
	);
	console.log(
		`Server memory after the runs: ${memory.rssMiB.toFixed(0)} MiB resident, ${memory.peakMiB.toFixed(0)} MiB at the peak`,
	);
	fs.mkdirSync("bench-results", { recursive: true });
	fs.writeFileSync(
		"bench-results/latest.json",
		JSON.stringify({ date: new Date().toISOString(), rows, javascript, compile, memory }, null, 2),
	);
	const over = javascript.filter((j) => j.gzipBytes > JS_BUDGET_BYTES);
	if (over.length) {
		console.error(`Over the 110 kB JavaScript budget: ${over.map((j) => j.name).join(", ")}`);
		process.exitCode = 1;
	}
} finally {
	await server.stop();
}

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
