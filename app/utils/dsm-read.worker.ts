/**
 * The worker that reads one uploaded DSM file (app/utils/dsm-read.server.ts): it receives the
 * bytes and the read options, runs the engine's readDsmFile and posts back the ReadResult. Its
 * memory is capped by the Worker's resourceLimits, so a hostile file can only kill this thread.
 * Built for production by `npm run build` into build/server/dsm-read.worker.mjs.
 */
import { parentPort } from "node:worker_threads";
import { readDsmFile, type ReadOptions } from "../domain/dsm/read-file";

if (!parentPort) throw new Error("dsm-read.worker runs as a worker thread only");
const port = parentPort;

port.once("message", (message: { bytes: Uint8Array; options: ReadOptions }) => {
	readDsmFile(message.bytes, message.options).then(
		(result) => port.postMessage({ ok: true, result }),
		(error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
	);
});
