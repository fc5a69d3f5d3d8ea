import crypto from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { requireRole, setPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { errorsOf, parseForm } from "~/utils/forms";
import { ROLES } from "~/utils/roles";
import { invalidateUserSessions } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { roleConnect } from "~/utils/user.server";
import { pageMeta } from "~/utils/meta";

const RolesSchema = z.object({
	intent: z.literal("roles"),
	roles: z
		.union([z.enum(ROLES), z.array(z.enum(ROLES))])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireRole(request, "admin");
	const user = await prisma.user.findUnique({
		where: { id: params.userId },
		select: {
			id: true,
			name: true,
			email: true,
			createdAt: true,
			country: { select: { nameEn: true, nameRu: true } },
			agency: { select: { name: true } },
			roles: { select: { name: true } },
			_count: { select: { sessions: true } },
		},
	});
	if (!user) throw new Response("Not found", { status: 404 });
	return { user };
}

export async function action({ request, params }: ActionFunctionArgs) {
	const admin = await requireRole(request, "admin");
	const userId = params.userId!;
	const exists = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
	if (!exists) throw new Response("Not found", { status: 404 });
	const formData = await request.formData();

	if (formData.get("intent") === "reset-password") {
		// A temporary password, shown once to the admin, who hands it over;
		// every session of the user ends.
		const temporary = crypto.randomBytes(9).toString("base64url");
		await setPassword(userId, temporary);
		await invalidateUserSessions(userId);
		return { temporaryPassword: temporary };
	}

	const submission = parseForm(formData, RolesSchema);
	if (!submission.success) return data(submission, { status: 400 });
	const roles = submission.data.roles;
	if (userId === admin.id && !roles.includes("admin")) {
		return data({ success: false, errors: { "": ["admin.users.cannotDropOwnAdmin"] } }, { status: 400 });
	}
	await prisma.user.update({ where: { id: userId }, data: { roles: roleConnect(roles) } });
	return redirectWithToast(`/admin/users/${userId}`, { kind: "success", key: "admin.users.rolesSaved" });
}

export const meta = pageMeta<typeof loader>(({ t, data }) => [data?.user.name, t("admin.users.title")]);

export default function AdminUserPage() {
	const { user } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t, language } = useTranslation();
	const held = new Set(user.roles.map((r) => r.name));
	return (
		<div className="narrow stack-large">
			<p>
				<Link to="/admin/users">{t("admin.users.back")}</Link>
			</p>
			<h1>{user.name}</h1>
			<dl className="facts">
				<dt>{t("fields.email")}</dt>
				<dd>{user.email}</dd>
				<dt>{t("fields.country")}</dt>
				<dd>{user.country ? (language === "ru" ? user.country.nameRu : user.country.nameEn) : "—"}</dd>
				<dt>{t("fields.agency")}</dt>
				<dd>{user.agency?.name ?? "—"}</dd>
				<dt>{t("admin.users.activeSessions")}</dt>
				<dd>{user._count.sessions}</dd>
			</dl>
			<section aria-labelledby="roles-title">
				<h2 id="roles-title">{t("admin.users.roles")}</h2>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="roles" />
					<FormErrors errors={errorsOf(actionData, "")} />
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
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
