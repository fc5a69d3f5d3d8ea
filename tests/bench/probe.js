// What `npm run bench` reads from inside a server it started (server.js and the reference app load
// this only with BENCH_PROBE=1 and an IPC channel, so no request can reach it): the process's CPU
// time, its memory, the event loop's delay, and a forced garbage collection (--expose-gc). With
// BENCH_PROFILE=DIR it also writes a CPU profile of each run, from its "reset" to its "stats", as
// DIR/<pid>-<n>.cpuprofile (open it in Chrome's DevTools, Performance).
import fs from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

const profileDir = process.env.BENCH_PROFILE;
const profiler = profileDir ? new Session() : null;
let profiling = false;
let profiles = 0;
if (profiler) {
	fs.mkdirSync(profileDir, { recursive: true });
	profiler.connect();
	profiler.post("Profiler.enable");
	profiler.post("Profiler.setSamplingInterval", { interval: 200 });
}

function profile(kind) {
	if (!profiler) return;
	if (kind === "reset" && !profiling) {
		profiling = true;
		profiler.post("Profiler.start");
	} else if (kind === "stats" && profiling) {
		profiling = false;
		const file = path.join(profileDir, `${process.pid}-${++profiles}.cpuprofile`);
		profiler.post("Profiler.stop", (error, result) => {
			if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
		});
	}
}

process.on("message", (message) => {
	if (!message || typeof message !== "object" || typeof message.probe !== "string") return;
	profile(message.probe);
	if (message.probe === "gc" && typeof globalThis.gc === "function") {
		globalThis.gc();
		globalThis.gc();
	}
	const memory = process.memoryUsage();
	const answer = {
		probe: message.probe,
		id: message.id,
		cpuMicros: (({ user, system }) => user + system)(process.cpuUsage()),
		rssBytes: memory.rss,
		heapUsedBytes: memory.heapUsed,
		heapTotalBytes: memory.heapTotal,
		externalBytes: memory.external,
		loopDelay: {
			p50Ms: delay.percentile(50) / 1e6,
			p99Ms: delay.percentile(99) / 1e6,
			maxMs: delay.max / 1e6,
		},
	};
	if (message.probe === "reset") delay.reset();
	process.send(answer);
});
