import crypto from "node:crypto";
import { z } from "zod";
import { databaseUrl } from "./database-url";

const schema = z.object({
	NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
	DATABASE_URL: z.string().optional(),
	/** Signs the flash-message cookie; a random one per process when unset. */
	SESSION_SECRET: z.string().min(16).optional(),
	/**
	 * Secure cookies with the `__Host-` prefix. On by default in production;
	 * "false" only for an installation served over plain HTTP on a closed LAN.
	 */
	COOKIE_SECURE: z.enum(["true", "false"]).optional(),
	/**
	 * Behind a reverse proxy: which X-Forwarded-For hops to believe (read by server.js). "true"
	 * is the one proxy in front, a number that many hops, else a comma-separated list of proxy
	 * addresses, subnets or Express's names (loopback, uniquelocal); the client is the right-most
	 * address that no trusted proxy owns.
	 */
	TRUST_PROXY: z
		.string()
		.regex(/^[\w.:/]+(\s*,\s*[\w.:/]+)*$/, "true, false, a number of hops, or proxy addresses")
		.default("false"),
});

function parse() {
	const result = schema.safeParse(process.env);
	if (!result.success) {
		const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
		throw new Error(`Invalid environment:\n${problems.join("\n")}`);
	}
	const env = result.data;
	return {
		isProduction: env.NODE_ENV === "production",
		databaseUrl: databaseUrl(env.DATABASE_URL),
		sessionSecret: env.SESSION_SECRET ?? crypto.randomBytes(32).toString("hex"),
		secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : env.NODE_ENV === "production",
	};
}

export const env = parse();
