import { describe, expect, it } from "vitest";
import { benchSubmission } from "../../tests/bench/dsm-data";
import { xlsxBomb } from "../../tests/fixtures/dsm/hostile-files";
import { readDsmFile } from "~/domain/dsm/read-file";
import { writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";
import { readUploadedDsmFile } from "./dsm-read.server";

const SMALL = new TextEncoder().encode(
	"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,STAGE,UNIT,OBS_VALUE\ndataflow,DSM:DF_IND2(1.0.0),I,A,KZ,2024,UZ,F,APPLIED,PER,120\n",
);

describe("readUploadedDsmFile: the engine's reader in a worker with a memory limit and a timeout", () => {
	it("gives what readDsmFile gives, and leaves the caller's bytes usable", async () => {
		const bytes = SMALL.slice();
		expect(await readUploadedDsmFile(bytes)).toEqual(await readDsmFile(SMALL));
		expect(bytes).toEqual(SMALL);
		expect((await readUploadedDsmFile(new Uint8Array())).issues.map((issue) => issue.rule)).toEqual(["FILE-EMPTY"]);
	});

	it("a file that needs more memory than the worker has ends with the message; the process carries on", async () => {
		const big = new TextEncoder().encode(writeSdmxCsv(benchSubmission(100_000)));
		const heapBefore = process.memoryUsage().heapUsed;
		const starved = await readUploadedDsmFile(big, { memoryMb: 16 });
		expect(starved.observations).toEqual([]);
		expect(starved.issues.map((issue) => issue.message.en)).toEqual([
			"Reading the file needed more than 16 MB of memory, so it was stopped. Split the file by indicator or by period, or save it as SDMX-CSV.",
		]);
		expect(starved.issues[0]?.message.ru).toContain("больше 16 МБ памяти");
		expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
		// The same file with the default limit is read in full, and a small one after it too.
		const read = await readUploadedDsmFile(big);
		expect(read.issues).toEqual([]);
		expect(read.observations).toHaveLength(100_000);
		expect((await readUploadedDsmFile(SMALL)).observations).toHaveLength(1);
	}, 60_000);

	it("a read that takes too long is stopped at the timeout", async () => {
		const big = new TextEncoder().encode(writeSdmxCsv(benchSubmission(50_000)));
		const started = performance.now();
		const slow = await readUploadedDsmFile(big, { timeoutMs: 200 });
		expect(performance.now() - started).toBeLessThan(5_000);
		expect(slow.issues.map((issue) => issue.message.en)).toEqual([
			"Reading the file took longer than 0.2 s, so it was stopped. Split the file by indicator or by period, or save it as SDMX-CSV.",
		]);
	}, 60_000);

	it("a workbook whose directory lies about its size ends as a failed read, never a crash", async () => {
		const bomb = await xlsxBomb(100, { lie: true });
		const read = await readUploadedDsmFile(bomb);
		expect(read.observations).toEqual([]);
		expect(read.issues).toHaveLength(1);
		expect(["FILE-FORMAT", "FILE-LIMIT"]).toContain(read.issues[0]?.rule);
		expect((await readUploadedDsmFile(SMALL)).observations).toHaveLength(1);
	}, 60_000);
});
