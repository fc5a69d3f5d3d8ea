import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { z } from "zod";
import { AccountFields } from "~/components/affiliation-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { getAuth, requireUser, setPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { errorsOf, parseForm, valueOf, type FieldErrors } from "~/utils/forms";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { verifyPassword, withHashSlot } from "~/utils/password.server";
import { invalidateUserSessions } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { checkAffiliation, commonPasswordErrors, getCountryOptions } from "~/utils/user.server";
import { LanguageSchema, NameSchema, NewPasswordSchema, OptionalIdSchema } from "~/utils/user-validation";
import { pageMeta } from "~/utils/meta";

const ProfileSchema = z.object({
	intent: z.literal("profile"),
	name: NameSchema,
	countryCode: OptionalIdSchema,
	agencyId: OptionalIdSchema,
	language: LanguageSchema,
});

const PasswordSchema = z
	.object({
		intent: z.literal("password"),
		currentPassword: z.string({ error: "errors.required" }).min(1, "errors.required"),
		newPassword: NewPasswordSchema,
		confirmPassword: z.string({ error: "errors.required" }),
	})
	.refine((value) => value.newPassword === value.confirmPassword, {
		path: ["confirmPassword"],
		message: "errors.passwordMismatch",
	});

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const profile = await prisma.user.findUniqueOrThrow({
		where: { id: user.id },
		select: {
			name: true,
			email: true,
			language: true,
			countryCode: true,
			agencyId: true,
			roles: { select: { name: true } },
		},
	});
	const language = isLanguage(profile.language) ? profile.language : "en";
	return { profile, countries: await getCountryOptions(language) };
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const formData = await request.formData();
	if (formData.get("intent") === "password") return changePassword(request, user.id, formData);

	const submission = parseForm(formData, ProfileSchema);
	if (!submission.success) return data({ ...submission, intent: "profile" }, { status: 400 });
	const { name, countryCode, agencyId, language } = submission.data;
	const errors: FieldErrors = await checkAffiliation(countryCode, agencyId);
	if (Object.keys(errors).length) {
		return data({ success: false, intent: "profile", errors, values: submission.data }, { status: 400 });
	}
	await prisma.user.update({ where: { id: user.id }, data: { name, countryCode, agencyId, language } });
	return redirectWithToast(
		"/settings/profile",
		{ kind: "success", key: "profile.saved" },
		{ headers: { "Set-Cookie": languageCookie(language, env.secureCookies) } },
	);
}

async function changePassword(request: Request, userId: string, formData: FormData) {
	const submission = parseForm(formData, PasswordSchema);
	if (!submission.success) return data({ ...submission, intent: "password" }, { status: 400 });
	const { currentPassword, newPassword } = submission.data;
	const stored = await prisma.password.findUnique({ where: { userId }, select: { hash: true } });
	const valid = stored ? await withHashSlot(() => verifyPassword(stored.hash, currentPassword)) : false;
	const errors: FieldErrors = {
		currentPassword: valid ? undefined : ["errors.currentPasswordWrong"],
		newPassword: commonPasswordErrors(newPassword),
	};
	if (errors.currentPassword || errors.newPassword) {
		return data({ success: false, intent: "password", errors, values: {} }, { status: 400 });
	}
	await setPassword(userId, newPassword);
	// Anyone who knew the old password is signed out everywhere but here.
	const { session } = await getAuth(request);
	await invalidateUserSessions(userId, session?.id);
	return redirectWithToast("/settings/profile", { kind: "success", key: "profile.passwordChanged" });
}

export const meta = pageMeta(({ t }) => t("profile.title"));

export default function ProfilePage() {
	const { profile, countries } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const profileData = actionData?.intent === "profile" ? actionData : undefined;
	const passwordData = actionData?.intent === "password" ? actionData : undefined;
	return (
		<div className="narrow stack-large">
			<h1>{t("profile.title")}</h1>
			<p>
				{t("profile.signedInAs", { email: profile.email })}{" "}
				{t("profile.roles", { roles: profile.roles.map((r) => t(`roles.${r.name}`)).join(", ") })}
			</p>
			<section aria-labelledby="profile-details">
				<h2 id="profile-details">{t("profile.details")}</h2>
				<Form method="post" className="stack" reloadDocument>
					<input type="hidden" name="intent" value="profile" />
					<FormErrors errors={errorsOf(profileData, "")} />
					<AccountFields account={profile} countries={countries} actionData={profileData} self />
					<SelectField
						label={t("fields.language")}
						name="language"
						defaultValue={valueOf(profileData, "language") ?? profile.language}
						options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
						errors={errorsOf(profileData, "language")}
					/>
					<button type="submit" className="button">
						{t("profile.save")}
					</button>
				</Form>
			</section>
			<section aria-labelledby="profile-password">
				<h2 id="profile-password">{t("profile.changePassword")}</h2>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="password" />
					<Field
						label={t("fields.currentPassword")}
						name="currentPassword"
						type="password"
						autoComplete="current-password"
						required
						errors={errorsOf(passwordData, "currentPassword")}
					/>
					<Field
						label={t("fields.newPassword")}
						hint={t("auth.passwordHint")}
						name="newPassword"
						type="password"
						autoComplete="new-password"
						required
						minLength={8}
						errors={errorsOf(passwordData, "newPassword")}
					/>
					<Field
						label={t("fields.confirmPassword")}
						name="confirmPassword"
						type="password"
						autoComplete="new-password"
						required
						errors={errorsOf(passwordData, "confirmPassword")}
					/>
					<button type="submit" className="button">
						{t("profile.changePasswordButton")}
					</button>
				</Form>
			</section>
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
