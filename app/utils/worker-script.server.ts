import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The script of one of the server's worker threads (`<name>.worker.ts` in app/utils): in a build,
 * the bundle esbuild wrote beside the server bundle (build/server/<name>.worker.mjs, `npm run
 * build:worker`); from the sources (dev, tests), the TypeScript file, run through tsx.
 */
export function workerScript(name: string): { script: string; eval: boolean } {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const built = path.join(here, `${name}.worker.mjs`);
	if (fs.existsSync(built)) return { script: built, eval: false };
	const source = path.join(here, `${name}.worker.ts`);
	if (!fs.existsSync(source))
		throw new Error(`The ${name} worker is missing: neither ${built} nor ${source} exists (run npm run build)`);
	// From the sources: register tsx's loader in the worker, then load the TypeScript worker.
	const tsx = pathToFileURL(tsxEsmApi()).href;
	const script = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(source).href)}); });`;
	return { script, eval: true };
}

/** tsx's ESM API (its "import" export), found from its package.json: require.resolve would give the CommonJS one. */
function tsxEsmApi(): string {
	const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
	const exports = JSON.parse(fs.readFileSync(manifest, "utf8")).exports["./esm/api"];
	return path.join(path.dirname(manifest), exports.import.default);
}
