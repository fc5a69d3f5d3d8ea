import { Worker } from "node:worker_threads";
import { fileProblem } from "~/domain/dsm/encoding";
import type { ReadOptions } from "~/domain/dsm/read-file";
import { failedRead, type ReadResult } from "~/domain/dsm/read-result";
import { FILE_LIMIT } from "~/domain/dsm/rules/file";
import { issueOf } from "~/domain/dsm/rules/rule";
import { workerScript } from "./worker-script.server";

/**
 * Reads an uploaded DSM file where a hostile file cannot take the server down
 * (docs/decisions/0019-hostile-files.md): the engine's readDsmFile runs in a worker thread with
 * a memory limit and a timeout. The answer is always a ReadResult: the file's, or a failed read
 * with one FILE-… issue saying why (too big, ran out of memory, took too long). The server's own
 * memory and event loop are untouched; the worker is ended either way.
 */

export type UploadReadOptions = ReadOptions & {
	/** The worker's old-generation heap, in MB (256 unless told). */
	readonly memoryMb?: number;
	/** How long the read may take, in ms (20 s unless told). */
	readonly timeoutMs?: number;
	/** A built worker script to use instead of the one found beside this module (the bench uses build/server's). */
	readonly workerFile?: string;
};

export const UPLOAD_READ_MEMORY_MB = 256;
export const UPLOAD_READ_TIMEOUT_MS = 20_000;

type WorkerAnswer = { ok: true; result: ReadResult } | { ok: false; error: string };

export async function readUploadedDsmFile(bytes: Uint8Array, options: UploadReadOptions = {}): Promise<ReadResult> {
	// Refused at once, without a thread: empty or over the size limit.
	const problem = fileProblem(bytes);
	if (problem) return failedRead(problem);
	const { memoryMb = UPLOAD_READ_MEMORY_MB, timeoutMs = UPLOAD_READ_TIMEOUT_MS, workerFile, ...readOptions } = options;
	const { script, eval: isEval } = workerFile ? { script: workerFile, eval: false } : workerScript("dsm-read");
	const worker = new Worker(script, {
		eval: isEval,
		resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, memoryMb / 4) },
		stdout: false,
		stderr: false,
	});
	return new Promise<ReadResult>((resolve) => {
		let settled = false;
		const finish = (result: ReadResult) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			void worker.terminate();
			resolve(result);
		};
		const timer = setTimeout(
			() => finish(failedRead(issueOf(FILE_LIMIT, { kind: "time", seconds: Math.round(timeoutMs / 100) / 10 }))),
			timeoutMs,
		);
		worker.once("message", (answer: WorkerAnswer) => {
			if (answer.ok) finish(answer.result);
			else {
				console.error(`dsm-read worker: ${answer.error}`);
				finish(failedRead(issueOf(FILE_LIMIT, { kind: "crashed" })));
			}
		});
		worker.once("error", (error: Error & { code?: string }) => {
			if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
				finish(failedRead(issueOf(FILE_LIMIT, { kind: "memory", megabytes: memoryMb })));
			else {
				console.error(`dsm-read worker: ${error.message}`);
				finish(failedRead(issueOf(FILE_LIMIT, { kind: "crashed" })));
			}
		});
		worker.once("exit", () => {
			if (!settled) finish(failedRead(issueOf(FILE_LIMIT, { kind: "crashed" })));
		});
		// A copy goes to the worker (transferred, not cloned twice); the caller's bytes stay usable.
		const copy = bytes.slice();
		worker.postMessage({ bytes: copy, options: readOptions }, [copy.buffer]);
	});
}
