import crypto from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { z } from "zod";
import { AccountFields } from "~/components/affiliation-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { requireRole, setPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { errorsOf, parseForm, type FieldErrors } from "~/utils/forms";
import { resolveLanguage } from "~/utils/i18n.server";
import { ROLES } from "~/utils/roles";
import { invalidateUserSessions } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { checkAffiliation, getCountryOptions, roleConnect } from "~/utils/user.server";
import { EmailSchema, NameSchema, OptionalIdSchema } from "~/utils/user-validation";
import { pageMeta } from "~/utils/meta";

const DetailsSchema = z.object({
	intent: z.literal("details"),
	name: NameSchema,
	email: EmailSchema,
	countryCode: OptionalIdSchema,
	agencyId: OptionalIdSchema,
});

const RolesSchema = z.object({
	intent: z.literal("roles"),
	roles: z
		.union([z.enum(ROLES), z.array(z.enum(ROLES))])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
	const admin = await requireRole(request, "admin");
	const user = await prisma.user.findUnique({
		where: { id: params.userId },
		select: {
			id: true,
			name: true,
			email: true,
			createdAt: true,
			deactivatedAt: true,
			countryCode: true,
			agencyId: true,
			roles: { select: { name: true } },
			_count: { select: { sessions: true } },
		},
	});
	if (!user) throw new Response("Not found", { status: 404 });
	return { user, self: user.id === admin.id, countries: await getCountryOptions(resolveLanguage(request, admin)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
	const admin = await requireRole(request, "admin");
	const userId = params.userId!;
	const exists = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
	if (!exists) throw new Response("Not found", { status: 404 });
	const formData = await request.formData();
	const url = `/admin/users/${userId}`;

	switch (formData.get("intent")) {
		case "reset-password": {
			// A temporary password, shown once to the admin, who hands it over;
			// every session of the user ends.
			const temporary = crypto.randomBytes(9).toString("base64url");
			await setPassword(userId, temporary);
			await invalidateUserSessions(userId);
			return { intent: "reset-password" as const, temporaryPassword: temporary };
		}
		case "details":
			return saveDetails(userId, formData);
		case "deactivate":
			// The account and everything in it stay; only logging in stops, and every session ends now.
			if (userId === admin.id) {
				return data({ intent: "deactivate", errors: { "": ["admin.users.cannotDeactivateSelf"] } }, { status: 400 });
			}
			await prisma.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
			await invalidateUserSessions(userId);
			return redirectWithToast(url, { kind: "success", key: "admin.users.deactivated" });
		case "reactivate":
			await prisma.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
			return redirectWithToast(url, { kind: "success", key: "admin.users.reactivated" });
	}

	const submission = parseForm(formData, RolesSchema);
	if (!submission.success) return data({ ...submission, intent: "roles" as const }, { status: 400 });
	const roles = submission.data.roles;
	if (userId === admin.id && !roles.includes("admin")) {
		return data({ intent: "roles", errors: { "": ["admin.users.cannotDropOwnAdmin"] } }, { status: 400 });
	}
	await prisma.user.update({ where: { id: userId }, data: { roles: roleConnect(roles) } });
	return redirectWithToast(url, { kind: "success", key: "admin.users.rolesSaved" });
}

async function saveDetails(userId: string, formData: FormData) {
	const submission = parseForm(formData, DetailsSchema);
	if (!submission.success) return data({ ...submission, intent: "details" as const }, { status: 400 });
	const { name, email, countryCode, agencyId } = submission.data;
	const errors: FieldErrors = await checkAffiliation(countryCode, agencyId);
	const owner = await prisma.user.findUnique({ where: { email }, select: { id: true } });
	if (owner && owner.id !== userId) errors.email = ["errors.emailTaken"];
	if (Object.keys(errors).length) {
		return data({ success: false, intent: "details" as const, errors, values: submission.data }, { status: 400 });
	}
	await prisma.user.update({ where: { id: userId }, data: { name, email, countryCode, agencyId } });
	return redirectWithToast(`/admin/users/${userId}`, { kind: "success", key: "admin.users.detailsSaved" });
}

export default function AdminUserPage() {
	const { user, self, countries } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	const held = new Set(user.roles.map((r) => r.name));
	const answer = (intent: string) => (actionData && actionData.intent === intent ? actionData : undefined);
	const details = answer("details");
	return (
		<div className="narrow stack-large">
			<p>
				<Link to="/admin/users">{t("admin.users.back")}</Link>
			</p>
			<h1>{user.name}</h1>
			<dl className="facts">
				<dt>{t("admin.users.status")}</dt>
				<dd>
					{user.deactivatedAt
						? t("admin.users.deactivatedOn", { date: format.date(user.deactivatedAt) })
						: t("admin.users.active")}
				</dd>
				<dt>{t("admin.users.activeSessions")}</dt>
				<dd>{user._count.sessions}</dd>
			</dl>
			<section aria-labelledby="details-title">
				<h2 id="details-title">{t("admin.users.detailsTitle")}</h2>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="details" />
					<FormErrors errors={errorsOf(details, "")} />
					<AccountFields account={user} countries={countries} actionData={details} email self={false} />
					<button type="submit" className="button">
						{t("admin.users.saveDetails")}
					</button>
				</Form>
			</section>
			<section aria-labelledby="roles-title">
				<h2 id="roles-title">{t("admin.users.roles")}</h2>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="roles" />
					<FormErrors errors={errorsOf(answer("roles"), "")} />
					<fieldset>
						<legend>{t("admin.users.rolesLegend")}</legend>
						{ROLES.map((role) => (
							<div key={role} className="checkbox">
								<input type="checkbox" id={`role-${role}`} name="roles" value={role} defaultChecked={held.has(role)} />
								<label htmlFor={`role-${role}`}>{t(`roles.${role}`)}</label>
							</div>
						))}
					</fieldset>
					<button type="submit" className="button">
						{t("admin.users.saveRoles")}
					</button>
				</Form>
			</section>
			<section aria-labelledby="reset-title">
				<h2 id="reset-title">{t("admin.users.resetTitle")}</h2>
				<p>{t("admin.users.resetText")}</p>
				{actionData && "temporaryPassword" in actionData ? (
					<p role="status" className="notice">
						{t("admin.users.temporaryPassword")} <code className="secret">{actionData.temporaryPassword}</code>
					</p>
				) : null}
				<Form method="post">
					<input type="hidden" name="intent" value="reset-password" />
					<button type="submit" className="button button--secondary">
						{t("admin.users.resetButton")}
					</button>
				</Form>
			</section>
			{self ? null : (
				<section aria-labelledby="access-title">
					<h2 id="access-title">{t("admin.users.accessTitle")}</h2>
					<p>{t(user.deactivatedAt ? "admin.users.reactivateText" : "admin.users.deactivateText")}</p>
					<Form method="post" className="stack">
						<FormErrors errors={errorsOf(answer("deactivate"), "")} />
						<input type="hidden" name="intent" value={user.deactivatedAt ? "reactivate" : "deactivate"} />
						<button type="submit" className="button button--secondary">
							{t(user.deactivatedAt ? "admin.users.reactivateButton" : "admin.users.deactivateButton")}
						</button>
					</Form>
				</section>
			)}
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ t, data }) => [data?.user.name, t("admin.users.title")]);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
