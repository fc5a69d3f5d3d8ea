import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/utils/meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { requireComparison } from "~/utils/assessment.server";
import { translatorFor } from "~/utils/i18n.server";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";

/**
 * A country's agencies side by side per section for one year, with the country's median of the
 * submitted assessments and who has not submitted; each agency's report a click away. Admins
 * choose the country; coordinators see their own; assessors their own agency only.
 */

export async function loader({ request }: LoaderFunctionArgs) {
	const result = await requireComparison(request);
	return {
		...result,
		title: translatorFor(result.language)("assessment.meta.compare", {
			country: result.country.name,
			year: result.year,
		}),
	};
}

export default function ComparePage() {
	const { scope, year, years, country, countries, sections, comparison } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	const one = (value: number | null) => (value === null ? "—" : format.number(value, { minimumFractionDigits: 1 }));
	const query = new URLSearchParams({
		year: String(year),
		...(scope === "countries" ? { country: country.code } : {}),
	});
	return (
		<div className="stack-large">
			<header>
				<p className="eyebrow">
					<Link to="/assessment">{t("assessment.title")}</Link>
				</p>
				<h1>{t("assessment.compare.title", { country: country.name, year })}</h1>
				<p className="lead">{t("assessment.compare.lead")}</p>
			</header>
			<Form method="get" className="filters no-print">
				{scope === "countries" ? (
					<SelectField
						name="country"
						label={t("assessment.compare.country")}
						options={countries.map((c) => ({ value: c.code, label: c.name }))}
						defaultValue={country.code}
					/>
				) : null}
				<SelectField
					name="year"
					label={t("assessment.compare.year")}
					options={years.map((y) => ({ value: String(y), label: String(y) }))}
					defaultValue={String(year)}
				/>
				<button type="submit" className="button button--secondary">
					{t("assessment.compare.show")}
				</button>
			</Form>
			{scope === "agency" ? <p className="notice">{t("assessment.compare.ownAgency")}</p> : null}
			{comparison.rows.length === 0 ? (
				<p>{t("assessment.compare.noAgencies")}</p>
			) : (
				<>
					<p>
						{t("assessment.compare.summary", { submitted: comparison.submitted, count: comparison.rows.length, year })}
					</p>
					{/* A wide table scrolls on a narrow screen: the region takes the keyboard's focus to scroll it. */}
					<div className="table-wrap" role="region" aria-labelledby="compare-caption" tabIndex={0}>
						<table className="compare-table">
							<caption id="compare-caption">{t("assessment.compare.caption", { year })}</caption>
							<thead>
								<tr>
									<th scope="col">{t("assessment.compare.agency")}</th>
									<th scope="col">{t("assessment.compare.state")}</th>
									{sections.map((s) => (
										<th key={s.id} scope="col">
											<abbr title={s.title}>{s.code}</abbr>
										</th>
									))}
									<th scope="col">{t("assessment.compare.report")}</th>
								</tr>
							</thead>
							<tbody>
								{comparison.rows.map((row) => (
									<tr key={row.agencyId}>
										<th scope="row">{row.name}</th>
										<td>
											{row.assessment
												? row.assessment.status === "submitted" && row.assessment.submittedAt
													? t("assessment.compare.submittedOn", { date: format.date(row.assessment.submittedAt) })
													: t(`assessment.status.${row.assessment.status}`)
												: t("assessment.compare.notStarted")}
										</td>
										{sections.map((s) => (
											<td key={s.id}>{one(row.levels[s.id] ?? null)}</td>
										))}
										<td>
											{row.assessment ? (
												<Link
													to={`/assessment/${row.assessment.id}/report`}
													aria-label={`${t("assessment.compare.open")}: ${row.name}`}
												>
													{t("assessment.compare.open")}
												</Link>
											) : (
												"—"
											)}
										</td>
									</tr>
								))}
							</tbody>
							{scope === "agency" ? null : (
								<tfoot>
									<tr>
										<th scope="row">{t("assessment.compare.median")}</th>
										<td>{t("assessment.compare.medianOf", { count: comparison.submitted })}</td>
										{sections.map((s) => (
											<td key={s.id}>{one(comparison.medians[s.id] ?? null)}</td>
										))}
										<td />
									</tr>
								</tfoot>
							)}
						</table>
					</div>
					<section aria-labelledby="sections-legend">
						<h2 id="sections-legend" className="visually-hidden">
							{t("assessment.compare.legend")}
						</h2>
						<ul className="legend">
							{sections.map((s) => (
								<li key={s.id}>
									<strong>{s.code}</strong> {s.title}
								</li>
							))}
						</ul>
					</section>
					{scope === "agency" ? null : (
						<section aria-labelledby="missing-title">
							<h2 id="missing-title">{t("assessment.compare.notSubmittedTitle", { year })}</h2>
							{comparison.notSubmitted.length === 0 ? (
								<p>{t("assessment.compare.allSubmitted")}</p>
							) : (
								<ul>
									{comparison.notSubmitted.map((row) => (
										<li key={row.agencyId}>
											{row.name}:{" "}
											{row.assessment ? t("assessment.compare.inDraft") : t("assessment.compare.notStarted")}
										</li>
									))}
								</ul>
							)}
						</section>
					)}
					<p className="actions no-print">
						<a className="button button--secondary" href={`/assessment/compare/export/csv?${query}`} download>
							{t("assessment.report.downloadCsv")}
						</a>
						<a className="button button--secondary" href={`/assessment/compare/export/xlsx?${query}`} download>
							{t("assessment.report.downloadXlsx")}
						</a>
					</p>
				</>
			)}
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
