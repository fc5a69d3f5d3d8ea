// The HTTP server: remix-serve's behaviour (compression, static files,
// PORT and HOST) plus what it cannot give the app: the client's address for
// the login limits, and security headers on every response.
// docs/decisions/0003-small-express-server.md
import { createRequestHandler } from "@remix-run/express";
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
app.set("trust proxy", process.env.TRUST_PROXY === "true");
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

app.all(
	"*",
	createRequestHandler({
		build: vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : await import("./build/server/index.js"),
		getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
	}),
);

const onListen = () => console.log(`DSM Academy on http://${host ?? "localhost"}:${port}`);
const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);
// Longer than the idle timeout of common reverse proxies (60 s), so that the proxy, not Node,
// closes idle connections and never sends a request down one Node has just closed.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// Finish the requests under way, then exit (process managers send SIGTERM).
for (const signal of ["SIGTERM", "SIGINT"]) {
	process.once(signal, () => {
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), 5_000).unref();
	});
}
