import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionForm } from "~/components/cohorts/action-form";
import { CohortHeader } from "~/components/cohorts/cohort-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField, TextAreaField } from "~/components/forms";
import { dateOf, dayOf } from "~/domain/cohorts/days";
import { MAX_ADDRESSES, parseEmailList } from "~/domain/cohorts/email-list";
import { formatJoinCode } from "~/domain/cohorts/join-code";
import cohortStyles from "~/styles/cohorts.css?url";
import { EmailsSchema, ExpirySchema, ExtensionSchema } from "~/utils/cohort-schema";
import {
	addMembersByEmail,
	cohortHeading,
	cohortModules,
	cohortTrackTitle,
	isMember,
	removeMember,
	requireCohortTrainer,
	rotateJoinCode,
	setExtension,
	setJoinCodeExpiry,
	withdrawInvitation,
} from "~/utils/cohorts.server";
import { localized } from "~/utils/content.server";
import { prisma } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { errorsOf, formValues, parseForm, valueOf } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const language = resolveLanguage(request, user);
	const origin = new URL(request.url).origin;
	const [modules, trackTitle, members, invitations, extensions] = await Promise.all([
		cohortModules(cohort),
		cohortTrackTitle(cohort, language),
		prisma.cohortMember.findMany({
			where: { cohortId: cohort.id, removedAt: null },
			select: {
				joinedAt: true,
				user: { select: { id: true, name: true, email: true, agency: { select: { name: true, nameRu: true } } } },
			},
			orderBy: { user: { name: "asc" } },
		}),
		prisma.cohortInvitation.findMany({
			where: { cohortId: cohort.id, acceptedAt: null },
			select: { id: true, email: true, token: true, createdAt: true },
			orderBy: { createdAt: "asc" },
		}),
		prisma.cohortExtension.findMany({
			where: { cohortId: cohort.id, user: { cohortMemberships: { some: { cohortId: cohort.id, removedAt: null } } } },
			select: { userId: true, moduleSlug: true, dueOn: true, user: { select: { name: true } } },
			orderBy: [{ user: { name: "asc" } }, { moduleSlug: "asc" }],
		}),
	]);
	const moduleLabel = new Map(
		modules.map(({ module }) => [module.slug, `${module.meta.number}. ${localized(module.meta.title, language)}`]),
	);
	return {
		title: translatorFor(language)("cohorts.members.title", { name: cohort.name }),
		cohort: cohortHeading(cohort, language, true, trackTitle),
		joinCode: {
			code: formatJoinCode(cohort.joinCode),
			url: `${origin}/join/${cohort.joinCode}`,
			expiresOn: cohort.joinCodeExpiresAt ? dayOf(new Date(cohort.joinCodeExpiresAt.getTime() - 1)) : null,
			expired: cohort.joinCodeExpiresAt !== null && cohort.joinCodeExpiresAt.getTime() <= Date.now(),
		},
		members: members.map(({ user: m, joinedAt }) => ({
			id: m.id,
			name: m.name,
			email: m.email,
			agency: m.agency ? (language === "ru" && m.agency.nameRu) || m.agency.name : null,
			joinedAt: dayOf(joinedAt),
		})),
		invitations: invitations.map((i) => ({
			id: i.id,
			email: i.email,
			link: `${origin}/signup?invite=${i.token}`,
			createdAt: dayOf(i.createdAt),
		})),
		extensions: extensions.map((e) => ({
			userId: e.userId,
			name: e.user.name,
			moduleSlug: e.moduleSlug,
			module: moduleLabel.get(e.moduleSlug) ?? e.moduleSlug,
			dueOn: dayOf(e.dueOn),
		})),
		modules: [...moduleLabel].map(([value, label]) => ({ value, label })),
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const formData = await request.formData();
	const intent = formData.get("intent");
	const here = `/cohorts/${cohort.id}/members`;
	switch (intent) {
		case "rotate-code":
			await rotateJoinCode(cohort.id);
			return redirectWithToast(here, { kind: "success", key: "cohorts.members.rotated" });
		case "code-expiry": {
			const submission = parseForm(formData, ExpirySchema);
			if (!submission.success) return data({ ...submission, intent }, { status: 400 });
			const { expiresOn } = submission.data;
			// The code works through the whole of its last day.
			const expiresAt = expiresOn ? new Date(dateOf(expiresOn).getTime() + 86_400_000) : null;
			await setJoinCodeExpiry(cohort.id, expiresAt);
			return redirectWithToast(here, { kind: "success", key: "cohorts.members.expirySaved" });
		}
		case "add-emails": {
			const submission = parseForm(formData, EmailsSchema);
			if (!submission.success) return data({ ...submission, intent }, { status: 400 });
			const { addresses, invalid } = parseEmailList(submission.data.emails);
			const refuse = (key: string, values?: Record<string, string | number>) =>
				data(
					{ success: false, intent, errors: { emails: [key] }, errorValues: values, values: formValues(formData) },
					{ status: 400 },
				);
			if (invalid.length) return refuse("cohorts.errors.notAddresses", { list: invalid.slice(0, 5).join(", ") });
			if (addresses.length === 0) return refuse("errors.required");
			if (addresses.length > MAX_ADDRESSES) return refuse("cohorts.errors.tooManyAddresses", { max: MAX_ADDRESSES });
			const result = await addMembersByEmail(cohort, addresses, user.id);
			return redirectWithToast(here, {
				kind: "success",
				key: "cohorts.members.addedToast",
				values: { added: result.added.length, invited: result.invited.length, already: result.already.length },
			});
		}
		case "withdraw-invitation":
			await withdrawInvitation(cohort.id, String(formData.get("invitationId") ?? ""));
			return redirectWithToast(here, { kind: "success", key: "cohorts.members.withdrawn" });
		case "remove-member":
			await removeMember(cohort.id, String(formData.get("userId") ?? ""));
			return redirectWithToast(here, { kind: "success", key: "cohorts.members.removed" });
		case "extension": {
			const submission = parseForm(formData, ExtensionSchema);
			if (!submission.success) return data({ ...submission, intent }, { status: 400 });
			const { userId, moduleSlug, dueOn } = submission.data;
			const errors: Record<string, string[]> = {};
			if (!(await isMember(cohort.id, userId))) errors.userId = ["cohorts.errors.notMember"];
			if (!cohort.modules.some((m) => m.moduleSlug === moduleSlug)) errors.moduleSlug = ["cohorts.errors.notInPlan"];
			if (Object.keys(errors).length) {
				return data({ success: false, intent, errors, values: formValues(formData) }, { status: 400 });
			}
			await setExtension(cohort.id, userId, moduleSlug, dueOn);
			return redirectWithToast(here, {
				kind: "success",
				key: dueOn ? "cohorts.members.extensionSaved" : "cohorts.members.extensionRemoved",
			});
		}
		default:
			return redirect(here);
	}
}

export default function CohortMembersPage() {
	const { cohort, joinCode, members, invitations, extensions, modules } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	const intent = actionData && "intent" in actionData ? actionData.intent : null;
	const errorsFor = (form: string) => (intent === form ? actionData : undefined);
	const emailErrorValues = actionData && "errorValues" in actionData ? actionData.errorValues : undefined;
	return (
		<div className="stack-large">
			<CohortHeader cohort={cohort} title={t("cohorts.tabs.members")} />
			<section className="join-panel" aria-labelledby="code-title">
				<h2 id="code-title">{t("cohorts.members.codeTitle")}</h2>
				<p className="join-code" aria-describedby="code-status">
					{joinCode.code}
				</p>
				<p id="code-status">
					{cohort.archived
						? t("cohorts.members.codeArchived")
						: joinCode.expired
							? t("cohorts.members.codeExpired", { date: format.day(joinCode.expiresOn!) })
							: joinCode.expiresOn
								? t("cohorts.members.codeUntil", { date: format.day(joinCode.expiresOn) })
								: t("cohorts.members.codeNoExpiry")}
				</p>
				<p>
					{t("cohorts.members.codeHow")} <code className="break">{joinCode.url}</code>
				</p>
				<p className="actions">
					<Link className="button button--secondary" to={`/cohorts/${cohort.id}/join-code`}>
						{t("cohorts.members.print")}
					</Link>
				</p>
				<div className="panel-forms">
					<Form method="post" className="stack">
						<input type="hidden" name="intent" value="code-expiry" />
						<Field
							label={t("cohorts.members.expiresOn")}
							hint={t("cohorts.members.expiresHint")}
							name="expiresOn"
							type="date"
							defaultValue={valueOf(errorsFor("code-expiry"), "expiresOn") ?? joinCode.expiresOn ?? ""}
							errors={errorsOf(errorsFor("code-expiry"), "expiresOn")}
						/>
						<button type="submit" className="button button--secondary">
							{t("cohorts.members.saveExpiry")}
						</button>
					</Form>
					<Form method="post" className="stack">
						<input type="hidden" name="intent" value="rotate-code" />
						<p className="field-hint">{t("cohorts.members.rotateHint")}</p>
						<button type="submit" className="button button--secondary">
							{t("cohorts.members.rotate")}
						</button>
					</Form>
				</div>
			</section>

			<section className="narrow" aria-labelledby="emails-title">
				<h2 id="emails-title">{t("cohorts.members.emailsTitle")}</h2>
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="add-emails" />
					<TextAreaField
						label={t("cohorts.members.emails")}
						hint={t("cohorts.members.emailsHint")}
						name="emails"
						rows={6}
						required
						defaultValue={valueOf(errorsFor("add-emails"), "emails")}
						errors={errorsOf(errorsFor("add-emails"), "emails")?.map((key) =>
							emailErrorValues ? t(key, emailErrorValues) : key,
						)}
					/>
					<button type="submit" className="button">
						{t("cohorts.members.addButton")}
					</button>
				</Form>
			</section>

			{invitations.length ? (
				<section aria-labelledby="invitations-title">
					<h2 id="invitations-title">{t("cohorts.members.invitationsTitle")}</h2>
					<p className="narrow">{t("cohorts.members.invitationsLead")}</p>
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{t("fields.email")}</th>
									<th scope="col">{t("cohorts.members.link")}</th>
									<th scope="col">{t("cohorts.members.invitedOn")}</th>
									<th scope="col">
										<span className="visually-hidden">{t("cohorts.members.actions")}</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{invitations.map((invitation) => (
									<tr key={invitation.id}>
										<th scope="row">{invitation.email}</th>
										<td>
											<code className="break">{invitation.link}</code>
										</td>
										<td>{format.day(invitation.createdAt)}</td>
										<td>
											<ActionForm
												intent="withdraw-invitation"
												fields={{ invitationId: invitation.id }}
												label={t("cohorts.members.withdraw", { email: invitation.email })}
											/>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}

			<section aria-labelledby="members-title">
				<h2 id="members-title">{t("cohorts.members.listTitle", { count: members.length })}</h2>
				{members.length === 0 ? (
					<p>{t("cohorts.members.none")}</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{t("fields.name")}</th>
									<th scope="col">{t("fields.email")}</th>
									<th scope="col">{t("fields.agency")}</th>
									<th scope="col">{t("cohorts.members.joined")}</th>
									<th scope="col">
										<span className="visually-hidden">{t("cohorts.members.actions")}</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{members.map((member) => (
									<tr key={member.id}>
										<th scope="row">{member.name}</th>
										<td>{member.email}</td>
										<td>{member.agency ?? "—"}</td>
										<td>{format.day(member.joinedAt)}</td>
										<td>
											<ActionForm
												intent="remove-member"
												fields={{ userId: member.id }}
												label={t("cohorts.members.remove", { name: member.name })}
											/>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<p className="field-hint narrow">{t("cohorts.members.removeHint")}</p>
			</section>

			{members.length && modules.length ? (
				<section className="narrow" aria-labelledby="extensions-title">
					<h2 id="extensions-title">{t("cohorts.members.extensionsTitle")}</h2>
					<p>{t("cohorts.members.extensionsLead")}</p>
					{extensions.length ? (
						<ul className="plain-list">
							{extensions.map((e) => (
								<li key={`${e.userId}-${e.moduleSlug}`} className="inline-form">
									<span>
										{t("cohorts.members.extensionItem", { name: e.name, module: e.module, date: format.day(e.dueOn) })}
									</span>
									<ActionForm
										intent="extension"
										fields={{ userId: e.userId, moduleSlug: e.moduleSlug, dueOn: "" }}
										label={t("cohorts.members.removeExtension", { name: e.name })}
									/>
								</li>
							))}
						</ul>
					) : null}
					<Form method="post" className="stack">
						<input type="hidden" name="intent" value="extension" />
						<FormErrors errors={errorsOf(errorsFor("extension"), "")} />
						<SelectField
							label={t("cohorts.members.trainee")}
							name="userId"
							required
							placeholder={t("cohorts.members.chooseTrainee")}
							defaultValue={valueOf(errorsFor("extension"), "userId") ?? ""}
							options={members.map((m) => ({ value: m.id, label: m.name }))}
							errors={errorsOf(errorsFor("extension"), "userId")}
						/>
						<SelectField
							label={t("cohorts.settings.module")}
							name="moduleSlug"
							required
							placeholder={t("cohorts.members.chooseModule")}
							defaultValue={valueOf(errorsFor("extension"), "moduleSlug") ?? ""}
							options={modules}
							errors={errorsOf(errorsFor("extension"), "moduleSlug")}
						/>
						<Field
							label={t("cohorts.members.newDue")}
							name="dueOn"
							type="date"
							required
							defaultValue={valueOf(errorsFor("extension"), "dueOn")}
							errors={errorsOf(errorsFor("extension"), "dueOn")}
						/>
						<button type="submit" className="button button--secondary">
							{t("cohorts.members.saveExtension")}
						</button>
					</Form>
				</section>
			) : null}
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
