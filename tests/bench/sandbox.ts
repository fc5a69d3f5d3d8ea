/**
 * The DSM practice sandbox's upload (issue 9, "Speed"): a 10,000-row SDMX-CSV file sent to
 * POST /sandbox/:id, read, validated, stored as a revision, and its report page rendered, timed
 * from the request to the last byte of the page; next to the engine's own read + validate of the
 * same file in the same process. Part of `npm run bench`; `npx tsx tests/bench/sandbox.ts` runs
 * it alone against a fresh bench server (after `npm run build`).
 */
import { pathToFileURL } from "node:url";
import { readDsmText } from "~/domain/dsm/read-file";
import { validate } from "~/domain/dsm/validate";
import { writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { portFrom } from "../utils/free-port";
import { benchSubmission } from "./dsm-data";
import { loginCookie, request, startBenchServer } from "./server";

export const SANDBOX_ROWS = 10_000;
export const SANDBOX_BUDGET_MS = 2_000;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export type SandboxUpload = {
	rows: number;
	fileBytes: number;
	/** Median of the upload (read, validate, store) and the report page after it, in ms. */
	webMs: number;
	uploadMs: number;
	pageMs: number;
	/** Median of the engine's read + validate of the same bytes, in ms. */
	engineMs: number;
	findings: number;
	met: boolean;
};

export async function measureSandboxUpload(origin: string, cookie: string): Promise<SandboxUpload> {
	const csv = writeSdmxCsv(benchSubmission(SANDBOX_ROWS));
	const bytes = new TextEncoder().encode(csv);
	const engine: number[] = [];
	let findings = 0;
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		const read = readDsmText(bytes);
		findings = read.issues.length + validate(read.observations, { country: "XA" }).length;
		engine.push(performance.now() - start);
	}
	const created = await request(`${origin}/sandbox`, {
		method: "POST",
		body: new URLSearchParams({ intent: "create-practice", country: "XA", period: "2024" }),
		headers: { Cookie: cookie, Origin: origin },
		redirect: "manual",
	});
	const workspace = created.headers.get("Location");
	if (created.status !== 302 || !workspace) throw new Error(`creating a workspace answered ${created.status}`);
	const uploads: number[] = [];
	const pages: number[] = [];
	const totals: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const body = new FormData();
		body.append("intent", "upload");
		body.append("file", new File([bytes], "bench.sdmx.csv", { type: "text/csv" }));
		const start = performance.now();
		const uploaded = await request(origin + workspace, {
			method: "POST",
			body,
			headers: { Cookie: cookie, Origin: origin },
			redirect: "manual",
		});
		await uploaded.arrayBuffer();
		if (uploaded.status !== 302) throw new Error(`the upload answered ${uploaded.status}`);
		const stored = performance.now();
		const page = await request(origin + workspace, { headers: { Cookie: cookie } });
		const html = await page.text();
		if (!page.ok || !html.includes('id="report"')) throw new Error(`the report page answered ${page.status}`);
		const end = performance.now();
		uploads.push(stored - start);
		pages.push(end - stored);
		totals.push(end - start);
	}
	const webMs = median(totals);
	return {
		rows: SANDBOX_ROWS,
		fileBytes: bytes.byteLength,
		webMs,
		uploadMs: median(uploads),
		pageMs: median(pages),
		engineMs: median(engine),
		findings,
		met: webMs < SANDBOX_BUDGET_MS,
	};
}

export function printSandboxUpload(result: SandboxUpload) {
	console.log(
		`\nSandbox upload of a ${result.rows.toLocaleString("en-GB")}-row SDMX-CSV file (${(result.fileBytes / 1024).toFixed(0)} KB, ${result.findings} findings), median of ${RUNS}:`,
	);
	console.log("| step | ms |");
	console.log("| --- | --- |");
	console.log(`| engine: read + validate, in process | ${result.engineMs.toFixed(0)} |`);
	console.log(`| web: upload read, validated, stored as a revision (POST) | ${result.uploadMs.toFixed(0)} |`);
	console.log(`| web: its report page rendered (GET) | ${result.pageMs.toFixed(0)} |`);
	console.log(
		`| web: both, end to end (target < ${SANDBOX_BUDGET_MS}) | ${result.webMs.toFixed(0)} ${result.met ? "" : "(over the target)"} |`,
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
	const server = await startBenchServer(portFrom(process.env.BENCH_PORT));
	try {
		const cookie = await loginCookie(server.origin, "trainee@example.org", DEMO_PASSWORD);
		const result = await measureSandboxUpload(server.origin, cookie);
		printSandboxUpload(result);
		if (!result.met) process.exitCode = 1;
	} finally {
		await server.stop();
	}
}
