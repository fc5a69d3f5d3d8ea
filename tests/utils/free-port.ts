import { execFileSync } from "node:child_process";

/**
 * A TCP port that nothing listens on now, on 127.0.0.1: the OS picks it. Synchronous, so a
 * config file can use it; a run that shares the machine with another gets a port of its own.
 */
export function freePort(): number {
	const script =
		"const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
	return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

/** The port a variable names, else a free one. */
export function portFrom(variable: string | undefined): number {
	return variable ? Number(variable) : freePort();
}
