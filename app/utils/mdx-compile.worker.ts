/**
 * The worker thread that compiles lessons (app/utils/mdx-compile.server.ts): it receives an MDX
 * file's path and folder, bundles it with mdx-bundler and remark-gfm, and posts back the code.
 * The compiler (esbuild's API, the unified, micromark and acorn packages) lives only here, so the
 * server's own memory does not keep it once the worker is ended.
 * Built for production by `npm run build` into build/server/mdx-compile.worker.mjs.
 */
import fs from "node:fs";
import { parentPort } from "node:worker_threads";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";

if (!parentPort) throw new Error("mdx-compile.worker runs as a worker thread only");
const port = parentPort;

export type CompileRequest = { id: number; file: string; cwd: string };
export type CompileAnswer = { id: number; code: string } | { id: number; error: string };

port.on("message", ({ id, file, cwd }: CompileRequest) => {
	bundleMDX({
		source: fs.readFileSync(file, "utf8"),
		cwd,
		mdxOptions(options) {
			options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
			return options;
		},
	}).then(
		({ code }) => port.postMessage({ id, code } satisfies CompileAnswer),
		(error: unknown) =>
			port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies CompileAnswer),
	);
});
