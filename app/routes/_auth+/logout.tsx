import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getAuth } from "~/utils/auth.server";
import { blankSessionCookie, invalidateSession } from "~/utils/session.server";

// Logging out changes data, so it is a POST; a GET lands on the home page.
export async function loader() {
	return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
	const { session } = await getAuth(request);
	if (session) await invalidateSession(session.id);
	return redirect("/", { headers: { "Set-Cookie": blankSessionCookie() } });
}
