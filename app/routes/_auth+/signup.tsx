import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/utils/i18n";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SMALL_FORM_LIMITS, type RouteHandle } from "~/utils/body-limits";
import { AffiliationFields } from "~/components/affiliation-fields";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { requireAnonymous, setPassword, startSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { LANGUAGE_NAMES, LANGUAGES } from "~/utils/i18n";
import { languageCookie, resolveLanguage } from "~/utils/i18n.server";
import { acceptInvitation, findInvitation } from "~/utils/cohorts.server";
import { env } from "~/utils/env.server";
import { safeRedirect } from "~/utils/misc";
import { takeAttempt } from "~/utils/throttle.server";
import { toastHeader } from "~/utils/toast.server";
import { checkAffiliation, commonPasswordErrors, getCountryOptions } from "~/utils/user.server";
import { EmailSchema, LanguageSchema, NameSchema, NewPasswordSchema, OptionalIdSchema } from "~/utils/user-validation";
import { pageMeta } from "~/utils/meta";

const SignupSchema = z.object({
	name: NameSchema,
	email: EmailSchema,
	password: NewPasswordSchema,
	countryCode: z.string({ error: "errors.required" }).trim().min(1, "errors.required"),
	agencyId: OptionalIdSchema,
	language: LanguageSchema,
	/** A cohort's personal sign-up link (docs/decisions/0051-admitting-trainees.md). */
	invite: z.string().trim().max(100).optional(),
	redirectTo: z.string().optional(),
});

/** Read by anyone before any account is known: a few short fields, a few kilobytes (request-guard.server.ts). */
export const handle: RouteHandle = { bodyLimits: SMALL_FORM_LIMITS };

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request);
	const language = resolveLanguage(request);
	const params = new URL(request.url).searchParams;
	const invite = await findInvitation(params.get("invite"));
	return {
		countries: await getCountryOptions(language),
		language,
		invite: invite ? { token: params.get("invite")!, email: invite.email, cohort: invite.cohort.name } : null,
		redirectTo: params.get("redirectTo") ?? "",
	};
}

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request);
	const formData = await request.formData();
	const submission = parseForm(formData, SignupSchema);
	if (!submission.success) return data(submission, { status: 400 });
	const { name, email, password, countryCode, agencyId, language, invite, redirectTo } = submission.data;

	const errors: Record<string, string[] | undefined> = {
		password: commonPasswordErrors(password),
		...(await checkAffiliation(countryCode, agencyId)),
	};
	if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) errors.email = ["errors.emailTaken"];
	const invalid = () => Object.values(errors).some(Boolean);
	// Only a sign-up that would succeed uses one of the address's allowance, counted before it is made.
	if (!invalid() && (await takeAttempt("signup", context.clientAddress))) errors[""] = ["auth.signupLimited"];
	if (invalid()) {
		return data({ success: false, errors, values: { ...submission.data, password: "" } }, { status: 400 });
	}

	const user = await prisma.user.create({
		data: { name, email, countryCode, agencyId, language, roles: { connect: { name: "trainee" } } },
		select: { id: true },
	});
	await setPassword(user.id, password);
	const joined = await acceptInvitation(user.id, invite ?? null);
	const headers = new Headers();
	headers.append("Set-Cookie", await startSession(user.id));
	headers.append("Set-Cookie", languageCookie(language, env.secureCookies));
	if (joined)
		headers.append(
			"Set-Cookie",
			await toastHeader({ kind: "success", key: "join.invite.joined", values: { name: joined } }),
		);
	return redirect(safeRedirect(redirectTo), { headers });
}

export const meta = pageMeta(({ t }) => t("nav.signup"));

export default function SignupPage() {
	const { countries, language, invite, redirectTo } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const navigation = useNavigation();
	const { t } = useTranslation();
	const [countryCode, setCountryCode] = useState(valueOf(actionData, "countryCode") ?? "");
	return (
		<section className="narrow" aria-labelledby="signup-title">
			<h1 id="signup-title">{t("auth.signupTitle")}</h1>
			<p>{t("auth.signupIntro")}</p>
			{invite ? <p className="notice">{t("join.invite.notice", { cohort: invite.cohort })}</p> : null}
			<Form method="post" className="stack">
				<FormErrors errors={errorsOf(actionData, "")} />
				{invite ? <input type="hidden" name="invite" value={invite.token} /> : null}
				<input type="hidden" name="redirectTo" value={valueOf(actionData, "redirectTo") ?? redirectTo} />
				<Field
					label={t("fields.name")}
					name="name"
					autoComplete="name"
					required
					defaultValue={valueOf(actionData, "name")}
					errors={errorsOf(actionData, "name")}
				/>
				<Field
					label={t("fields.email")}
					name="email"
					type="email"
					autoComplete="email"
					required
					defaultValue={valueOf(actionData, "email") ?? invite?.email}
					errors={errorsOf(actionData, "email")}
				/>
				<Field
					label={t("fields.password")}
					hint={t("auth.passwordHint")}
					name="password"
					type="password"
					autoComplete="new-password"
					required
					minLength={8}
					errors={errorsOf(actionData, "password")}
				/>
				<AffiliationFields
					countries={countries}
					countryCode={countryCode}
					onCountryChange={setCountryCode}
					agencyId={valueOf(actionData, "agencyId")}
					errors={{ countryCode: errorsOf(actionData, "countryCode"), agencyId: errorsOf(actionData, "agencyId") }}
				/>
				<SelectField
					label={t("fields.language")}
					name="language"
					defaultValue={valueOf(actionData, "language") ?? language}
					options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
					errors={errorsOf(actionData, "language")}
				/>
				<button type="submit" className="button" disabled={navigation.state === "submitting"}>
					{t("auth.signupButton")}
				</button>
			</Form>
			<p>
				{t("auth.haveAccount")} <Link to="/login">{t("auth.loginLink")}</Link>
			</p>
		</section>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
