// `npm start`: one server process, or WEB_CONCURRENCY of them (node:cluster) sharing one port,
// each running server.js. The processes share nothing in memory that must agree: sessions,
// login limits and attempts are rows, and the caches of derived figures are off when there are
// several (docs/decisions/0103-several-processes.md). Several processes want PostgreSQL, or
// SQLite in WAL with writers waiting for one another (the default).
import cluster from "node:cluster";
import os from "node:os";

const workers = workerCount(process.env.WEB_CONCURRENCY);

if (workers <= 1 || !cluster.isPrimary) {
	await import("./server.js");
} else {
	console.log(`DSM Academy: ${workers} worker processes`);
	cluster.setupPrimary({ exec: new URL("./server.js", import.meta.url).pathname });
	let stopping = false;
	const started = new Map();
	const fork = () => started.set(cluster.fork().id, Date.now());
	for (let i = 0; i < workers; i++) fork();
	cluster.on("exit", (worker, code, signal) => {
		const ranFor = Date.now() - (started.get(worker.id) ?? 0);
		started.delete(worker.id);
		if (stopping) {
			if (started.size === 0) process.exit(0);
			return;
		}
		console.error(`DSM Academy: worker ${worker.process.pid} exited (${signal ?? code})`);
		// A worker that dies at once (a wrong DATABASE_URL, a missing build) would only die again.
		if (ranFor < 5_000) {
			console.error("DSM Academy: it failed at start; stopping");
			stopping = true;
			for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
			process.exitCode = 1;
			if (started.size === 0) process.exit(1);
			return;
		}
		fork();
	});
	// Each worker finishes the requests under way, then exits (server.js); the primary follows.
	for (const signal of ["SIGTERM", "SIGINT"]) {
		process.once(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
			setTimeout(() => process.exit(0), 8_000).unref();
		});
	}
}

/** WEB_CONCURRENCY: a whole number of processes, 1 when unset; "auto" is one per CPU core. */
function workerCount(setting) {
	if (setting === undefined || setting.trim() === "") return 1;
	if (setting.trim() === "auto") return os.availableParallelism();
	const n = Number(setting);
	if (!Number.isInteger(n) || n < 1 || n > 64) {
		console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, or "auto"; got "${setting}"`);
		process.exit(1);
	}
	return n;
}
