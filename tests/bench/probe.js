// What `npm run bench` reads from inside a server it started (server.js and the reference app load
// this only with BENCH_PROBE=1 and an IPC channel, so no request can reach it): the process's CPU
// time, its memory, the event loop's delay, and a forced garbage collection (--expose-gc).
import { monitorEventLoopDelay } from "node:perf_hooks";

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

process.on("message", (message) => {
	if (!message || typeof message !== "object" || typeof message.probe !== "string") return;
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
