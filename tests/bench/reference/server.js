// The reference's server: what remix-serve does (compression, the build's static files, Remix's
// Express handler), without its request log, on HOST:PORT. `npm run bench` starts it.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

process.chdir(new URL(".", import.meta.url).pathname);
if (process.env.BENCH_PROBE === "1" && process.send) await import("../probe.js");
const build = await import("./build/server/index.js");

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", () =>
	console.log(`reference on http://${process.env.HOST ?? "127.0.0.1"}:${process.env.PORT}`),
);
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => process.exit(0));
