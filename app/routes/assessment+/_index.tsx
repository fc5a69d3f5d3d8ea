import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { pageMeta } from "~/utils/meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, SelectField } from "~/components/forms";
import { requireRole, requireUser } from "~/utils/auth.server";
import { agencyAssessments, agencyName, currentYear, startAssessment } from "~/utils/assessment.server";
import { prisma } from "~/utils/db.server";
import { useFormat } from "~/utils/format";
import { errorsOf, parseForm } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { hasRole } from "~/utils/roles";
import { redirectWithToast } from "~/utils/toast.server";

/** The years an assessment may be started for: this year and the one before, when the agency has none yet. */
function startableYears(existing: readonly number[], year = currentYear()) {
	return [year, year - 1].filter((y) => !existing.includes(y));
}

/** Any year the page may have offered; one a colleague has started in the meantime is found, not refused. */
function startSchema(years: readonly number[]) {
	return z.object({
		intent: z.literal("start"),
		year: z.coerce
			.number({ error: "assessment.errors.year" })
			.int()
			.refine((year) => years.includes(year), "assessment.errors.year"),
		fromPrevious: z
			.string()
			.optional()
			.transform((value) => value === "on"),
	});
}

/**
 * The wizard's front page: an assessor's agency, its assessments and the form to start one; the
 * way to the comparison for coordinators and admins. Anyone else signed in (a trainee following a
 * lesson's link) learns who fills it in; starting one needs the assessor role (action).
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const language = resolveLanguage(request, user);
	const assessor = hasRole(user, "assessor");
	const agency =
		assessor && user.agencyId
			? await prisma.agency.findUnique({ where: { id: user.agencyId }, select: { id: true, name: true, nameRu: true } })
			: null;
	const assessments = agency ? await agencyAssessments(agency.id) : [];
	return {
		title: translatorFor(language)("assessment.meta.index"),
		assessor,
		compares: hasRole(user, "coordinator", "admin"),
		agency: agency ? agencyName(agency, language) : null,
		assessments,
		years: startableYears(assessments.map((a) => a.year)),
		// What a new assessment may start from: the latest submitted one.
		previousYear: assessments.find((a) => a.status === "submitted")?.year ?? null,
	};
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireRole(request, "assessor");
	if (!user.agencyId) return data({ errors: { "": ["assessment.errors.noAgency"] } }, { status: 400 });
	const parsed = parseForm(await request.formData(), startSchema(startableYears([])));
	if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 });
	const { year, fromPrevious } = parsed.data;
	const result = await startAssessment(user.id, user.agencyId, year, fromPrevious);
	return redirectWithToast(
		`/assessment/${result.id}`,
		result.ok
			? { kind: "success", key: "assessment.index.started" }
			: { kind: "success", key: "assessment.index.exists", values: { year } },
	);
}

export default function AssessmentIndex() {
	const { assessor, compares, agency, assessments, years, previousYear } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="narrow stack-large">
			<header>
				<h1>{t("assessment.title")}</h1>
				<p className="lead">{t("assessment.index.lead")}</p>
			</header>
			{assessor ? (
				<section aria-labelledby="own-agency" className="stack">
					<h2 id="own-agency">{agency ?? t("assessment.index.yourAgency")}</h2>
					{!agency ? (
						<p className="notice">
							{t("assessment.index.noAgency")} <Link to="/settings/profile">{t("assessment.index.profileLink")}</Link>
						</p>
					) : assessments.length === 0 ? (
						<p>{t("assessment.index.none")}</p>
					) : (
						<ul className="assessment-list">
							{assessments.map((a) => (
								<li key={a.id} className="card">
									<h3>{t("assessment.index.yearHeading", { year: a.year })}</h3>
									<p>
										{a.status === "submitted" && a.submittedAt ? (
											<span className="status status--completed">
												{t("assessment.index.submittedOn", { date: format.date(a.submittedAt) })}
											</span>
										) : (
											<>
												<span className="status status--in-progress">{t("assessment.status.draft")}</span>
												{" · "}
												{t("assessment.index.progress", { complete: a.complete, steps: a.steps })}
											</>
										)}
									</p>
									<p className="actions">
										{a.status === "draft" ? (
											<Link className="button" to={`/assessment/${a.id}/${a.resume}`}>
												{t("assessment.index.continue", { year: a.year })}
											</Link>
										) : null}
										<Link
											className={a.status === "draft" ? "button button--secondary" : "button"}
											to={`/assessment/${a.id}/report`}
										>
											{t(a.status === "draft" ? "assessment.index.previewReport" : "assessment.index.report", {
												year: a.year,
											})}
										</Link>
									</p>
								</li>
							))}
						</ul>
					)}
					{agency && years.length ? (
						<Form method="post" className="card stack" aria-labelledby="start-title">
							<h3 id="start-title">{t("assessment.index.startTitle")}</h3>
							<FormErrors errors={errorsOf(actionData, "")} />
							<input type="hidden" name="intent" value="start" />
							<SelectField
								name="year"
								label={t("assessment.index.startYear")}
								options={years.map((year) => ({ value: String(year), label: String(year) }))}
								defaultValue={String(years[0])}
								errors={errorsOf(actionData, "year")}
							/>
							{previousYear ? (
								<div className="checkbox">
									<input
										type="checkbox"
										id="fromPrevious"
										name="fromPrevious"
										defaultChecked
										aria-describedby="fromPrevious-hint"
									/>
									<label htmlFor="fromPrevious">{t("assessment.index.fromPrevious", { year: previousYear })}</label>
								</div>
							) : null}
							{previousYear ? (
								<p id="fromPrevious-hint" className="field-hint">
									{t("assessment.index.fromPreviousHint")}
								</p>
							) : null}
							<p>
								<button type="submit" className="button">
									{t("assessment.index.start")}
								</button>
							</p>
						</Form>
					) : null}
				</section>
			) : null}
			{!assessor && !compares ? <p className="notice">{t("assessment.index.noRole")}</p> : null}
			{compares ? (
				<section aria-labelledby="compare-title" className="card">
					<h2 id="compare-title">{t("assessment.index.compareTitle")}</h2>
					<p>{t("assessment.index.compareText")}</p>
					<p>
						<Link to="/assessment/compare">{t("assessment.index.compareLink")}</Link>
					</p>
				</section>
			) : null}
			<section aria-labelledby="about-title">
				<h2 id="about-title">{t("assessment.index.aboutTitle")}</h2>
				<p>{t("assessment.index.aboutText")}</p>
				<ul>
					<li>
						<Link to="/assessment/method">{t("assessment.index.methodLink")}</Link>
					</li>
					<li>
						<Link to="/modules/it-prerequisites">{t("assessment.index.lessonLink")}</Link>
					</li>
				</ul>
			</section>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
