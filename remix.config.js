// The Remix options, kept here as the customer's layout asks; vite.config.ts
// passes them to the Remix Vite plugin.
import { flatRoutes } from "remix-flat-routes";

/** @type {import("@remix-run/dev").VitePluginConfig} */
export default {
	appDirectory: "app",
	serverModuleFormat: "esm",
	ignoredRouteFiles: ["**/*"],
	routes: async (defineRoutes) =>
		flatRoutes("routes", defineRoutes, {
			ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/*.server.{ts,tsx}", "**/.*"],
		}),
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		// Off: the whole route manifest is one cached file, not matched again for every page (docs/decisions/0095).
		v3_lazyRouteDiscovery: false,
		v3_singleFetch: true,
	},
};
