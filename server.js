// The HTTP server: remix-serve's behaviour (compression, static files,
// PORT and HOST) plus what it cannot give the app: the client's address for
// the login limits, security headers on every response, the checks that
// run before Remix reads a request (origin, body limits), one context per
// request, pages compressed whole, and requests started a few per turn of
// the event loop.
// docs/decisions/0003-small-express-server.md, 0080-request-limits.md,
// 0090-one-context-per-request.md, 0092-buffered-render-and-compression.md,
// 0093-requests-started-per-turn.md
import fs from "node:fs";
import { promisify } from "node:util";
import zlib from "node:zlib";
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
app.use(admitted);
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
	app.use(compression());
	app.use(vite.middlewares);
} else {
	// Only the build's files touch the disk: /assets/…, and the few public files known at start
	// (favicon.svg, …). A page's address goes straight to Remix, with no file-system lookup.
	const assets = express.static("build/client/assets", { immutable: true, maxAge: "1y" });
	app.use("/assets", compression(), assets);
	const publicFiles = new Set(
		fs
			.readdirSync("build/client", { withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => `/${entry.name}`),
	);
	const files = express.static("build/client", { maxAge: "1h", index: false, redirect: false });
	const publicFile = compression();
	app.use((req, res, next) => (publicFiles.has(req.path) ? publicFile(req, res, () => files(req, res, next)) : next()));
}

if (process.env.BENCH_PROBE === "1" && process.send) await import("./tests/bench/probe.js");

const productionBuild = vite ? undefined : await import("./build/server/index.js");
const loadBuild = vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : () => productionBuild;
// The production build is handed over as an object: given a function, Remix derives its routes and
// static handler again on every request (a third of a page's CPU, flattening and ranking 62 routes).
const handleWithRemix = createRequestHandler(productionBuild ?? loadBuild, process.env.NODE_ENV);

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
		const { guardRequest, finishResponse, runInRequest } = build.entry.module;
		const request = webRequest(req, res);
		// One object for the whole request, whichever loaders run (app/utils/request-context.server.ts).
		const context = {
			clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
			document: (req.method === "GET" || req.method === "HEAD") && !req.path.endsWith(".data"),
			queries: 0,
		};
		const response = await runInRequest(context, async () => {
			const checked = await guardRequest(request, build);
			return checked instanceof Response ? checked : handleWithRemix(checked, context);
		});
		if (process.env.BENCH_PROBE === "1") response.headers.set("X-Bench-Queries", String(context.queries));
		const { pageParts } = context;
		const { gzipPage, holdsTexts, pageBytes } = build.entry.module;
		const page = pageParts && {
			held: holdsTexts(pageParts),
			gzip: (level) => gzipPage(pageParts, level),
			bytes: () => pageBytes(pageParts),
		};
		await send(req, res, finishResponse(request, response), page);
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
 * and an abort signal for a client that goes away before the answer. The signal also aborts once
 * the answer is sent: Remix clears the 5 s timer it arms for each request only then, and until
 * the timer fires it holds the request's context, the page's bytes with it
 * (docs/decisions/0112-request-signal-ends-with-its-response.md).
 */
function webRequest(req, res) {
	const port = (req.get("X-Forwarded-Host") ?? req.get("Host") ?? "").split(":")[1];
	const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
	const headers = new Headers();
	for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
	const controller = new AbortController();
	res.on("close", () => controller.abort());
	const hasBody = req.method !== "GET" && req.method !== "HEAD";
	return new Request(url, {
		method: req.method,
		headers,
		signal: controller.signal,
		...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
	});
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
/**
 * Levels that cost little CPU for most of the gain, as a page is compressed at every request.
 * Measured on the pages themselves: gzip 3 takes 0.17 ms on a 19 kB lesson page and 0.22 ms on a
 * 33 kB quiz attempt page, for 3 % more bytes than gzip 4 (0.21 and 0.29 ms); on the 280 kB
 * cohort dashboard it is both faster (0.74 against 1.12 ms) and smaller. Brotli 4 (0.28 ms on the
 * lesson) gives 4 % fewer bytes than gzip 4, for the browsers that take it.
 */
const GZIP_OPTIONS = { level: 3 };
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
/** Below this a compressed body is hardly smaller. */
const MIN_COMPRESS_BYTES = 1024;
/** Up to this a body is compressed at once (a fraction of a millisecond); a larger one in zlib's thread pool. */
const SYNC_COMPRESS_BYTES = 64 * 1024;

/**
 * Sends Remix's answer. A text body is read whole and compressed in one piece instead of chunk by
 * chunk as it streams; a download or any other body streams through as it comes. A rendered page
 * comes as its bytes (`page`), not read back from the Response; one with held texts in it is
 * gzipped from parts mostly deflated before (docs/decisions/0106-held-html-spliced-as-bytes.md).
 */
async function send(req, res, response, page) {
	res.statusMessage = response.statusText;
	res.status(response.status);
	for (const [key, value] of response.headers.entries()) res.append(key, value);
	if (!response.body) return res.end();
	const type = response.headers.get("Content-Type") ?? "";
	if (
		!COMPRESSIBLE.test(type) ||
		response.headers.has("Content-Encoding") ||
		response.headers.has("Content-Disposition")
	)
		return writeReadableStreamToWritable(response.body, res);
	res.vary("Accept-Encoding");
	if (page) void response.body.cancel();
	if (page?.held) {
		// Gzip even where Brotli is taken: Brotli could not be put together from the parts.
		const gzipped = req.method !== "HEAD" && req.acceptsEncodings("gzip");
		return end(req, res, gzipped ? page.gzip(GZIP_OPTIONS.level) : page.bytes(), gzipped ? "gzip" : null);
	}
	let body = page ? page.bytes() : Buffer.from(await response.arrayBuffer());
	const encoding = body.length < MIN_COMPRESS_BYTES || req.method === "HEAD" ? null : acceptedEncoding(req);
	const small = body.length <= SYNC_COMPRESS_BYTES;
	if (encoding === "br")
		body = small ? zlib.brotliCompressSync(body, BROTLI_OPTIONS) : await brotli(body, BROTLI_OPTIONS);
	if (encoding === "gzip") body = small ? zlib.gzipSync(body, GZIP_OPTIONS) : await gzip(body, GZIP_OPTIONS);
	end(req, res, body, encoding);
}

function end(req, res, body, encoding) {
	if (encoding) res.set("Content-Encoding", encoding);
	res.set("Content-Length", String(body.length));
	res.end(req.method === "HEAD" ? undefined : body);
}

/** The encoding to send: Brotli where the browser takes it, else gzip, else none. */
function acceptedEncoding(req) {
	const accepted = req.acceptsEncodings("br", "gzip", "identity");
	return accepted === "br" || accepted === "gzip" ? accepted : null;
}

/**
 * At most a few requests start in one turn of the event loop. A request runs on the CPU from
 * start to finish (SQLite answers synchronously), so a turn that started every request whose
 * bytes had arrived would run for hundreds of milliseconds under load while new connections
 * wait to be accepted. The rest wait, in order, for the next turns; each turn also polls the
 * sockets, so a new connection's request joins the queue behind them.
 */
// Six since 2026-12-08 (docs/decisions/0093, revisited twice): fewer turns cost less CPU per
// request, and the queue it shortens kept the POST's p99 low; eight made the tail longer.
const STARTS_PER_TURN = 6;
const waiting = [];
let startedThisTurn = 0;
let turnScheduled = false;

function admitted(_req, _res, next) {
	if (startedThisTurn < STARTS_PER_TURN && waiting.length === 0) {
		startedThisTurn++;
		scheduleTurn();
		next();
	} else {
		waiting.push(next);
		scheduleTurn();
	}
}

function scheduleTurn() {
	if (turnScheduled) return;
	turnScheduled = true;
	setImmediate(nextTurn);
}

function nextTurn() {
	turnScheduled = false;
	startedThisTurn = 0;
	while (waiting.length > 0 && startedThisTurn < STARTS_PER_TURN) {
		startedThisTurn++;
		waiting.shift()();
	}
	if (waiting.length > 0 || startedThisTurn > 0) scheduleTurn();
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
