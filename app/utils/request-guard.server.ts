import type { ServerBuild } from "@remix-run/node";
import { unstable_parseMultipartFormData } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import { DEFAULT_BODY_LIMITS, formatBytes, type BodyLimits, type RouteHandle } from "./body-limits";
import { env } from "./env.server";
import { escapeHtml } from "./html";
import { createTranslator, INTL_LOCALES } from "./i18n";
import { catalogues, resolveLanguage } from "./i18n.server";
import { crossSiteReason } from "./origin";
import { SESSION_COOKIE } from "./session.server";

/**
 * What the server checks before Remix sees a request, and adds to every response it sends
 * (server.js calls both through the build's entry module; docs/decisions/0080-request-limits.md
 * and 0082-origin-and-headers.md):
 * - a request that changes data must come from this site (origin.ts), else 403;
 * - its body must fit the limits its route declares (body-limits.ts), checked on the bytes as they
 *   arrive, before any parsing, else 413; a body that is neither form fields nor, on a route that
 *   takes files, multipart, is refused with 415.
 * Nothing of a refused request is echoed back, and the log gets one line, no stack.
 */

type Routes = ServerBuild["routes"];
type RouteObject = Parameters<typeof matchRoutes>[0][number];
type Refusal = { status: 403 | 413 | 415; key: string; values?: Record<string, string | number> };

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

const trees = new WeakMap<Routes, RouteObject[]>();

/** The routes as the router matches them, built once per build. */
function routeTree(routes: Routes): RouteObject[] {
	let tree = trees.get(routes);
	if (!tree) {
		const children = (parentId: string | undefined): RouteObject[] =>
			Object.values(routes)
				.filter((route) => route?.parentId === parentId)
				.map((route) =>
					route!.index
						? { id: route!.id, index: true, path: route!.path }
						: { id: route!.id, path: route!.path, caseSensitive: route!.caseSensitive, children: children(route!.id) },
				);
		tree = children(undefined);
		trees.set(routes, tree);
	}
	return tree;
}

/** The address a request is for, as the router sees it: Remix's data requests end in `.data`. */
function routePath(url: URL) {
	const path = url.pathname.endsWith(".data") ? url.pathname.slice(0, -".data".length) : url.pathname;
	return path === "/_root" ? "/" : path;
}

/** The body limits of the route that will answer the request: the deepest one that declares them. */
export function bodyLimitsFor(routes: Routes, url: URL): { limits: BodyLimits; routeId: string | null } {
	const matches = matchRoutes(routeTree(routes), routePath(url)) ?? [];
	for (const match of [...matches].reverse()) {
		const handle = routes[match.route.id!]?.module.handle as RouteHandle | undefined;
		if (handle?.bodyLimits) return { limits: handle.bodyLimits, routeId: match.route.id! };
	}
	return { limits: DEFAULT_BODY_LIMITS, routeId: matches.at(-1)?.route.id ?? null };
}

/** The request to hand to Remix (its body read and checked), or the refusal to send instead. */
export async function guardRequest(request: Request, build: Pick<ServerBuild, "routes">): Promise<Request | Response> {
	if (!BODY_METHODS.has(request.method)) return request;
	const foreign = crossSiteReason(request);
	if (foreign) return refuse(request, { status: 403, key: "errors.refused.crossSite" }, foreign);

	const url = new URL(request.url);
	const { limits } = bodyLimitsFor(build.routes, url);
	const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
	const declared = Number(request.headers.get("Content-Length") ?? NaN);
	if (declared > limits.maxBytes) return refuse(request, tooLarge(limits, "bytes"), `${declared} bytes`);
	if (!request.body || declared === 0) return request;

	if (type === MULTIPART && limits.files) {
		return new Request(request.url, {
			method: request.method,
			headers: request.headers,
			signal: request.signal,
			body: request.body.pipeThrough(byteLimit(limits.maxBytes)),
			duplex: "half",
		} as RequestInit);
	}
	if (type !== FORM) {
		return refuse(request, { status: 415, key: "errors.refused.unsupported" }, `Content-Type: ${type || "none"}`);
	}
	const read = await readFormBody(request.body, limits);
	if (!read.ok) return refuse(request, tooLarge(limits, read.over), read.over);
	return new Request(request.url, {
		method: request.method,
		headers: request.headers,
		signal: request.signal,
		body: read.bytes,
	});
}

type Over = "bytes" | "fields" | "field";

function tooLarge(limits: BodyLimits, over: Over): Refusal {
	if (over === "fields")
		return { status: 413, key: "errors.refused.tooManyFields", values: { count: limits.maxFields } };
	const bytes = over === "bytes" ? limits.maxBytes : limits.maxFieldBytes;
	return {
		status: 413,
		key: over === "bytes" ? "errors.refused.tooLarge" : "errors.refused.fieldTooLong",
		values: { bytes },
	};
}

const AMPERSAND = 0x26;
const PERCENT = 0x25;

/**
 * Reads a form-urlencoded body while counting its bytes, its fields and each field's decoded
 * length (`%D0` is one byte), and stops at the first limit passed: one pass, nothing decoded.
 */
export async function readFormBody(
	body: ReadableStream<Uint8Array>,
	limits: BodyLimits,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; over: Over }> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	let fields = 0;
	let fieldBytes = 0;
	let inField = false;
	let escape = 0;
	// Stop reading, but never cancel: cancelling would destroy the socket the refusal goes out on.
	const stop = (over: Over) => {
		reader.releaseLock();
		return { ok: false as const, over };
	};
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limits.maxBytes) return stop("bytes");
		for (let i = 0; i < value.length; i++) {
			const byte = value[i];
			if (byte === AMPERSAND) {
				inField = false;
				fieldBytes = 0;
				escape = 0;
				continue;
			}
			if (!inField) {
				inField = true;
				if (++fields > limits.maxFields) return stop("fields");
			}
			if (escape > 0) {
				escape--;
				continue;
			}
			if (byte === PERCENT) escape = 2;
			if (++fieldBytes > limits.maxFieldBytes) return stop("field");
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return { ok: true, bytes };
}

class BodyLimitError extends Error {
	constructor(
		readonly refusal: Refusal,
		readonly detail: string,
	) {
		super(detail);
	}
}

/** Passes a stream on, and fails it once more than `maxBytes` have gone through. */
function byteLimit(maxBytes: number) {
	let total = 0;
	return new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			total += chunk.byteLength;
			if (total > maxBytes) {
				controller.error(
					new BodyLimitError(
						{ status: 413, key: "errors.refused.tooLarge", values: { bytes: maxBytes } },
						`${total} bytes`,
					),
				);
			} else controller.enqueue(chunk);
		},
	});
}

/**
 * The form of a route that takes files (its `handle` declares `files`): each text field and file
 * read within the route's limits, as FormData with File values. Past a limit it throws a 413
 * Response (the route's ErrorBoundary shows it); a body that is not multipart, or is broken, a 400.
 */
export async function readMultipartForm(request: Request, limits: BodyLimits): Promise<FormData> {
	const files = limits.files ?? { maxFiles: 0, maxFileBytes: 0 };
	let parts = 0;
	let fileCount = 0;
	const over = (refusal: Refusal, detail: string) => {
		throw new BodyLimitError(refusal, detail);
	};
	try {
		return await unstable_parseMultipartFormData(request, async (part) => {
			if (++parts > limits.maxFields) over(tooLarge(limits, "fields"), `${parts} parts`);
			const isFile = typeof part.filename === "string";
			if (isFile && ++fileCount > files.maxFiles) {
				over(
					{ status: 413, key: "errors.refused.tooManyFiles", values: { count: files.maxFiles } },
					`${fileCount} files`,
				);
			}
			const max = isFile ? files.maxFileBytes : limits.maxFieldBytes;
			const chunks: Uint8Array<ArrayBuffer>[] = [];
			let size = 0;
			for await (const chunk of part.data) {
				size += chunk.byteLength;
				if (size > max) {
					over(
						isFile
							? { status: 413, key: "errors.refused.fileTooLarge", values: { bytes: max } }
							: tooLarge(limits, "field"),
						`${part.name}: over ${max} bytes`,
					);
				}
				chunks.push(new Uint8Array(chunk));
			}
			if (isFile) return new File(chunks, part.filename!, { type: part.contentType });
			return Buffer.concat(chunks).toString("utf8");
		});
	} catch (error) {
		const cause = error instanceof BodyLimitError ? error : (error as { cause?: unknown })?.cause;
		if (cause instanceof BodyLimitError) throw refuse(request, cause.refusal, cause.detail);
		console.warn(`refused ${request.method} ${new URL(request.url).pathname}: a multipart body that cannot be read`);
		throw new Response("The upload could not be read.", { status: 400, statusText: "Bad Request" });
	}
}

/** A refusal as a small page in the reader's language, logged in one line. */
function refuse(request: Request, refusal: Refusal, detail: string): Response {
	const url = new URL(request.url);
	console.warn(`refused ${request.method} ${url.pathname} with ${refusal.status}: ${detail}`);
	const language = resolveLanguage(request);
	const t = createTranslator(language, catalogues[language]);
	const values: Record<string, string | number> = { ...refusal.values };
	if (typeof values.bytes === "number") {
		const { value, unit } = formatBytes(values.bytes, INTL_LOCALES[language]);
		values.size = `${value} ${t(`errors.refused.units.${unit}`)}`;
	}
	const title = t(`errors.refused.title${refusal.status}`);
	const text = t(refusal.key, values);
	const html = `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · DSM Academy</title><style>${REFUSAL_STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p>${escapeHtml(t("errors.refused.nothingSaved"))}</p><p><a href="/">${escapeHtml(t("errors.page.home"))}</a></p></main></body></html>
`;
	// server.js throws the unread rest of the body away (for a few seconds at most).
	const headers = new Headers({
		"Content-Type": "text/html; charset=utf-8",
		"Cache-Control": "no-store",
		"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
	});
	return new Response(html, { status: refusal.status, headers });
}

/** The refusal page stands alone (the app's stylesheet is not at hand here): a few lines of the app's look. */
const REFUSAL_STYLE =
	"body{margin:0;font:1rem/1.55 system-ui,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1c2430}" +
	"main{max-width:42rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.9rem;line-height:1.25}a{color:#1d4f6e}";

const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Headers every response gets: HSTS when the cookies are Secure (the site is served over HTTPS),
 * and `Cache-Control: private, no-store` on whatever answers a signed-in browser, unless the
 * route says otherwise, so that no shared cache or back button keeps one person's pages.
 */
export function finishResponse(request: Request, response: Response): Response {
	if (env.secureCookies) response.headers.set("Strict-Transport-Security", HSTS);
	if (!response.headers.has("Cache-Control") && hasSessionCookie(request)) {
		response.headers.set("Cache-Control", "private, no-store");
	}
	return response;
}

function hasSessionCookie(request: Request) {
	const cookie = request.headers.get("Cookie");
	return cookie !== null && cookie.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}
