import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SMALL_FORM_LIMITS, type RouteHandle } from "~/utils/body-limits";
import { Field, FormErrors } from "~/components/forms";
import { requireAnonymous, startSession, verifyLogin } from "~/utils/auth.server";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { safeRedirect } from "~/utils/misc";
import { EmailSchema } from "~/utils/user-validation";
import { pageMeta } from "~/utils/meta";

const LoginSchema = z.object({
	email: EmailSchema,
	password: z.string({ error: "errors.required" }).min(1, "errors.required").max(256, "errors.passwordTooLong"),
	redirectTo: z.string().optional(),
});

/** Read by anyone before any account is known: a few short fields, a few kilobytes (request-guard.server.ts). */
export const handle: RouteHandle = { bodyLimits: SMALL_FORM_LIMITS };

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request);
	return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request);
	const submission = parseForm(await request.formData(), LoginSchema);
	if (!submission.success) return data(submission, { status: 400 });
	const { email, password, redirectTo } = submission.data;

	const result = await verifyLogin(email, password, context.clientAddress);
	if (!result.ok) {
		const minutes = result.reason === "locked" ? Math.ceil((result.until.getTime() - Date.now()) / 60_000) : 0;
		const refusal = {
			locked: ["auth.locked", 429],
			deactivated: ["auth.deactivated", 403],
			invalid: ["auth.invalidCredentials", 400],
		} as const;
		const [message, status] = refusal[result.reason];
		return data(
			{ success: false, errors: { "": [message] }, minutes, values: { email, redirectTo: redirectTo ?? "" } },
			{ status },
		);
	}
	return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await startSession(result.userId) } });
}

export const meta = pageMeta(({ t }) => t("auth.loginTitle"));

export default function LoginPage() {
	const actionData = useActionData<typeof action>();
	const [searchParams] = useSearchParams();
	const navigation = useNavigation();
	const { t } = useTranslation();
	const redirectTo = valueOf(actionData, "redirectTo") ?? searchParams.get("redirectTo") ?? "";
	const minutes = actionData && "minutes" in actionData ? actionData.minutes : 0;
	return (
		<section className="narrow" aria-labelledby="login-title">
			<h1 id="login-title">{t("auth.loginTitle")}</h1>
			<Form method="post" className="stack">
				<FormErrors errors={errorsOf(actionData, "")?.map((key) => t(key, { count: minutes }))} />
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<Field
					label={t("fields.email")}
					name="email"
					type="email"
					autoComplete="email"
					required
					defaultValue={valueOf(actionData, "email")}
					errors={errorsOf(actionData, "email")}
				/>
				<Field
					label={t("fields.password")}
					name="password"
					type="password"
					autoComplete="current-password"
					required
					errors={errorsOf(actionData, "password")}
				/>
				<button type="submit" className="button" disabled={navigation.state === "submitting"}>
					{t("auth.loginButton")}
				</button>
			</Form>
			<p>
				{t("auth.noAccount")} <Link to="/signup">{t("auth.signupLink")}</Link>
			</p>
		</section>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
