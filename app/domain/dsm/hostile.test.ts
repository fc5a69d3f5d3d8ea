import { describe, expect, it } from "vitest";
import { csvOfShortLines, xlsxBomb, xlsxWithFarCell } from "../../../tests/fixtures/dsm/hostile-files";
import { readDsmFile } from "./read-file";
import { READ_LIMITS } from "./rules/file";
import { writeSdmxCsv } from "./write-sdmx-csv";
import { writeXlsxTemplate } from "./write-xlsx";
import { zipSummary } from "./zip";
import { benchSubmission } from "../../../tests/bench/dsm-data";

/** The hardening probe's hostile files (issue 12, item 5), generated here: each refused fast, in bounded memory. */

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; heapMb: number }> {
	const before = process.memoryUsage().heapUsed;
	const started = performance.now();
	const result = await work();
	const seconds = (performance.now() - started) / 1000;
	return { result, seconds, heapMb: (process.memoryUsage().heapUsed - before) / 1024 / 1024 };
}

describe("hostile files", () => {
	it("an XLSX with one value at XFD1048576 is refused at once, naming the cell and the template's extent", async () => {
		const bytes = await xlsxWithFarCell();
		expect(bytes.length).toBeLessThan(60_000);
		const { result, seconds } = await timed(() => readDsmFile(bytes));
		expect(seconds).toBeLessThan(5);
		expect(result.observations).toEqual([]);
		expect(result.issues.map((issue) => issue.rule)).toEqual(["FILE-LIMIT"]);
		expect(result.issues[0]?.message.en).toBe(
			"Sheet IND1 has a value in XFD1048576, outside the template's table (which ends by CC1022). Delete what lies outside the table, or copy the table into a fresh template.",
		);
		expect(result.issues[0]?.cells).toEqual([{ sheet: "IND1", row: 1048576, column: "XFD" }]);
	});

	it("a small XLSX that expands to hundreds of MB is refused from its directory, before it is opened", async () => {
		const bytes = await xlsxBomb(360);
		expect(bytes.length).toBeLessThan(2_000_000);
		expect(zipSummary(bytes)?.expandedBytes).toBeGreaterThan(360 * 1024 * 1024);
		const { result, seconds, heapMb } = await timed(() => readDsmFile(bytes));
		expect(seconds).toBeLessThan(1);
		expect(heapMb).toBeLessThan(50);
		expect(result.issues.map((issue) => issue.message.en)).toEqual([
			expect.stringMatching(/^The workbook would expand to 360\.\d MB when opened; the limit is 40\.0 MB/),
		]);
	});

	it("a 19 MB CSV of short lines is refused at the line limit, in bounded time and memory", async () => {
		const bytes = csvOfShortLines(19);
		expect(bytes.length).toBeGreaterThan(19_000_000);
		const { result, seconds, heapMb } = await timed(() => readDsmFile(bytes));
		expect(seconds).toBeLessThan(5);
		expect(heapMb).toBeLessThan(400);
		expect(result.issues.map((issue) => issue.rule)).toEqual(["FILE-LIMIT"]);
		expect(result.issues[0]?.message.en).toContain("more than 200,000 lines");
		expect(result.issues[0]?.message.ru).toContain("больше 200\u00a0000 строк");
	});

	it("a line of a million cells, or too many cells in all, is refused with the limit stated", async () => {
		const wide = new TextEncoder().encode(`STRUCTURE,STRUCTURE_ID\n${",".repeat(1_000_000)}\n`);
		const { result } = await timed(() => readDsmFile(wide));
		expect(result.issues[0]?.message.en).toBe(
			`Line 2 has more than ${READ_LIMITS.cellsPerRow} cells; a DSM line has fewer than 20. Check the delimiter and the quotes.`,
		);
		const many = new TextEncoder().encode(`STRUCTURE,STRUCTURE_ID\n${`${",".repeat(80)}\n`.repeat(60_000)}`);
		expect((await readDsmFile(many)).issues[0]?.message.en).toContain("more than 4,000,000 cells in all");
	});

	it("real files stay well inside the limits: a filled template of 100,000 values, a CSV of 100,000 lines", async () => {
		const observations = benchSubmission(100_000);
		const workbook = await writeXlsxTemplate({ observations });
		const summary = zipSummary(workbook);
		expect(summary?.entries).toBeLessThan(READ_LIMITS.zipEntries / 10);
		expect(summary?.expandedBytes).toBeLessThan(READ_LIMITS.expandedBytes / 2);
		const read = await readDsmFile(workbook);
		expect(read.issues).toEqual([]);
		expect(read.observations).toHaveLength(100_000);
		const csv = await readDsmFile(new TextEncoder().encode(writeSdmxCsv(observations)));
		expect(csv.issues).toEqual([]);
		expect(csv.observations).toHaveLength(100_000);
	}, 120_000);
});
