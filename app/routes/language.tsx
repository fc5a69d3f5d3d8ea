import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isLanguage } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { safeRedirect } from "~/utils/misc";

/** The header's language switcher: a cookie for everyone, the setting for a signed-in user. */
export async function action({ request }: ActionFunctionArgs) {
	const formData = await request.formData();
	const language = formData.get("language");
	const back = safeRedirect(formData.get("redirectTo"));
	if (!isLanguage(language)) return redirect(back);
	const user = await getUser(request);
	if (user) await prisma.user.update({ where: { id: user.id }, data: { language } });
	return redirect(back, { headers: { "Set-Cookie": languageCookie(language, env.secureCookies) } });
}

export async function loader() {
	return redirect("/");
}
