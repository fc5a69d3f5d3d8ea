import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
	interface Future {
		v3_singleFetch: true;
	}
}

export default defineConfig({
	plugins: [!process.env.VITEST && remix(remixConfig), tsconfigPaths()],
	build: { target: "es2020" },
	test: {
		include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts", "content/**/*.test.ts"],
		globalSetup: ["tests/setup/global-setup.ts"],
		setupFiles: ["tests/setup/setup-test-env.ts"],
		pool: "forks",
		testTimeout: 20_000,
	},
});
