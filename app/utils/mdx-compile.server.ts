import { Worker } from "node:worker_threads";
import type { CompileAnswer, CompileRequest } from "./mdx-compile.worker";
import { workerScript } from "./worker-script.server";

/**
 * Lessons are compiled in a worker thread, ended once it has had nothing to do for IDLE_MS
 * (docs/decisions/0108-lessons-compiled-in-a-worker.md). Compiling in the server's own thread
 * kept mdx-bundler's compiler loaded for the life of the process: 60 MiB resident for what runs
 * once per lesson and language after a start or an edit. The first lesson after a quiet spell
 * waits for the worker to start (a few hundred milliseconds); the next ones use it.
 */
export const IDLE_MS = 5_000;

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (code: string) => void; reject: (error: Error) => void }>();

/** The bundled code of the MDX file, as mdx-bundler writes it for getMDXComponent. */
export function compileMdx(file: string, cwd: string): Promise<string> {
	const id = ++nextId;
	const running = worker ?? start();
	clearTimeout(idleTimer);
	return new Promise<string>((resolve, reject) => {
		pending.set(id, { resolve, reject });
		running.postMessage({ id, file, cwd } satisfies CompileRequest);
	});
}

/** Whether the compiler's thread is running (for the tests). */
export function compilerRunning() {
	return worker !== undefined;
}

function start(): Worker {
	const { script, eval: isEval } = workerScript("mdx-compile");
	const started = new Worker(script, { eval: isEval, stdout: false, stderr: false });
	// Neither the thread nor its idle timer keeps the process alive (a script, a test run).
	started.unref();
	started.on("message", (answer: CompileAnswer) => {
		const waiting = pending.get(answer.id);
		if (!waiting) return;
		pending.delete(answer.id);
		if ("code" in answer) waiting.resolve(answer.code);
		else waiting.reject(new Error(answer.error));
		if (pending.size === 0) idleTimer = setTimeout(stop, IDLE_MS).unref();
	});
	const fail = (error: Error) => {
		if (worker === started) worker = undefined;
		for (const waiting of pending.values()) waiting.reject(error);
		pending.clear();
	};
	started.on("error", fail);
	started.on("exit", (code) => fail(new Error(`The MDX compiler's thread ended (exit code ${code})`)));
	worker = started;
	return started;
}

/** Ends the idle thread; nothing waits on it, so its end rejects nothing. */
function stop() {
	const ending = worker;
	worker = undefined;
	ending?.removeAllListeners("exit").removeAllListeners("error");
	void ending?.terminate();
}
