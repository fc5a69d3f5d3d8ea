/**
 * What a route accepts in the body of a request that changes data, declared by the route itself
 * and enforced by the server before anything parses the body (request-guard.server.ts;
 * docs/decisions/0080-request-limits.md). A route that declares nothing gets DEFAULT_BODY_LIMITS:
 *
 *     export const handle: RouteHandle = { bodyLimits: SMALL_FORM_LIMITS };
 *     export const handle: RouteHandle = { bodyLimits: uploadLimits({ maxFileBytes: MAX_FILE_BYTES }) };
 *
 * Over a limit, the server answers 413 with a message and the action never runs.
 */
export type BodyLimits = {
	/** The whole body, in bytes. */
	readonly maxBytes: number;
	/** Fields: name=value pairs, or the parts of a multipart body (files included). */
	readonly maxFields: number;
	/** One field's name and value, decoded, in bytes (UTF-8: a Cyrillic letter is 2 bytes). */
	readonly maxFieldBytes: number;
	/** Only a route that states its files takes multipart bodies; every other route takes form fields only. */
	readonly files?: { readonly maxFiles: number; readonly maxFileBytes: number };
};

/** The `handle` export of a route module, as far as the server reads it. */
export type RouteHandle = { bodyLimits?: BodyLimits };

const KIB = 1024;

/** Any form of the app: a quiz with long essays fits, a 40,000-field flood does not. */
export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBytes: 64 * KIB, maxFields: 200, maxFieldBytes: 24 * KIB };

/** Login and sign-up: a few short fields, read by anyone, before any account is known. */
export const SMALL_FORM_LIMITS: BodyLimits = { maxBytes: 4 * KIB, maxFields: 12, maxFieldBytes: 1 * KIB };

/**
 * A route that takes files: the files' own limit, plus room for the form's other fields. The
 * server refuses a larger body at once (by its Content-Length) and stops reading one that grows
 * past it; readMultipartForm (request-guard.server.ts) checks each file and the count.
 */
export function uploadLimits({ maxFileBytes, maxFiles = 1 }: { maxFileBytes: number; maxFiles?: number }): BodyLimits {
	const fields = DEFAULT_BODY_LIMITS;
	return {
		maxBytes: maxFiles * maxFileBytes + fields.maxBytes,
		maxFields: maxFiles + 20,
		maxFieldBytes: fields.maxFieldBytes,
		files: { maxFiles, maxFileBytes },
	};
}

/** "64 KB", "20 MB": a limit as a person reads it. */
export function formatBytes(bytes: number, locale = "en-GB"): { value: string; unit: "B" | "KB" | "MB" } {
	const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
	if (bytes >= KIB * KIB) return { value: number(bytes / (KIB * KIB)), unit: "MB" };
	if (bytes >= KIB) return { value: number(bytes / KIB), unit: "KB" };
	return { value: number(bytes), unit: "B" };
}
