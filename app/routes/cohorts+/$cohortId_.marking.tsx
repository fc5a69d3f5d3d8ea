import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CohortHeader } from "~/components/cohorts/cohort-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, TextAreaField } from "~/components/forms";
import { RichTextView } from "~/components/quiz/rich-text";
import { dayOf } from "~/domain/cohorts/days";
import cohortStyles from "~/styles/cohorts.css?url";
import { MarkSchema } from "~/utils/cohort-schema";
import { cohortHeading, cohortModules, cohortTrackTitle, requireCohortTrainer } from "~/utils/cohorts.server";
import { localized } from "~/utils/content.server";
import { useFormat } from "~/utils/format";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { markAnswer, markingItems, type MarkingItem } from "~/utils/marking.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const language = resolveLanguage(request, user);
	const [modules, trackTitle] = await Promise.all([cohortModules(cohort), cohortTrackTitle(cohort, language)]);
	const { queue, marked } = await markingItems(cohort, modules);
	const moduleTitle = new Map(
		modules.map(({ module }) => [module.slug, `${module.meta.number}. ${localized(module.meta.title, language)}`]),
	);
	const present = (item: MarkingItem) => ({
		key: `${item.attemptId}:${item.questionId}`,
		attemptId: item.attemptId,
		questionId: item.questionId,
		module: moduleTitle.get(item.moduleSlug) ?? item.moduleSlug,
		trainee: item.trainee.name,
		submittedAt: dayOf(item.submittedAt),
		question: item.question,
		removed: item.removed,
		answer: item.answer,
		mark: item.mark && { ...item.mark, markedAt: dayOf(item.mark.markedAt) },
	});
	return {
		title: translatorFor(language)("cohorts.marking.pageTitle", { name: cohort.name }),
		cohort: cohortHeading(cohort, language, true, trackTitle),
		queue: queue.map(present),
		marked: marked.slice(0, 50).map(present),
		markedTotal: marked.length,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const formData = await request.formData();
	const submission = parseForm(formData, MarkSchema);
	const key = `${formData.get("attemptId")}:${formData.get("questionId")}`;
	if (!submission.success) return data({ ...submission, key }, { status: 400 });
	const modules = await cohortModules(cohort);
	const { attemptId, questionId, mark, comment } = submission.data;
	const result = await markAnswer(cohort, modules, {
		attemptId,
		questionId,
		fraction: mark,
		comment,
		markedById: user.id,
	});
	if (result !== "marked") throw new Response("Not found", { status: 404 });
	return redirectWithToast(`/cohorts/${cohort.id}/marking`, { kind: "success", key: "cohorts.marking.saved" });
}

export default function MarkingPage() {
	const { cohort, queue, marked, markedTotal } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<CohortHeader cohort={cohort} title={t("cohorts.tabs.marking")} toMark={queue.length} />
			<p className="actions">
				<a href={`/cohorts/${cohort.id}/export/marking.csv`} download>
					{t("cohorts.export.markingCsv")}
				</a>
				<a href={`/cohorts/${cohort.id}/export/marking.xlsx`} download>
					{t("cohorts.export.markingXlsx")}
				</a>
			</p>
			<section aria-labelledby="queue-title" className="stack">
				<h2 id="queue-title">{t("cohorts.marking.queueTitle", { count: queue.length })}</h2>
				{queue.length === 0 ? <p>{t("cohorts.marking.empty")}</p> : null}
				{queue.map((item) => (
					<MarkingCard key={item.key} item={item} />
				))}
			</section>
			{marked.length ? (
				<section aria-labelledby="marked-title" className="stack">
					<h2 id="marked-title">{t("cohorts.marking.markedTitle", { count: markedTotal })}</h2>
					<p>{t("cohorts.marking.markedLead")}</p>
					{marked.map((item) => (
						<MarkingCard key={item.key} item={item} />
					))}
				</section>
			) : null}
		</div>
	);
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["queue"][number];

function MarkingCard({ item }: { item: Item }) {
	const { t } = useTranslation();
	const format = useFormat();
	const actionData = useActionData<typeof action>();
	const mine = actionData && "key" in actionData && actionData.key === item.key ? actionData : undefined;
	const headingId = `mark-${item.key.replace(/[^a-zA-Z0-9]/g, "-")}`;
	return (
		<article className="card marking-card" aria-labelledby={headingId}>
			<h3 id={headingId}>
				{item.trainee} · {item.module}
			</h3>
			<p className="muted">
				{t("cohorts.marking.submitted", { date: format.day(item.submittedAt) })}
				{item.mark
					? ` · ${t("cohorts.marking.markedBy", {
							mark: format.number(item.mark.fraction, { maximumFractionDigits: 2 }),
							name: item.mark.markedBy ?? "—",
							date: format.day(item.mark.markedAt),
						})}`
					: null}
			</p>
			<div className="marking-card__question">
				<p className="feedback__label">{t("cohorts.marking.question")}</p>
				{item.removed ? (
					<p className="notice">{t(`cohorts.marking.removed.${item.removed}`)}</p>
				) : (
					<RichTextView text={item.question} as="p" />
				)}
			</div>
			<div className="marking-card__answer">
				<p className="feedback__label">{t("cohorts.marking.answer")}</p>
				<p className="rich-text">{item.answer || t("quiz.review.noAnswer")}</p>
			</div>
			<Form method="post" className="stack">
				<input type="hidden" name="attemptId" value={item.attemptId} />
				<input type="hidden" name="questionId" value={item.questionId} />
				<FormErrors errors={errorsOf(mine, "attemptId") ?? errorsOf(mine, "questionId")} />
				<Field
					label={t("cohorts.marking.mark")}
					hint={t("cohorts.marking.markHint")}
					name="mark"
					inputMode="decimal"
					required
					className="input--short"
					defaultValue={valueOf(mine, "mark") ?? (item.mark ? String(item.mark.fraction) : "")}
					errors={errorsOf(mine, "mark")}
				/>
				<TextAreaField
					label={t("cohorts.marking.comment")}
					hint={t("cohorts.marking.commentHint")}
					name="comment"
					rows={4}
					maxLength={5000}
					defaultValue={valueOf(mine, "comment") ?? item.mark?.comment ?? ""}
					errors={errorsOf(mine, "comment")}
				/>
				<button type="submit" className="button">
					{item.mark ? t("cohorts.marking.update") : t("cohorts.marking.save")}
				</button>
			</Form>
		</article>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
