import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { env } from "./env.server";

/** A message shown once after a redirect: an i18n key and its values. */
const toastSchema = z.object({
	kind: z.enum(["success", "error"]).default("success"),
	key: z.string(),
	values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Toast = z.infer<typeof toastSchema>;

const toastCookie = createCookie(env.secureCookies ? "__Host-dsm_toast" : "dsm_toast", {
	path: "/",
	httpOnly: true,
	sameSite: "lax",
	secure: env.secureCookies,
	secrets: [env.sessionSecret],
	maxAge: 60,
});

export async function toastHeader(toast: Toast) {
	return toastCookie.serialize(toast);
}

export async function redirectWithToast(url: string, toast: Toast, init?: ResponseInit) {
	const headers = new Headers(init?.headers);
	headers.append("Set-Cookie", await toastHeader(toast));
	return redirect(url, { ...init, headers });
}

/** The pending toast, and the header that clears it. */
export async function readToast(request: Request) {
	const raw = await toastCookie.parse(request.headers.get("Cookie"));
	const parsed = toastSchema.safeParse(raw);
	if (!parsed.success) return { toast: null, clear: null };
	return { toast: parsed.data, clear: await toastCookie.serialize("", { maxAge: 0 }) };
}
