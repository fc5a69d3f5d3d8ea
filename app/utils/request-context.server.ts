import { AsyncLocalStorage } from "node:async_hooks";
import type { AppLoadContext } from "@remix-run/node";
import type { HeldText, PageParts } from "./held-content.server";

/**
 * One object per HTTP request, made by server.js and handed to Remix as the load context
 * (docs/decisions/0090-one-context-per-request.md). Remix gives every loader a Request of its
 * own, so what must be done once per request (the session check) cannot be keyed on the
 * Request; it is kept here. server.js runs Remix inside `runInRequest`, so code that is handed
 * only a Request (getAuth) finds the context too, without every loader passing it down.
 */

export type RequestContext = {
	/** The client's IP address, from the socket (or X-Forwarded-For behind a trusted proxy). */
	clientAddress: string;
	/**
	 * A browser's page load (GET of a page, not a `.data` fetch of the client router): the
	 * lesson's HTML is then sent rendered only, not again in the loader data (held-content.ts).
	 */
	document?: boolean;
	/** The session check of this request (auth.server.ts), once it was asked for. */
	auth?: Promise<unknown>;
	/** What the page renders but does not send as loader data, by key (held-content.ts). */
	held?: Map<string, HeldText>;
	/** The page as rendered, with its held texts' bytes, for server.js to send (held-content.server.ts). */
	pageParts?: PageParts;
	/** Database queries this request made (db.server.ts), for the bench and the tests. */
	queries: number;
};

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` as the handling of the request whose context this is. */
export function runInRequest<T>(context: RequestContext, work: () => T): T {
	return storage.run(context, work);
}

/** The context of the request being handled, or undefined outside one (a test calling a loader). */
export function currentRequest(): RequestContext | undefined {
	return storage.getStore();
}

/** A load context as a test or a script passes it: the request's context when it is one. */
export function asRequestContext(context: AppLoadContext | undefined): RequestContext | undefined {
	return context && typeof (context as Partial<RequestContext>).queries === "number"
		? (context as RequestContext)
		: undefined;
}

/** Counts an SQL statement against the request that runs it (README, "Queries per page"). */
export function countQuery(): void {
	const request = currentRequest();
	if (request) request.queries++;
}

/**
 * A driver adapter (or its factory, or one of its transactions) whose statements count against
 * the request that runs them: how PostgreSQL's adapter is counted; SQLite's counts in its own
 * wrapper (sqlite-adapter.server.ts).
 */
export function countingStatements<T extends object>(target: T): T {
	return new Proxy(target, {
		get(object, key) {
			const value: unknown = Reflect.get(object, key, object);
			if (typeof value !== "function") return value;
			if (key === "queryRaw" || key === "executeRaw")
				return (...args: unknown[]) => {
					countQuery();
					return value.apply(object, args);
				};
			if (key === "connect" || key === "startTransaction")
				return async (...args: unknown[]) => countingStatements(await value.apply(object, args));
			return value.bind(object);
		},
	});
}
