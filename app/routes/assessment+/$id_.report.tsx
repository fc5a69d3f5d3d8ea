import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/utils/meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField } from "~/components/forms";
import { LEVELS, targetField } from "~/domain/assessment/model";
import { parseTargets } from "~/domain/assessment/report";
import { toFormInput } from "~/domain/form-input";
import { assessmentReport, requireAssessment, saveTargets } from "~/utils/assessment.server";
import { reportBodyHtml } from "~/utils/assessment-report.server";
import { useClientLinks } from "~/utils/client-links";
import { HELD_ATTRIBUTE, useHeldHtml } from "~/utils/held-content";
import { sendHtmlOnce } from "~/utils/held-content.server";
import { errorsOf } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

/**
 * The readiness report: levels per part and section (chart and table), the "Compatible with the
 * DSM" column summed up, gaps and recommendations in priority order with the lesson that teaches
 * each fix (app/components/assessment/report-body.tsx), targets set by the agency and the change
 * since the previous assessment. Prints on A4; the same figures export to CSV, XLSX and PDF.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
	const loaded = await requireAssessment(request, params.id);
	const language = resolveLanguage(request, loaded.user);
	const { report, header, previousYear } = await assessmentReport(loaded, language);
	const { items: _items, ...shown } = report;
	return {
		title: translatorFor(language)("assessment.meta.report", { year: header.year, agency: header.agency }),
		// The report itself, as HTML rendered once per change and sent once: in the page, not again in its data.
		body: sendHtmlOnce(reportBodyHtml({ header, previousYear, report: shown, editable: loaded.access.edit }, language)),
		targets: loaded.access.targets
			? report.sections.map(({ id, code, title, target }) => ({ id, code, title, target }))
			: [],
		canSetTargets: loaded.access.targets,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { assessment, instrument, access } = await requireAssessment(request, params.id);
	if (!access.targets) throw new Response("Forbidden", { status: 403 });
	const parsed = parseTargets(instrument, toFormInput(await request.formData()));
	if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
	await saveTargets(assessment.id, parsed.targets);
	return redirectWithToast(`/assessment/${assessment.id}/report#targets`, {
		kind: "success",
		key: "assessment.report.targetsSaved",
	});
}

export default function ReportPage() {
	const { body, targets, canSetTargets } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const bodyHtml = useHeldHtml(body.html, body.held);
	const onHeldClick = useClientLinks();
	return (
		<article className="report stack-large" aria-labelledby="report-title">
			{/* Rendered once per change of what it shows (app/utils/assessment-report.server.ts, docs/decisions/0117). */}
			<div
				className="report__body stack-large"
				{...{ [HELD_ATTRIBUTE]: body.held }}
				onClick={onHeldClick}
				dangerouslySetInnerHTML={{ __html: bodyHtml }}
			/>

			{canSetTargets ? (
				<section aria-labelledby="targets" className="stack no-print">
					<h2 id="targets" tabIndex={-1}>
						{t("assessment.report.targetsTitle")}
					</h2>
					<p>{t("assessment.report.targetsIntro")}</p>
					<Form method="post" className="stack">
						<FormErrors
							errors={
								actionData?.errors && Object.keys(actionData.errors).length
									? ["assessment.wizard.fixErrors"]
									: undefined
							}
						/>
						<div className="targets">
							{targets.map((s) => (
								<SelectField
									key={s.id}
									name={targetField(s.id)}
									label={`${s.code} ${s.title}`}
									placeholder={t("assessment.report.notSet")}
									options={LEVELS.map((level) => ({
										value: String(level),
										label: `${level} · ${t(`assessment.levels.${level}`)}`,
									}))}
									defaultValue={s.target ? String(s.target) : ""}
									errors={errorsOf(actionData, targetField(s.id))}
								/>
							))}
						</div>
						<p>
							<button type="submit" className="button">
								{t("assessment.report.saveTargets")}
							</button>
						</p>
					</Form>
				</section>
			) : null}
		</article>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
