import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// OWASP's argon2id minimum: 19 MiB, two passes, one lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;

/** True when the password is among the ~50,000 most common ones (zxcvbn's list). */
export function isCommonPassword(password: string) {
	common ??= new Set(dictionary["passwords-common"]);
	return common.has(password.toLowerCase());
}

export function hashPassword(password: string) {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string) {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

/**
 * A hash of a random password, verified when the e-mail is unknown so that
 * a failed login takes as long whether or not the account exists.
 */
let dummyHash: Promise<string> | undefined;
export function verifyDummy(password: string) {
	dummyHash ??= hashPassword(crypto.randomUUID());
	return dummyHash.then((h) => verifyPassword(h, password));
}

/**
 * Argon2 takes ~20 ms of a core and 19 MiB each time. At most two run at
 * once (this machine class has two cores) and at most 64 wait; past that the
 * server answers 503 rather than queue work it cannot finish.
 */
const MAX_RUNNING = 2;
const MAX_WAITING = 64;
let running = 0;
const waiting: Array<() => void> = [];

export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
	await acquireSlot();
	try {
		return await work();
	} finally {
		releaseSlot();
	}
}

function acquireSlot() {
	if (running < MAX_RUNNING) {
		running++;
		return Promise.resolve();
	}
	if (waiting.length >= MAX_WAITING) {
		throw new Response("The server is busy; try again in a moment.", { status: 503, headers: { "Retry-After": "5" } });
	}
	// The releasing caller hands its slot over, so `running` stays as it is.
	return new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot() {
	const next = waiting.shift();
	if (next) next();
	else running--;
}
