import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextAreaField } from "~/components/forms";
import { CommentList, ScoreSummary, describeCell } from "~/components/sandbox/review";
import type { ExerciseScore } from "~/domain/sandbox/exercises";
import { exerciseById } from "~/domain/sandbox/exercises";
import { NOTE_MAX, notesFromForm, warningsOf, type SubmitRefusal } from "~/domain/sandbox/submit";
import reviewStyles from "~/styles/sandbox-review.css?url";
import { prisma } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";
import { commentsOfWorkspace, reviewingCohortOf, submissionsOf, submitRevision } from "~/utils/sandbox-review.server";
import { getRevision, requireOwnWorkspace, requireWorkspace } from "~/utils/sandbox.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

export const handle = { bodyLimits: { maxBytes: 256 * 1024 } };

/**
 * The trainee's side of review (docs/decisions/0066): submit the latest revision to the cohort's
 * trainers (a note per warning), then the submissions with their status, score, the trainers'
 * comments and decisions. Answering a return is a new revision, submitted again here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, workspace } = await requireWorkspace(request, params.workspaceId);
	const language = resolveLanguage(request, user);
	const t = translatorFor(language);
	const [revision, submissions, comments, cohortId] = await Promise.all([
		getRevision(workspace.id),
		submissionsOf(workspace.id),
		commentsOfWorkspace(workspace.id),
		reviewingCohortOf(user.id),
	]);
	const exercise = exerciseById(workspace.exerciseId ?? undefined);
	const cohort = cohortId ? await prisma.cohort.findUnique({ where: { id: cohortId }, select: { name: true } }) : null;
	return {
		title: t("sandboxReview.submit.pageTitle"),
		workspace: {
			id: workspace.id,
			title: exercise ? exercise.title[language] : workspace.title || t(`sandboxReview.kind.${workspace.kind}`),
			refArea: workspace.refArea,
			status: workspace.status,
			exerciseId: exercise?.id ?? null,
		},
		cohort: cohort?.name ?? null,
		revision: revision && {
			number: revision.number,
			createdAt: revision.createdAt.toISOString(),
			errors: revision.errorCount,
			warnings: warningsOf(revision.findings).map((warning) => ({
				id: warning.id,
				rule: warning.finding.rule,
				message: warning.finding.message[language],
				cells: warning.finding.cells.flatMap((cell) => (cell.key ? [cell.key] : [])).slice(0, 3),
			})),
		},
		submissions: submissions.map((submission) => ({
			id: submission.id,
			number: submission.number,
			revision: submission.revision.number,
			submittedAt: submission.submittedAt.toISOString(),
			toCohort: submission.cohortId !== null,
			notes: JSON.parse(submission.warningNotes) as Record<string, string>,
			score: submission.scoring ? (JSON.parse(submission.scoring) as ExerciseScore) : null,
			review: submission.review && {
				outcome: submission.review.outcome,
				comment: submission.review.comment,
				decidedAt: submission.review.decidedAt.toISOString(),
				reviewer: submission.review.reviewer?.name ?? null,
			},
		})),
		comments: comments.map((comment) => ({
			id: comment.id,
			cellKey: comment.cellKey,
			body: comment.body,
			createdAt: comment.createdAt.toISOString(),
			author: comment.author?.name ?? null,
			revision: comment.revision.number,
		})),
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, workspace } = await requireOwnWorkspace(request, params.workspaceId);
	const formData = await request.formData();
	if (formData.get("intent") !== "submit") throw new Response("Bad request", { status: 400 });
	const notes = notesFromForm(formData.entries());
	const revisionNumber = Number(formData.get("revision"));
	const result = await submitRevision(
		workspace,
		user.id,
		notes,
		Number.isInteger(revisionNumber) && revisionNumber > 0 ? revisionNumber : undefined,
	);
	if (!result.ok) return data({ refusal: result.refusal, notes }, { status: 400 });
	return redirectWithToast(`/sandbox/${workspace.id}/submissions`, {
		kind: "success",
		key: result.score ? "sandboxReview.submit.doneScored" : "sandboxReview.submit.done",
		values: { number: result.number },
	});
}

function refusalMessage(refusal: SubmitRefusal): { key: string; values?: Record<string, number> } {
	switch (refusal.reason) {
		case "errors":
			return { key: "sandboxReview.submit.refused.errors", values: { count: refusal.errors } };
		case "notes":
			return {
				key: "sandboxReview.submit.refused.notes",
				values: { count: refusal.missing.length + refusal.tooLong.length },
			};
		case "pending":
			return { key: "sandboxReview.submit.refused.pending" };
		default:
			return { key: "sandboxReview.submit.refused.noRevision" };
	}
}

export default function SubmissionsPage() {
	const { workspace, cohort, revision, submissions, comments } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	const refusal = actionData?.refusal;
	const missing = new Set(refusal?.reason === "notes" ? refusal.missing : []);
	const tooLong = new Set(refusal?.reason === "notes" ? refusal.tooLong : []);
	const message = refusal ? refusalMessage(refusal) : undefined;
	const pending = workspace.status === "submitted";
	return (
		<div className="stack-large">
			<header className="stack">
				<p className="muted">
					<Link to={`/sandbox/${workspace.id}`}>{t("sandboxReview.submit.back", { title: workspace.title })}</Link>
					{workspace.exerciseId ? (
						<>
							{" · "}
							<Link to={`/sandbox/exercises/${workspace.exerciseId}`}>{t("sandboxReview.submit.exercise")}</Link>
						</>
					) : null}
				</p>
				<h1>{t("sandboxReview.submit.heading", { title: workspace.title })}</h1>
				<p>
					{t("sandboxReview.submit.status")} <strong>{t(`sandboxReview.status.${workspace.status}`)}</strong>
				</p>
			</header>

			<section aria-labelledby="submit-title" className="stack">
				<h2 id="submit-title">{t("sandboxReview.submit.title")}</h2>
				<p>{cohort ? t("sandboxReview.submit.toCohort", { cohort }) : t("sandboxReview.submit.noCohort")}</p>
				{!revision ? (
					<p>{t("sandboxReview.submit.noRevision")}</p>
				) : pending ? (
					<p>{t("sandboxReview.submit.refused.pending")}</p>
				) : revision.errors > 0 ? (
					<p className="notice notice--error" role="status">
						{t("sandboxReview.submit.blocked", { count: revision.errors, number: revision.number })}{" "}
						<Link to={`/sandbox/${workspace.id}`}>{t("sandboxReview.submit.fixFirst")}</Link>
					</p>
				) : (
					<Form method="post" className="stack" noValidate>
						<input type="hidden" name="revision" value={revision.number} />
						{message ? <FormErrors errors={[message.key]} /> : null}
						<p>
							{t("sandboxReview.submit.revisionLine", {
								number: revision.number,
								date: format.day(revision.createdAt),
							})}
						</p>
						{revision.warnings.length ? (
							<fieldset className="stack">
								<legend>{t("sandboxReview.submit.notesLegend", { count: revision.warnings.length })}</legend>
								<p className="muted">{t("sandboxReview.submit.notesHint")}</p>
								{revision.warnings.map((warning) => (
									<TextAreaField
										key={warning.id}
										name={`note.${warning.id}`}
										label={`${warning.rule}: ${warning.message}`}
										hint={warning.cells.map(describeCell).join("; ") || undefined}
										rows={2}
										maxLength={NOTE_MAX}
										required
										defaultValue={actionData?.notes?.[warning.id] ?? ""}
										errors={
											missing.has(warning.id)
												? ["sandboxReview.submit.noteRequired"]
												: tooLong.has(warning.id)
													? ["errors.tooLong"]
													: undefined
										}
									/>
								))}
							</fieldset>
						) : (
							<p>{t("sandboxReview.submit.clean")}</p>
						)}
						<p>
							<button type="submit" name="intent" value="submit" className="button">
								{t("sandboxReview.submit.button", { number: revision.number })}
							</button>
						</p>
					</Form>
				)}
			</section>

			<section aria-labelledby="history-title" className="stack">
				<h2 id="history-title">{t("sandboxReview.submit.history")}</h2>
				{submissions.length === 0 ? <p>{t("sandboxReview.submit.noneYet")}</p> : null}
				{submissions.map((submission) => (
					<article key={submission.id} className="card stack" aria-labelledby={`submission-${submission.number}`}>
						<h3 id={`submission-${submission.number}`}>
							{t("sandboxReview.submit.submissionTitle", {
								number: submission.number,
								revision: submission.revision,
								date: format.day(submission.submittedAt),
							})}
						</h3>
						<p>
							{submission.review
								? t(`sandboxReview.outcome.${submission.review.outcome}`, {
										name: submission.review.reviewer ?? "—",
										date: format.day(submission.review.decidedAt),
									})
								: submission.toCohort
									? t("sandboxReview.outcome.waiting")
									: t("sandboxReview.outcome.noReviewer")}
						</p>
						{submission.review?.comment ? <p className="comment__body">{submission.review.comment}</p> : null}
						{Object.keys(submission.notes).length ? (
							<details>
								<summary>
									{t("sandboxReview.submit.yourNotes", { count: Object.keys(submission.notes).length })}
								</summary>
								<ul>
									{Object.entries(submission.notes).map(([id, note]) => (
										<li key={id}>{note}</li>
									))}
								</ul>
							</details>
						) : null}
						{submission.score ? <ScoreSummary score={submission.score} /> : null}
					</article>
				))}
			</section>

			<section aria-labelledby="comments-title" className="stack">
				<h2 id="comments-title">{t("sandboxReview.comments.title")}</h2>
				<p className="muted">{t("sandboxReview.comments.traineeLead")}</p>
				<CommentList comments={comments} />
			</section>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
