import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { exerciseById } from "~/domain/sandbox/exercises";
import reviewStyles from "~/styles/sandbox-review.css?url";
import { useFormat } from "~/utils/format";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";
import { requireSandboxReviewer, reviewQueue } from "~/utils/sandbox-review.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

/** A trainer's queue (docs/decisions/0066): the sandbox submissions of their cohorts' members, waiting first. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireSandboxReviewer(request);
	const language = resolveLanguage(request, user);
	const t = translatorFor(language);
	const cohortId = new URL(request.url).searchParams.get("cohort") ?? undefined;
	const queue = await reviewQueue(user.id, { cohortId });
	const present = (row: (typeof queue.waiting)[number]) => {
		const exercise = exerciseById(row.workspace.exerciseId ?? undefined);
		return {
			id: row.id,
			number: row.number,
			trainee: row.submitter.name,
			cohort: row.cohortName,
			what: exercise
				? exercise.title[language]
				: `${t(`sandboxReview.kind.${row.workspace.kind}`)} · ${row.workspace.refArea}`,
			revision: row.revision.number,
			warnings: row.revision.warningCount,
			submittedAt: row.submittedAt.toISOString(),
			score: row.score,
			maxScore: row.maxScore,
			outcome: row.review?.outcome ?? null,
		};
	};
	return {
		title: t("sandboxReview.queue.pageTitle"),
		filtered: cohortId ? (queue.waiting[0]?.cohortName ?? queue.decided[0]?.cohortName ?? "") : null,
		waiting: queue.waiting.map(present),
		decided: queue.decided.map(present),
	};
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

export default function ReviewQueue() {
	const { waiting, decided, filtered } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<header className="stack">
				<h1>{t("sandboxReview.queue.heading")}</h1>
				<p className="lead">{t("sandboxReview.queue.lead")}</p>
				{filtered !== null ? (
					<p>
						{t("sandboxReview.queue.filtered", { cohort: filtered })}{" "}
						<Link to="/sandbox/reviews">{t("sandboxReview.queue.all")}</Link>
					</p>
				) : null}
			</header>
			<section aria-labelledby="waiting-title" className="stack">
				<h2 id="waiting-title">{t("sandboxReview.queue.waiting", { count: waiting.length })}</h2>
				{waiting.length === 0 ? <p>{t("sandboxReview.queue.empty")}</p> : <QueueTable rows={waiting} />}
			</section>
			{decided.length ? (
				<section aria-labelledby="decided-title" className="stack">
					<h2 id="decided-title">{t("sandboxReview.queue.decided")}</h2>
					<QueueTable rows={decided} />
				</section>
			) : null}
		</div>
	);
}

function QueueTable({ rows }: { rows: readonly Row[] }) {
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="table-scroll" tabIndex={0} role="region" aria-label={t("sandboxReview.queue.tableLabel")}>
			<table>
				<thead>
					<tr>
						<th scope="col">{t("sandboxReview.queue.trainee")}</th>
						<th scope="col">{t("sandboxReview.queue.what")}</th>
						<th scope="col">{t("sandboxReview.queue.cohort")}</th>
						<th scope="col">{t("sandboxReview.queue.submitted")}</th>
						<th scope="col">{t("sandboxReview.queue.score")}</th>
						<th scope="col">{t("sandboxReview.queue.status")}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.id}>
							<th scope="row">
								<Link to={`/sandbox/reviews/${row.id}`}>{row.trainee}</Link>
							</th>
							<td>
								{row.what}
								<br />
								<span className="muted">
									{t("sandboxReview.queue.revision", {
										number: row.revision,
										warnings: t("sandboxReview.count.warnings", { count: row.warnings }),
									})}
								</span>
							</td>
							<td>{row.cohort}</td>
							<td>{format.day(row.submittedAt)}</td>
							<td>
								{row.maxScore !== null && row.score !== null
									? t("sandboxReview.score.of", { score: format.number(row.score), max: format.number(row.maxScore) })
									: "—"}
							</td>
							<td>{t(`sandboxReview.status.${row.outcome ?? "submitted"}`)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
