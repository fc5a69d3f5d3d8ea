// The HTTP server: remix-serve's behaviour (compression, static files,
// PORT and HOST) plus what it cannot give the app: the client's address for
// the login limits, security headers on every response, and the checks that
// run before Remix reads a request (origin, body limits).
// docs/decisions/0003-small-express-server.md, 0080-request-limits.md
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;

const vite = production
	? undefined
	: await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustedProxies(process.env.TRUST_PROXY));
app.use(compression());
app.use((_req, res, next) => {
	res.set({
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy": "strict-origin-when-cross-origin",
		"X-Frame-Options": "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
	});
	next();
});

if (vite) {
	app.use(vite.middlewares);
} else {
	app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
	app.use(express.static("build/client", { maxAge: "1h" }));
}

const productionBuild = vite ? undefined : await import("./build/server/index.js");
const loadBuild = vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : () => productionBuild;
const handleWithRemix = createRequestHandler(loadBuild, process.env.NODE_ENV);

// The build's entry module (app/entry.server.tsx) brings the checks: guardRequest answers a
// refused request itself (403, 413, 415) and hands the others on with their body read;
// finishResponse adds the headers that depend on the request (HSTS, Cache-Control).
app.all("*", async (req, res, next) => {
	// A body the app did not read to its end (refused, or an action that answered before reading
	// it) would stall the next request on a kept-alive connection. Its rest is read and thrown
	// away, so the client takes the answer and may send the next request; a body still coming
	// after five seconds is cut off with its connection.
	res.on("finish", () => {
		if (req.complete) return;
		const cutOff = setTimeout(() => req.socket.destroy(), 5_000);
		req.once("end", () => clearTimeout(cutOff));
		req.removeAllListeners("data");
		req.resume();
	});
	try {
		const build = await loadBuild();
		const { guardRequest, finishResponse } = build.entry.module;
		const request = webRequest(req, res);
		const checked = await guardRequest(request, build);
		const response =
			checked instanceof Response
				? checked
				: await handleWithRemix(checked, { clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" });
		await send(res, finishResponse(request, response));
	} catch (error) {
		next(error);
	}
});

const onListen = () => console.log(`DSM Academy on http://${host ?? "localhost"}:${port}`);
const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);
// Longer than the idle timeout of common reverse proxies (60 s), so that the proxy, not Node,
// closes idle connections and never sends a request down one Node has just closed.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

/**
 * The Fetch API request Remix takes, as @remix-run/express makes it (it does not export this
 * part): the host as Express sees it behind a trusted proxy, every header, the body as a stream,
 * and an abort signal for a client that goes away before the answer.
 */
function webRequest(req, res) {
	const port = (req.get("X-Forwarded-Host") ?? req.get("Host") ?? "").split(":")[1];
	const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
	const headers = new Headers();
	for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
	const controller = new AbortController();
	res.on("close", () => !res.writableFinished && controller.abort());
	const hasBody = req.method !== "GET" && req.method !== "HEAD";
	return new Request(url, {
		method: req.method,
		headers,
		signal: controller.signal,
		...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
	});
}

async function send(res, response) {
	res.statusMessage = response.statusText;
	res.status(response.status);
	for (const [key, value] of response.headers.entries()) res.append(key, value);
	if (response.body) await writeReadableStreamToWritable(response.body, res);
	else res.end();
}

/**
 * Which proxies' X-Forwarded-For entries to believe (Express's "trust proxy"). `true` trusts the
 * one reverse proxy in front of the server, so the client is the right-most address it added,
 * never a left-most one a client can write itself; a number trusts that many hops; a list names
 * the proxies' addresses or subnets.
 */
function trustedProxies(setting = "false") {
	if (setting === "false" || setting === "") return false;
	if (setting === "true") return 1;
	if (/^\d+$/.test(setting)) return Number(setting);
	return setting.split(",").map((entry) => entry.trim());
}

// Finish the requests under way, then exit (process managers send SIGTERM).
for (const signal of ["SIGTERM", "SIGINT"]) {
	process.once(signal, () => {
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), 5_000).unref();
	});
}
