import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

const ORIGIN = "http://localhost:3000";

/** A POST with form fields, as a browser sends it from this site. */
export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
	}
	const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN });
	if (cookie) headers.set("Cookie", cookie);
	return new Request(ORIGIN + path, { method: "POST", body, headers });
}

export function getRequest(path: string, cookie?: string) {
	return new Request(ORIGIN + path, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The arguments Remix passes a loader or action. */
export function args(request: Request, params: Record<string, string> = {}) {
	return { request, params, context: { clientAddress: "192.0.2.1" } } satisfies LoaderFunctionArgs & ActionFunctionArgs;
}

/** Runs a loader or action and returns what it returned or threw (redirects and 403s are thrown). */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
	try {
		return await run();
	} catch (thrown) {
		if (thrown instanceof Response) return thrown;
		throw thrown;
	}
}

/** The `name=value` part of each Set-Cookie header, to send back as a Cookie header. */
export function cookiesFrom(response: Response) {
	return response.headers
		.getSetCookie()
		.map((c) => c.split(";")[0])
		.join("; ");
}

/** What `data()` wraps: its value and its init. */
export function unwrap(result: unknown): { data: any; status: number } {
	if (
		result &&
		typeof result === "object" &&
		"type" in result &&
		(result as { type: string }).type === "DataWithResponseInit"
	) {
		const r = result as unknown as { data: unknown; init?: ResponseInit };
		return { data: r.data, status: r.init?.status ?? 200 };
	}
	return { data: result, status: 200 };
}
