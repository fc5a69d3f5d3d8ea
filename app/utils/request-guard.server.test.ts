import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_LIMITS, SMALL_FORM_LIMITS, uploadLimits } from "./body-limits";
import { bodyLimitsFor, finishResponse, guardRequest, readMultipartForm } from "./request-guard.server";
import { SESSION_COOKIE } from "./session.server";

const ORIGIN = "http://localhost:3000";
const UPLOAD = uploadLimits({ maxFileBytes: 1000 });

/** A route manifest as the build has it: the root, login, an index, an upload route and the catch-all. */
const build = {
	routes: {
		root: { id: "root", path: "", module: {} },
		"routes/_auth+/login": {
			id: "routes/_auth+/login",
			parentId: "root",
			path: "login",
			module: { handle: { bodyLimits: SMALL_FORM_LIMITS } },
		},
		"routes/_index": { id: "routes/_index", parentId: "root", index: true, module: {} },
		"routes/upload": {
			id: "routes/upload",
			parentId: "root",
			path: "upload",
			module: { handle: { bodyLimits: UPLOAD } },
		},
		"routes/$": { id: "routes/$", parentId: "root", path: "*", module: {} },
	},
} as unknown as Pick<ServerBuild, "routes">;

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
	return new Request(ORIGIN + path, {
		method: "POST",
		body,
		headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
		duplex: "half",
	} as RequestInit);
}

/** A body that arrives in pieces with no Content-Length, as a chunked upload does. */
function streamed(text: string, chunk = 16 * 1024) {
	const bytes = new TextEncoder().encode(text);
	let offset = 0;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			if (offset >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(offset, (offset += chunk)));
		},
	});
}

const manyFields = (count: number) => Array.from({ length: count }, (_, i) => `f${i}=x`).join("&");

describe("body limits", () => {
	it("are the route's own, or the default; Remix's data requests count as their page", () => {
		expect(bodyLimitsFor(build.routes, new URL(`${ORIGIN}/login`)).limits).toBe(SMALL_FORM_LIMITS);
		expect(bodyLimitsFor(build.routes, new URL(`${ORIGIN}/login.data`)).limits).toBe(SMALL_FORM_LIMITS);
		expect(bodyLimitsFor(build.routes, new URL(`${ORIGIN}/_root.data?index`)).limits).toBe(DEFAULT_BODY_LIMITS);
		expect(bodyLimitsFor(build.routes, new URL(`${ORIGIN}/anything/else`)).limits).toBe(DEFAULT_BODY_LIMITS);
		expect(bodyLimitsFor(build.routes, new URL(`${ORIGIN}/upload`)).limits).toBe(UPLOAD);
	});

	it("pass a form that fits, with its fields intact", async () => {
		const checked = await guardRequest(
			post("/login", "email=a%40b.c&password=%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D1%8C"),
			build,
		);
		expect(checked).toBeInstanceOf(Request);
		const form = await (checked as Request).formData();
		expect(form.get("email")).toBe("a@b.c");
		expect(form.get("password")).toBe("пароль");
	});

	it("refuse a body larger than the route's limit by its Content-Length, before reading it", async () => {
		const email = "a".repeat(10 * 1024 * 1024);
		const request = post("/login", `email=${email}&password=x`, { "Content-Length": String(email.length + 17) });
		const response = (await guardRequest(request, build)) as Response;
		expect(response.status).toBe(413);
		expect(request.bodyUsed).toBe(false);
		const page = await response.text();
		expect(page).toContain("at most 4 KB");
		expect(page).not.toContain("aaaa");
	});

	it("refuse 40,000 fields sent without a length after counting past the limit, in milliseconds", async () => {
		const started = performance.now();
		const response = (await guardRequest(post("/language", streamed(manyFields(40_000))), build)) as Response;
		expect(performance.now() - started).toBeLessThan(250);
		expect(response.status).toBe(413);
		expect(await response.text()).toContain(`at most ${DEFAULT_BODY_LIMITS.maxFields} fields`);
	});

	it("refuse a field longer than the limit, counting %XX as one byte", async () => {
		const fits = "%D0%B0".repeat(SMALL_FORM_LIMITS.maxFieldBytes / 2 - 4);
		expect(await guardRequest(post("/login", streamed(`name=${fits}`)), build)).toBeInstanceOf(Request);
		const response = (await guardRequest(
			post("/login", streamed(`name=${fits}%D0%B0%D0%B0%D0%B0`)),
			build,
		)) as Response;
		expect(response.status).toBe(413);
		expect(await response.text()).toContain("A field of the form is longer than this page accepts (at most 1 KB).");
	});

	it("speak the reader's language", async () => {
		const request = post("/login", streamed(manyFields(13)), { "Accept-Language": "ru" });
		const page = await ((await guardRequest(request, build)) as Response).text();
		expect(page).toContain('<html lang="ru">');
		expect(page).toContain("не более 12 полей");
	});

	it("take form fields only, unless the route states its files: JSON, text and multipart elsewhere are 415", async () => {
		for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x"]) {
			const response = (await guardRequest(
				post("/login", '{"email":"x"}', { "Content-Type": type }),
				build,
			)) as Response;
			expect(response.status, type).toBe(415);
		}
		expect(await guardRequest(post("/login", null, { "Content-Type": "" }), build)).toBeInstanceOf(Request);
	});
});

describe("uploads", () => {
	const multipart = (file: string, fields: Record<string, string> = {}) => {
		const form = new FormData();
		for (const [name, value] of Object.entries(fields)) form.append(name, value);
		form.append("file", new File([file], "submission.csv", { type: "text/csv" }));
		return new Request(`${ORIGIN}/upload`, { method: "POST", body: form, headers: { Origin: ORIGIN } });
	};

	it("read a file within its route's limit", async () => {
		const checked = (await guardRequest(multipart("a,b\n1,2\n", { intent: "upload" }), build)) as Request;
		const form = await readMultipartForm(checked, UPLOAD);
		expect(form.get("intent")).toBe("upload");
		expect(await (form.get("file") as File).text()).toBe("a,b\n1,2\n");
	});

	it("refuse a file over the limit with 413; a broken body reads as no fields, never a crash", async () => {
		const checked = (await guardRequest(multipart("x".repeat(1001)), build)) as Request;
		const refused = await readMultipartForm(checked, UPLOAD).catch((thrown: Response) => thrown);
		expect((refused as Response).status).toBe(413);
		const broken = new Request(`${ORIGIN}/upload`, {
			method: "POST",
			body: "--x\r\nnonsense",
			headers: { "Content-Type": "multipart/form-data; boundary=y" },
		});
		expect([...(await readMultipartForm(broken, UPLOAD)).keys()]).toEqual([]);
	});
});

describe("origin", () => {
	const send = (headers: Record<string, string>) =>
		guardRequest(
			new Request(`${ORIGIN}/login`, {
				method: "POST",
				body: "email=x",
				headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
			}),
			build,
		);
	const status = (checked: Request | Response) => (checked instanceof Response ? checked.status : "passed");

	it("refuses a foreign Origin, Origin: null, and another site's request without Origin", async () => {
		expect(status(await send({ Origin: "https://evil.example" }))).toBe(403);
		expect(status(await send({ Origin: "null" }))).toBe(403);
		expect(status(await send({ "Sec-Fetch-Site": "cross-site" }))).toBe(403);
		expect(status(await send({ "Sec-Fetch-Site": "same-site" }))).toBe(403);
	});

	it("lets this site's requests through, and clients that send no browser headers at all", async () => {
		expect(status(await send({ Origin: ORIGIN }))).toBe("passed");
		expect(status(await send({ "Sec-Fetch-Site": "same-origin" }))).toBe("passed");
		expect(status(await send({}))).toBe("passed");
	});
});

describe("response headers", () => {
	it("keep signed-in pages out of every cache, and leave a route's own Cache-Control alone", () => {
		const signedIn = new Request(`${ORIGIN}/`, { headers: { Cookie: `${SESSION_COOKIE}=abc` } });
		expect(finishResponse(signedIn, new Response("page")).headers.get("Cache-Control")).toBe("private, no-store");
		const own = new Response("pdf", { headers: { "Cache-Control": "public, max-age=60" } });
		expect(finishResponse(signedIn, own).headers.get("Cache-Control")).toBe("public, max-age=60");
		expect(finishResponse(new Request(`${ORIGIN}/`), new Response("page")).headers.get("Cache-Control")).toBeNull();
	});
});
