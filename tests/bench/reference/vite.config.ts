// The bench's reference (tests/bench/reference/README.md): a bare Remix app of the project's versions,
// built with the project's node_modules by `npm run bench`.
import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
	root,
	logLevel: "warn",
	plugins: [
		remix({
			appDirectory: "app",
			buildDirectory: "build",
			serverModuleFormat: "esm",
			future: {
				v3_fetcherPersist: true,
				v3_relativeSplatPath: true,
				v3_throwAbortReason: true,
				// As the app's (remix.config.js).
				v3_lazyRouteDiscovery: false,
				v3_singleFetch: true,
			},
		}),
	],
	build: { target: "es2020" },
});
