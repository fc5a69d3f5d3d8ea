import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CohortHeader } from "~/components/cohorts/cohort-header";
import { DashboardPanel } from "~/components/cohorts/dashboard-panel";
import { MessageList, type CohortMessage } from "~/components/cohorts/message-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextAreaField } from "~/components/forms";
import { DASHBOARD_SORTS } from "~/domain/cohorts/dashboard";
import { dayOf } from "~/domain/cohorts/days";
import cohortStyles from "~/styles/cohorts.css?url";
import { loadDashboard, parseDashboardQuery, type DashboardQuery } from "~/utils/cohort-dashboard.server";
import { matrixTableHtml } from "~/components/cohorts/matrix-html";
import { summaryRowsHtml } from "~/components/cohorts/summary-html";
import { MessageSchema } from "~/utils/cohort-schema";
import {
	cohortHeading,
	cohortTrackTitle,
	postMessage,
	requireCohortTrainer,
	requireCohortViewer,
} from "~/utils/cohorts.server";
import { readRows } from "~/utils/db.server";
import { sqlDate } from "~/utils/raw-sql.server";
import { Prisma } from "~/generated/prisma/client";
import { waitingInCohort } from "~/utils/sandbox-review.server";
import { formatDay } from "~/utils/format";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";
import { pageMeta } from "~/utils/meta";
import { useClientLinks } from "~/utils/client-links";
import { HELD_ATTRIBUTE, useHeldHtml } from "~/utils/held-content";
import { sendHtmlOnce } from "~/utils/held-content.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, cohort, canManage } = await requireCohortViewer(request, params.cohortId);
	const language = resolveLanguage(request, user);
	const t = translatorFor(language);
	const query = parseDashboardQuery(new URL(request.url).searchParams);
	const [dashboard, trackTitle, messages] = await Promise.all([
		loadDashboard(cohort, language, query),
		cohortTrackTitle(cohort, language),
		// Past Prisma's client, as the page's other reads (docs/decisions/0097).
		readRows<{ id: string; body: string; createdAt: unknown; author: string | null }>(Prisma.sql`
			SELECT m."id", m."body", m."createdAt", u."name" AS "author"
			FROM "CohortMessage" m LEFT JOIN "User" u ON u."id" = m."authorId"
			WHERE m."cohortId" = ${cohort.id} ORDER BY m."createdAt" DESC, m."id" DESC LIMIT 5`),
	]);
	return {
		title: t("cohorts.dashboard.pageTitle", { name: cohort.name }),
		cohort: cohortHeading(cohort, language, canManage, trackTitle),
		query,
		total: dashboard.total,
		agencies: dashboard.agencies,
		// The summary's rows, the overdue trainees' addresses with them, as the table's (below).
		summary: sendHtmlOnce(
			summaryRowsHtml(dashboard.summaries, {
				modules: dashboard.modules,
				total: dashboard.total,
				cohortId: cohort.id,
				withAddresses: canManage,
				t,
				language,
				day: (value) => formatDay(value, language),
			}),
		),
		shown: dashboard.page.length,
		// The table, header and rows, as one string, written once per change of the facts and view
		// (matrix-html.ts) and sent once: rendered in the page, not again in its data (docs/decisions/0091).
		matrix: sendHtmlOnce(
			matrixTableHtml(
				dashboard.page,
				{
					modules: dashboard.modules,
					sort: query.sort,
					sortHref: (sort) => hrefWith(query, { sort: sort === "name" ? null : sort }),
				},
				t,
				language,
				(value) => formatDay(value, language),
			),
		),
		messages: messages.map((m) => ({ id: m.id, body: m.body, at: dayOf(sqlDate(m.createdAt)), author: m.author })),
		toMark: canManage ? dashboard.toMark : 0,
		sandboxWaiting: canManage ? await waitingInCohort(cohort.id) : 0,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const formData = await request.formData();
	const submission = parseForm(formData, MessageSchema);
	if (!submission.success) return data(submission, { status: 400 });
	await postMessage(cohort.id, user.id, submission.data.body);
	return redirectWithToast(`/cohorts/${cohort.id}`, { kind: "success", key: "cohorts.dashboard.messagePosted" });
}

/** The dashboard's address with some of its query changed; `null` removes a parameter. */
function hrefWith(query: DashboardQuery, changes: Record<string, string | null>) {
	const params = new URLSearchParams();
	if (query.sort !== "name") params.set("sort", query.sort);
	if (query.filter.overdue) params.set("overdue", "1");
	if (query.filter.notStarted) params.set("notStarted", "1");
	if (query.filter.agencyId) params.set("agency", query.filter.agencyId);
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) params.delete(key);
		else params.set(key, value);
	}
	const search = params.toString();
	return search ? `?${search}` : "?";
}

export default function CohortDashboardPage() {
	const { cohort, query, total, agencies, summary, shown, matrix, messages, toMark, sandboxWaiting } =
		useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const summaryHtml = useHeldHtml(summary.html, summary.held);
	const matrixHtml = useHeldHtml(matrix.html, matrix.held);
	const onHeldClick = useClientLinks();
	const search = hrefWith(query, {}).slice(1);
	const exportHref = (format: "csv" | "xlsx") =>
		`/cohorts/${cohort.id}/export/dashboard.${format}${search ? `?${search}` : ""}`;
	return (
		<div className="stack-large">
			<CohortHeader cohort={cohort} toMark={toMark} />

			<div className="cohort-panels">
				{cohort.canManage ? (
					<DashboardPanel id="panel-marking" title={t("cohorts.dashboard.markingTitle")}>
						<p>{toMark ? t("cohorts.dashboard.toMark", { count: toMark }) : t("cohorts.dashboard.nothingToMark")}</p>
						<p>
							<Link to={`/cohorts/${cohort.id}/marking`}>{t("cohorts.dashboard.openMarking")}</Link>
						</p>
					</DashboardPanel>
				) : null}
				{cohort.canManage ? (
					<DashboardPanel id="panel-sandbox" title={t("sandboxReview.queue.heading")}>
						<p>
							{sandboxWaiting
								? t("cohorts.dashboard.sandboxWaiting", { count: sandboxWaiting })
								: t("cohorts.dashboard.sandboxNone")}
						</p>
						<p>
							<Link to={`/sandbox/reviews?cohort=${cohort.id}`}>{t("cohorts.dashboard.openSandboxReviews")}</Link>
						</p>
					</DashboardPanel>
				) : null}
				<MessagesPanel messages={messages} canPost={cohort.canManage && !cohort.archived} />
			</div>

			<section aria-labelledby="summary-title">
				<h2 id="summary-title">{t("cohorts.dashboard.summaryTitle")}</h2>
				<div className="table-wrap">
					<table className="summary-table">
						<thead>
							<tr>
								<th scope="col">{t("cohorts.settings.module")}</th>
								<th scope="col">{t("cohorts.dashboard.due")}</th>
								<th scope="col">{t("cohorts.dashboard.finished")}</th>
								<th scope="col">{t("cohorts.dashboard.medianScore")}</th>
								<th scope="col">{t("cohorts.dashboard.overdue")}</th>
							</tr>
						</thead>
						{/* One string, written once per change of the facts (app/components/cohorts/summary-html.ts). */}
						<tbody
							{...{ [HELD_ATTRIBUTE]: summary.held }}
							onClick={onHeldClick}
							dangerouslySetInnerHTML={{ __html: summaryHtml }}
						/>
					</table>
				</div>
			</section>

			<section aria-labelledby="trainees-title" className="stack">
				<h2 id="trainees-title">{t("cohorts.dashboard.traineesTitle")}</h2>
				<Form method="get" className="filters" aria-label={t("cohorts.dashboard.filtersLabel")}>
					<div className="field">
						<label htmlFor="sort">{t("cohorts.dashboard.sortBy")}</label>
						<select id="sort" name="sort" defaultValue={query.sort}>
							{DASHBOARD_SORTS.map((sort) => (
								<option key={sort} value={sort}>
									{t(`cohorts.dashboard.sort.${sort}`)}
								</option>
							))}
						</select>
					</div>
					{agencies.length > 1 ? (
						<div className="field">
							<label htmlFor="agency">{t("fields.agency")}</label>
							<select id="agency" name="agency" defaultValue={query.filter.agencyId ?? ""}>
								<option value="">{t("cohorts.dashboard.allAgencies")}</option>
								{agencies.map((agency) => (
									<option key={agency.id} value={agency.id}>
										{agency.name}
									</option>
								))}
							</select>
						</div>
					) : null}
					<div className="checkbox">
						<input type="checkbox" id="overdue" name="overdue" value="1" defaultChecked={query.filter.overdue} />
						<label htmlFor="overdue">{t("cohorts.dashboard.onlyOverdue")}</label>
					</div>
					<div className="checkbox">
						<input
							type="checkbox"
							id="notStarted"
							name="notStarted"
							value="1"
							defaultChecked={query.filter.notStarted}
						/>
						<label htmlFor="notStarted">{t("cohorts.dashboard.onlyNotStarted")}</label>
					</div>
					<button type="submit" className="button button--secondary">
						{t("cohorts.dashboard.apply")}
					</button>
				</Form>
				<p className="actions">
					<span role="status">{t("cohorts.dashboard.showing", { count: shown, total })}</span>
					<a href={exportHref("csv")} download>
						{t("cohorts.export.csv")}
					</a>
					<a href={exportHref("xlsx")} download>
						{t("cohorts.export.xlsx")}
					</a>
				</p>
				<p className="field-hint">{t("cohorts.dashboard.legend")}</p>
				{shown === 0 ? (
					<p>{total === 0 ? t("cohorts.dashboard.noMembers") : t("cohorts.dashboard.noneMatch")}</p>
				) : (
					<div className="matrix-wrap" role="region" aria-labelledby="trainees-title" tabIndex={0}>
						{/* One string, not 3,200 React cells (app/components/cohorts/matrix-html.ts). */}
						<table
							className="matrix"
							{...{ [HELD_ATTRIBUTE]: matrix.held }}
							onClick={onHeldClick}
							dangerouslySetInnerHTML={{ __html: matrixHtml }}
						/>
					</div>
				)}
			</section>
		</div>
	);
}

function MessagesPanel({ messages, canPost }: { messages: CohortMessage[]; canPost: boolean }) {
	const { t } = useTranslation();
	const actionData = useActionData<typeof action>();
	return (
		<DashboardPanel id="panel-messages" title={t("cohorts.dashboard.messagesTitle")}>
			{messages.length ? <MessageList messages={messages} /> : <p>{t("cohorts.dashboard.noMessages")}</p>}
			{canPost ? (
				<Form method="post" className="stack">
					<TextAreaField
						label={t("cohorts.dashboard.newMessage")}
						hint={t("cohorts.dashboard.newMessageHint")}
						name="body"
						rows={3}
						required
						maxLength={2000}
						defaultValue={valueOf(actionData, "body")}
						errors={errorsOf(actionData, "body")}
					/>
					<input type="hidden" name="intent" value="message" />
					<button type="submit" className="button button--secondary">
						{t("cohorts.dashboard.post")}
					</button>
				</Form>
			) : null}
		</DashboardPanel>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
