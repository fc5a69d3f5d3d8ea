import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { StepNav, WizardHeader } from "~/components/assessment/wizard";
import { pageMeta } from "~/utils/meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { REVIEW_STEP, stepProgress } from "~/domain/assessment/progress";
import { itemLabel, pick, stepEntries } from "~/domain/assessment/view";
import {
	agencyName,
	assessmentEvents,
	reopenAssessment,
	requireAssessment,
	submitAssessment,
} from "~/utils/assessment.server";
import { useFormat } from "~/utils/format";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

/**
 * The last step: what is still unanswered, then Submit, which locks this version. A coordinator of
 * the agency's country or an admin may reopen a submitted assessment, with a reason that is kept.
 */

const SubmitSchema = z.object({ intent: z.literal("submit") });
const ReopenSchema = z.object({
	intent: z.literal("reopen"),
	reason: z
		.string({ error: "assessment.errors.reasonRequired" })
		.trim()
		.min(1, "assessment.errors.reasonRequired")
		.max(500, "errors.tooLong"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, assessment, instrument, answers, access } = await requireAssessment(request, params.id);
	const language = resolveLanguage(request, user);
	const t = translatorFor(language);
	const progress = stepProgress(instrument, answers);
	const items = new Map(instrument.sections.flatMap((s) => s.items).map((item) => [item.id, item]));
	const unanswered = progress.flatMap((step) => {
		const missing = step.items.filter((item) => item.state === "unanswered");
		if (!missing.length) return [];
		return [
			{
				step: step.section.id,
				title: `${step.section.code} ${pick(step.section.title, language)}`,
				items: missing.map((item) => {
					const def = items.get(item.id)!;
					return { id: item.id, label: `${def.code} ${itemLabel(def, answers[item.id], language)}` };
				}),
			},
		];
	});
	const events = await assessmentEvents(assessment.id);
	return {
		title: t("assessment.meta.review", { year: assessment.year, agency: agencyName(assessment.agency, language) }),
		assessment: {
			id: assessment.id,
			year: assessment.year,
			status: assessment.status,
			submittedAt: assessment.submittedAt,
			agency: agencyName(assessment.agency, language),
		},
		access: { edit: access.edit, reopen: access.reopen },
		steps: stepEntries(progress, language, t("assessment.review.title")),
		answered: progress.reduce((sum, step) => sum + step.answered, 0),
		applicable: progress.reduce((sum, step) => sum + step.applicable, 0),
		unanswered,
		events: events.map((e) => ({ kind: e.kind, note: e.note, at: e.at, name: e.user?.name ?? null })),
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, assessment, access } = await requireAssessment(request, params.id);
	const formData = await request.formData();
	const review = `/assessment/${assessment.id}/${REVIEW_STEP}`;
	if (formData.get("intent") === "reopen") {
		if (!access.reopen) throw new Response("Forbidden", { status: 403 });
		const parsed = parseForm(formData, ReopenSchema);
		if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
		await reopenAssessment(assessment.id, user.id, parsed.data.reason);
		return redirectWithToast(review, { kind: "success", key: "assessment.review.reopened" });
	}
	if (!access.edit) {
		if (assessment.status !== "draft")
			return redirectWithToast(review, { kind: "error", key: "assessment.wizard.lockedToast" });
		throw new Response("Forbidden", { status: 403 });
	}
	const parsed = parseForm(formData, SubmitSchema);
	if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
	await submitAssessment(assessment.id, user.id);
	return redirectWithToast(`/assessment/${assessment.id}/report`, {
		kind: "success",
		key: "assessment.review.submitted",
	});
}

export default function ReviewPage() {
	const { assessment, access, steps, answered, applicable, unanswered, events } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	const missing = unanswered.reduce((sum, step) => sum + step.items.length, 0);
	return (
		<div className="stack-large">
			<WizardHeader agency={assessment.agency} year={assessment.year} title={t("assessment.review.title")} />
			<div className="reader">
				<StepNav assessmentId={assessment.id} steps={steps} current={REVIEW_STEP} />
				<div className="stack-large">
					<section aria-labelledby="answered-title" className="stack">
						<h2 id="answered-title">{t("assessment.review.answeredTitle")}</h2>
						<p>{t("assessment.review.answered", { answered, count: applicable })}</p>
						{missing === 0 ? (
							<p>{t("assessment.review.allAnswered")}</p>
						) : (
							<>
								<h3>{t("assessment.review.unanswered", { count: missing })}</h3>
								{unanswered.map((step) => (
									<div key={step.step}>
										<p>
											<Link to={`/assessment/${assessment.id}/${step.step}`}>{step.title}</Link>
										</p>
										<ul>
											{step.items.map((item) => (
												<li key={item.id}>
													<Link to={`/assessment/${assessment.id}/${step.step}#item-${item.id}`}>{item.label}</Link>
												</li>
											))}
										</ul>
									</div>
								))}
							</>
						)}
					</section>

					{assessment.status === "draft" ? (
						access.edit ? (
							<Form method="post" className="card stack" aria-labelledby="submit-title">
								<h2 id="submit-title">{t("assessment.review.submitTitle")}</h2>
								<p>{t("assessment.review.submitHint")}</p>
								{missing ? (
									<p className="notice">{t("assessment.review.unansweredWarning", { count: missing })}</p>
								) : null}
								<p className="actions">
									<button type="submit" name="intent" value="submit" className="button">
										{t("assessment.review.submit")}
									</button>
									<Link className="button button--secondary" to={`/assessment/${assessment.id}/report`}>
										{t("assessment.index.previewReport")}
									</Link>
								</p>
							</Form>
						) : (
							<p className="notice">{t("assessment.wizard.readOnly")}</p>
						)
					) : (
						<section aria-labelledby="submitted-title" className="card stack">
							<h2 id="submitted-title">{t("assessment.status.submitted")}</h2>
							{assessment.submittedAt ? (
								<p>{t("assessment.review.submittedOn", { date: format.date(assessment.submittedAt) })}</p>
							) : null}
							<p>
								<Link className="button" to={`/assessment/${assessment.id}/report`}>
									{t("assessment.index.report")}
								</Link>
							</p>
							{access.reopen ? (
								<Form method="post" className="stack" aria-labelledby="reopen-title">
									<h3 id="reopen-title">{t("assessment.review.reopenTitle")}</h3>
									<FormErrors errors={errorsOf(actionData, "")} />
									<Field
										name="reason"
										label={t("assessment.review.reopenReason")}
										hint={t("assessment.review.reopenHint")}
										maxLength={500}
										required
										defaultValue={valueOf(actionData, "reason")}
										errors={errorsOf(actionData, "reason")}
									/>
									<p>
										<button type="submit" name="intent" value="reopen" className="button button--secondary">
											{t("assessment.review.reopen")}
										</button>
									</p>
								</Form>
							) : null}
						</section>
					)}

					<section aria-labelledby="history-title">
						<h2 id="history-title">{t("assessment.review.historyTitle")}</h2>
						<ol className="history">
							{events.map((event, index) => (
								<li key={index}>
									<time dateTime={new Date(event.at).toISOString()}>{format.dateTime(event.at)}</time>
									{" · "}
									{t(
										event.kind === "started" && event.note
											? "assessment.review.event.startedFrom"
											: `assessment.review.event.${event.kind}`,
										{ name: event.name ?? t("assessment.review.someone"), note: event.note, year: event.note },
									)}
								</li>
							))}
						</ol>
					</section>
				</div>
			</div>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
