import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextAreaField } from "~/components/forms";
import { CommentList, ScoreSummary, describeCell } from "~/components/sandbox/review";
import { INDICATORS, isIndicatorId, type IndicatorId } from "~/domain/dsm/model";
import { dimensionOf } from "~/domain/dsm/observation";
import { cellKey } from "~/domain/sandbox/cells";
import { exerciseById } from "~/domain/sandbox/exercises";
import { COMMENT_MAX, warningId } from "~/domain/sandbox/submit";
import reviewStyles from "~/styles/sandbox-review.css?url";
import { useFormat } from "~/utils/format";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";
import { CommentSchema, DecideSchema } from "~/utils/sandbox-review-schema";
import {
	addComment,
	commentsOfSubmission,
	decide,
	decodeSubmission,
	requireSubmission,
} from "~/utils/sandbox-review.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

export const handle = { bodyLimits: { maxBytes: 64 * 1024 } };

const PAGE_ROWS = 200;
const SHOWN_FINDINGS = 100;

/**
 * A submission opened by the trainer (docs/decisions/0066): the trainee's revision read-only, one
 * indicator at a time, its report with the trainee's note on each warning, the score of an
 * exercise, comments on a cell or on the whole, and the decision. Confidential cells (CONF_STATUS
 * C) are shown to the trainers and marked; a coordinator reading the cohort sees them withheld.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, access, submission } = await requireSubmission(request, params.submissionId);
	const language = resolveLanguage(request, user);
	const t = translatorFor(language);
	const canReview = access === "review";
	const { observations, findings, notes, scoring } = decodeSubmission(submission, canReview);
	const search = new URL(request.url).searchParams;
	const present = [...new Set(observations.map((observation) => observation.indicator))];
	const selectedCell = search.get("cell");
	const cellIndicator = selectedCell?.split(".")[0];
	const asked = search.get("indicator") ?? cellIndicator ?? "";
	const indicator: IndicatorId | null = isIndicatorId(asked) && present.includes(asked) ? asked : (present[0] ?? null);
	const rows = observations.filter((observation) => observation.indicator === indicator);
	const keys = new Set(observations.map(cellKey));
	const cell = selectedCell && keys.has(selectedCell) ? selectedCell : null;
	const cellRow = cell ? rows.findIndex((observation) => cellKey(observation) === cell) : -1;
	const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
	const askedPage = Number(search.get("page") ?? "");
	const page =
		cellRow >= 0 && !search.has("page")
			? Math.floor(cellRow / PAGE_ROWS) + 1
			: Number.isInteger(askedPage) && askedPage >= 1 && askedPage <= pages
				? askedPage
				: 1;
	const flagged = new Map<string, "error" | "warning">();
	for (const finding of findings)
		for (const found of finding.cells)
			if (found.key && flagged.get(found.key) !== "error") flagged.set(found.key, finding.severity);
	const exercise = exerciseById(submission.workspace.exerciseId ?? undefined);
	const comments = await commentsOfSubmission(submission.id);
	const breakdowns = indicator ? INDICATORS[indicator].breakdowns : [];
	return {
		title: t("sandboxReview.review.pageTitle", { name: submission.submitter.name, number: submission.number }),
		canReview,
		submission: {
			id: submission.id,
			number: submission.number,
			trainee: submission.submitter.name,
			what: exercise
				? exercise.title[language]
				: `${t(`sandboxReview.kind.${submission.workspace.kind}`)} · ${submission.workspace.refArea}`,
			revision: submission.revision.number,
			submittedAt: submission.submittedAt.toISOString(),
			errors: submission.revision.errorCount,
			warnings: submission.revision.warningCount,
			review: submission.review && {
				outcome: submission.review.outcome,
				comment: submission.review.comment,
				decidedAt: submission.review.decidedAt.toISOString(),
				reviewer: submission.review.reviewer?.name ?? null,
			},
		},
		score: canReview ? scoring : null,
		findings: findings.slice(0, SHOWN_FINDINGS).map((finding, index) => ({
			index,
			rule: finding.rule,
			severity: finding.severity,
			message: finding.message[language],
			section: finding.section,
			cells: finding.cells.flatMap((found) => (found.key ? [found.key] : [])).slice(0, 5),
			note: finding.severity === "warning" ? (notes[warningId(index)] ?? "") : null,
		})),
		findingsTotal: findings.length,
		indicators: present.map((id) => ({ id, title: INDICATORS[id].title[language] })),
		table: indicator
			? {
					indicator,
					title: INDICATORS[indicator].title[language],
					breakdowns,
					page,
					pages,
					rows: rows.slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS).map((observation) => {
						const key = cellKey(observation);
						return {
							key,
							codes: breakdowns.map((dimension) => dimensionOf(observation, dimension)),
							period: dimensionOf(observation, "TIME_PERIOD"),
							value: observation.value,
							status: observation.attributes.OBS_STATUS,
							confidential: observation.attributes.CONF_STATUS === "C",
							flag: flagged.get(key) ?? null,
						};
					}),
				}
			: null,
		cell,
		comments: comments.map((comment) => ({
			id: comment.id,
			cellKey: comment.cellKey,
			body: comment.body,
			createdAt: comment.createdAt.toISOString(),
			author: comment.author?.name ?? null,
		})),
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, access, submission } = await requireSubmission(request, params.submissionId);
	if (access !== "review") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
	const formData = await request.formData();
	const here = `/sandbox/reviews/${submission.id}`;
	if (formData.get("intent") === "comment") {
		const parsed = parseForm(formData, CommentSchema);
		if (!parsed.success)
			return data({ form: "comment", errors: parsed.errors, values: parsed.values }, { status: 400 });
		const { cellKey: key, body } = parsed.data;
		const { observations } = decodeSubmission(submission, true);
		if (key !== null && !observations.some((observation) => cellKey(observation) === key))
			return data(
				{ form: "comment", errors: { cellKey: ["sandboxReview.review.noSuchCell"] }, values: { body } },
				{ status: 400 },
			);
		await addComment({
			revisionId: submission.revision.id,
			submissionId: submission.id,
			authorId: user.id,
			cellKey: key,
			body,
		});
		return redirectWithToast(key ? `${here}?cell=${encodeURIComponent(key)}#comments` : `${here}#comments`, {
			kind: "success",
			key: "sandboxReview.review.commented",
		});
	}
	const parsed = parseForm(formData, DecideSchema);
	if (!parsed.success) return data({ form: "decide", errors: parsed.errors, values: parsed.values }, { status: 400 });
	const outcome = parsed.data.intent === "return" ? "returned" : "accepted";
	if (!(await decide(submission.id, user.id, outcome, parsed.data.comment)))
		return data(
			{
				form: "decide",
				errors: { "": ["sandboxReview.review.alreadyDecided"] },
				values: { comment: parsed.data.comment },
			},
			{ status: 409 },
		);
	return redirectWithToast("/sandbox/reviews", { kind: "success", key: `sandboxReview.review.done.${outcome}` });
}

export default function ReviewPage() {
	const { submission, canReview, score, findings, findingsTotal, indicators, table, cell, comments } =
		useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	const here = `/sandbox/reviews/${submission.id}`;
	const cellHref = (key: string) => `${here}?cell=${encodeURIComponent(key)}#comment-form`;
	const commentData = actionData?.form === "comment" ? actionData : undefined;
	const decideData = actionData?.form === "decide" ? actionData : undefined;
	return (
		<div className="stack-large">
			<header className="stack">
				<p className="muted">
					<Link to="/sandbox/reviews">{t("sandboxReview.review.back")}</Link>
				</p>
				<h1>{t("sandboxReview.review.heading", { name: submission.trainee, number: submission.number })}</h1>
				<p className="lead">
					{submission.what} ·{" "}
					{t("sandboxReview.review.revisionLine", {
						number: submission.revision,
						date: format.day(submission.submittedAt),
					})}
				</p>
				<p>
					{submission.review
						? t(`sandboxReview.outcome.${submission.review.outcome}`, {
								name: submission.review.reviewer ?? "—",
								date: format.day(submission.review.decidedAt),
							})
						: t("sandboxReview.outcome.waiting")}
				</p>
				{!canReview ? <p className="notice">{t("sandboxReview.review.readOnly")}</p> : null}
			</header>

			<section aria-labelledby="report-title" className="stack">
				<h2 id="report-title">
					{t("sandboxReview.review.report", {
						errors: t("sandboxReview.count.errors", { count: submission.errors }),
						warnings: t("sandboxReview.count.warnings", { count: submission.warnings }),
					})}
				</h2>
				{findings.length === 0 ? <p>{t("sandboxReview.review.clean")}</p> : null}
				<ol className="finding-list">
					{findings.map((finding) => (
						<li key={finding.index} className={`finding finding--${finding.severity}`}>
							<p>
								<strong>{finding.rule}</strong> ({t(`sandboxReview.severity.${finding.severity}`)}): {finding.message}{" "}
								<Link to={finding.section}>{t("sandboxReview.review.lesson")}</Link>
							</p>
							{finding.cells.length ? (
								<p className="muted">
									{finding.cells.map((key, position) => (
										<span key={key}>
											{position ? "; " : ""}
											<a href={cellHref(key)}>{describeCell(key)}</a>
										</span>
									))}
								</p>
							) : null}
							{finding.note !== null ? (
								<p className="note">
									{t("sandboxReview.review.traineeNote")} {finding.note || "—"}
								</p>
							) : null}
						</li>
					))}
				</ol>
				{findingsTotal > findings.length ? (
					<p className="muted">{t("sandboxReview.review.moreFindings", { count: findingsTotal - findings.length })}</p>
				) : null}
			</section>

			{score ? (
				<section aria-labelledby="score-title" className="stack">
					<h2 id="score-title">{t("sandboxReview.review.score")}</h2>
					<ScoreSummary score={score} />
				</section>
			) : null}

			<section aria-labelledby="content-title" className="stack">
				<h2 id="content-title">{t("sandboxReview.review.content")}</h2>
				{indicators.length > 1 ? (
					<nav aria-label={t("sandboxReview.review.indicators")}>
						<ul className="actions pager">
							{indicators.map((item) => (
								<li key={item.id}>
									<Link
										to={`${here}?indicator=${item.id}`}
										aria-current={table?.indicator === item.id ? "page" : undefined}
									>
										{item.id}
									</Link>
								</li>
							))}
						</ul>
					</nav>
				) : null}
				{table ? (
					<>
						<div className="table-scroll" tabIndex={0} role="region" aria-labelledby="content-caption">
							<table className="review-table">
								<caption id="content-caption">
									{table.indicator}: {table.title}
									{table.pages > 1
										? ` — ${t("sandboxReview.review.page", { page: table.page, pages: table.pages })}`
										: ""}
								</caption>
								<thead>
									<tr>
										<th scope="col">TIME_PERIOD</th>
										{table.breakdowns.map((dimension) => (
											<th scope="col" key={dimension}>
												{dimension}
											</th>
										))}
										<th scope="col">OBS_VALUE</th>
										<th scope="col">{t("sandboxReview.review.flags")}</th>
										{canReview ? <th scope="col">{t("sandboxReview.review.commentColumn")}</th> : null}
									</tr>
								</thead>
								<tbody>
									{table.rows.map((row, index) => (
										<tr
											key={`${row.key}-${index}`}
											id={`cell-${row.key}`}
											className={[row.flag ? `row--${row.flag}` : "", row.key === cell ? "row--selected" : ""].join(
												" ",
											)}
										>
											<td>{row.period}</td>
											{row.codes.map((code, position) => (
												<td key={position}>{code}</td>
											))}
											<td className="number">
												{row.confidential && !canReview ? (
													<span>{t("sandboxReview.review.withheld")}</span>
												) : (
													row.value || "—"
												)}
											</td>
											<td>
												{row.confidential ? (
													<span className="badge badge--confidential">{t("sandboxReview.review.confidential")}</span>
												) : null}
												{row.status !== "A" ? ` OBS_STATUS=${row.status}` : ""}
												{row.flag ? ` ${t(`sandboxReview.severity.${row.flag}`)}` : ""}
											</td>
											{canReview ? (
												<td>
													<a
														href={cellHref(row.key)}
														aria-label={t("sandboxReview.review.commentOn", { cell: describeCell(row.key) })}
													>
														{t("sandboxReview.review.commentLink")}
													</a>
												</td>
											) : null}
										</tr>
									))}
								</tbody>
							</table>
						</div>
						{table.pages > 1 ? (
							<nav aria-label={t("sandboxReview.review.pages")}>
								<ul className="actions pager">
									{Array.from({ length: table.pages }, (_, position) => position + 1).map((page) => (
										<li key={page}>
											<Link
												to={`${here}?indicator=${table.indicator}&page=${page}`}
												aria-current={page === table.page ? "page" : undefined}
											>
												{page}
											</Link>
										</li>
									))}
								</ul>
							</nav>
						) : null}
					</>
				) : (
					<p>{t("sandboxReview.review.empty")}</p>
				)}
			</section>

			<section aria-labelledby="comments-title" className="stack" id="comments">
				<h2 id="comments-title">{t("sandboxReview.comments.title")}</h2>
				<CommentList comments={comments} cellHref={cellHref} />
				{canReview ? (
					<Form method="post" className="stack" id="comment-form" action={here}>
						<h3>
							{cell
								? t("sandboxReview.review.commentCell", { cell: describeCell(cell) })
								: t("sandboxReview.review.commentWhole")}
						</h3>
						{cell ? (
							<p>
								<a href={`${here}#comment-form`}>{t("sandboxReview.review.commentWholeInstead")}</a>
							</p>
						) : (
							<p className="muted">{t("sandboxReview.review.commentCellHint")}</p>
						)}
						<input type="hidden" name="cellKey" value={cell ?? ""} />
						<FormErrors errors={errorsOf(commentData, "cellKey")} />
						<TextAreaField
							label={t("sandboxReview.review.commentBody")}
							name="body"
							rows={3}
							maxLength={COMMENT_MAX}
							required
							defaultValue={valueOf(commentData, "body") ?? ""}
							errors={errorsOf(commentData, "body")}
						/>
						<p>
							<button type="submit" name="intent" value="comment" className="button button--secondary">
								{t("sandboxReview.review.postComment")}
							</button>
						</p>
					</Form>
				) : null}
			</section>

			{canReview && !submission.review ? (
				<section aria-labelledby="decide-title" className="stack">
					<h2 id="decide-title">{t("sandboxReview.review.decide")}</h2>
					<Form method="post" className="stack" action={here}>
						<FormErrors errors={errorsOf(decideData, "")} />
						<TextAreaField
							label={t("sandboxReview.review.decisionComment")}
							hint={t("sandboxReview.review.decisionHint")}
							name="comment"
							rows={4}
							maxLength={COMMENT_MAX}
							defaultValue={valueOf(decideData, "comment") ?? ""}
							errors={errorsOf(decideData, "comment")}
						/>
						<p className="actions">
							<button type="submit" name="intent" value="return" className="button button--secondary">
								{t("sandboxReview.review.return")}
							</button>
							<button type="submit" name="intent" value="accept" className="button">
								{t("sandboxReview.review.accept")}
							</button>
						</p>
					</Form>
				</section>
			) : null}
			{submission.review?.comment ? (
				<section aria-labelledby="decision-title" className="stack">
					<h2 id="decision-title">{t("sandboxReview.review.decisionTitle")}</h2>
					<p className="comment__body">{submission.review.comment}</p>
				</section>
			) : null}
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
