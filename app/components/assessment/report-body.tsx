import { Fragment } from "react";
import { ReadinessChart } from "~/components/assessment/readiness-chart";
import { PRIORITIES } from "~/domain/assessment/model";
import type { ReportView } from "~/domain/assessment/report-view";
import type { AssessmentReport } from "~/utils/assessment.server";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";

export type ReportBodyProps = {
	header: AssessmentReport["header"];
	previousYear: number | null;
	report: Omit<ReportView, "items">;
	editable: boolean;
};

/**
 * The readiness report as it reads and prints: levels per part and section (chart and table), the
 * "Compatible with the DSM" column summed up, and the gaps and recommendations in priority order
 * with the lesson that teaches each fix. It has no state and no handlers: the server renders it
 * once per change of what it shows and holds it in the page (app/utils/assessment-report.server.ts,
 * docs/decisions/0117). Its links are plain ones, which the page sends through the client router.
 */
export function ReportBody({ header, previousYear, report, editable }: ReportBodyProps) {
	const { t } = useTranslation();
	const format = useFormat();
	const one = (value: number | null) => (value === null ? "—" : format.number(value, { minimumFractionDigits: 1 }));
	const signed = (value: number | null) =>
		value === null ? "—" : format.number(value, { minimumFractionDigits: 1, signDisplay: "exceptZero" });
	const base = `/assessment/${header.id}`;
	// Gaps are numbered straight through the three priority groups.
	const groups = PRIORITIES.map((priority) => ({
		priority,
		gaps: report.gaps.filter((gap) => gap.priority === priority),
	}))
		.filter((group) => group.gaps.length > 0)
		.map((group, index, all) => ({
			...group,
			start: 1 + all.slice(0, index).reduce((sum, g) => sum + g.gaps.length, 0),
		}));
	return (
		<>
			<header className="stack">
				<p className="eyebrow">
					{header.agency} · {header.country} · {header.year}
				</p>
				<h1 id="report-title">{t("assessment.report.title")}</h1>
				<p>
					{header.status === "submitted" && header.submittedAt
						? t("assessment.report.submitted", {
								date: format.date(header.submittedAt),
								version: header.instrumentVersion,
							})
						: t("assessment.report.draft", { version: header.instrumentVersion })}
				</p>
				<p className="actions no-print">
					<a className="button button--secondary" href={`${base}/export/csv`} download>
						{t("assessment.report.downloadCsv")}
					</a>
					<a className="button button--secondary" href={`${base}/export/xlsx`} download>
						{t("assessment.report.downloadXlsx")}
					</a>
					<a className="button button--secondary" href={`${base}/export/pdf`} download>
						{t("assessment.report.downloadPdf")}
					</a>
					<a href={editable ? base : `${base}/review`}>{t("assessment.report.backToAssessment")}</a>
				</p>
			</header>

			<section aria-labelledby="readiness-title" className="stack">
				<h2 id="readiness-title">{t("assessment.report.readinessTitle")}</h2>
				<p>
					{t("assessment.report.readinessIntro")} <a href="/assessment/method">{t("assessment.index.methodLink")}</a>
				</p>
				<div className="report__readiness">
					<ReadinessChart
						sections={report.sections.map((s) => ({ id: s.id, code: s.code, level: s.level, target: s.target }))}
					/>
					{/* A wide table scrolls on a narrow screen: the region takes the keyboard's focus to scroll it. */}
					<div className="table-wrap" role="region" aria-labelledby="readiness-caption" tabIndex={0}>
						<table className="report__table">
							<caption id="readiness-caption" className="visually-hidden">
								{t("assessment.report.chartTitle")}
							</caption>
							<thead>
								<tr>
									<th scope="col">{t("assessment.report.section")}</th>
									<th scope="col">{t("assessment.report.level")}</th>
									<th scope="col">{t("assessment.report.target")}</th>
									<th scope="col">{t("assessment.report.distance")}</th>
									<th scope="col">
										{previousYear
											? t("assessment.report.change", { year: previousYear })
											: t("assessment.report.changeNone")}
									</th>
									<th scope="col">{t("assessment.report.answered")}</th>
								</tr>
							</thead>
							{report.parts.map((part) => (
								<tbody key={part.id}>
									<tr className="report__part">
										<th scope="rowgroup">{t("assessment.report.part", { id: part.id, title: part.title })}</th>
										<td>{one(part.level)}</td>
										<td colSpan={4} />
									</tr>
									{report.sections
										.filter((s) => s.part === part.id)
										.map((s) => (
											<tr key={s.id}>
												<th scope="row">
													{s.code} {s.title}
													{s.blocking ? (
														<span className="tag tag--blocking">{t("assessment.report.blocks")}</span>
													) : null}
												</th>
												<td>{s.level === null ? t("assessment.report.notRated") : one(s.level)}</td>
												<td>{s.target ?? t("assessment.report.notSet")}</td>
												<td>
													{s.distance === null
														? "—"
														: s.distance <= 0
															? t("assessment.report.reached")
															: one(s.distance)}
												</td>
												<td>{signed(s.change)}</td>
												<td>
													{s.answered} / {s.applicable}
												</td>
											</tr>
										))}
								</tbody>
							))}
						</table>
					</div>
				</div>
				{previousYear ? null : <p className="muted">{t("assessment.report.previousNone")}</p>}
			</section>

			<section aria-labelledby="levels-title" className="stack">
				<h2 id="levels-title">{t("assessment.report.levelsTitle")}</h2>
				<dl className="report__levels">
					{report.sections.map((s) => (
						<Fragment key={s.id}>
							<dt>
								{s.code} {s.title}:{" "}
								{s.reached
									? t("assessment.report.reachedLevel", { level: s.reached, name: t(`assessment.levels.${s.reached}`) })
									: t("assessment.report.notRated")}
							</dt>
							<dd>
								{s.description ?? t("assessment.report.notRatedText")}{" "}
								<a href={s.learn.href}>{t("assessment.report.learnShort", { title: s.learn.title })}</a>
							</dd>
						</Fragment>
					))}
				</dl>
			</section>

			<section aria-labelledby="compatible-title" className="stack">
				<h2 id="compatible-title">{t("assessment.report.compatibleTitle")}</h2>
				<table className="report__counts">
					<caption className="visually-hidden">{t("assessment.report.compatibleTitle")}</caption>
					<tbody>
						<tr>
							<th scope="row">{t("assessment.judgement.more")}</th>
							<td>{report.compatible.more}</td>
						</tr>
						<tr>
							<th scope="row">{t("assessment.judgement.enough")}</th>
							<td>{report.compatible.enough}</td>
						</tr>
						<tr>
							<th scope="row">{t("assessment.judgement.less")}</th>
							<td>{report.compatible.less}</td>
						</tr>
						{report.compatible.notJudged ? (
							<tr>
								<th scope="row">{t("assessment.report.notJudged")}</th>
								<td>{report.compatible.notJudged}</td>
							</tr>
						) : null}
					</tbody>
				</table>
				{report.compatible.less ? (
					<>
						<p>{t("assessment.report.lessItems", { count: report.compatible.less })}</p>
						<ul>
							{report.compatible.lessItems.map((item) => (
								<li key={`${item.code} ${item.label}`}>
									{item.code} {item.label}
								</li>
							))}
						</ul>
					</>
				) : (
					<p>{t("assessment.report.noneLess")}</p>
				)}
			</section>

			<section aria-labelledby="gaps-title" className="stack">
				<h2 id="gaps-title">{t("assessment.report.gapsTitle")}</h2>
				<p>{t("assessment.report.gapsIntro")}</p>
				{report.gaps.length === 0 ? <p>{t("assessment.report.noGaps")}</p> : null}
				{groups.map(({ priority, gaps, start }) => {
					return (
						<section key={priority} aria-labelledby={`gaps-${priority}`} className={`gaps gaps--${priority}`}>
							<h3 id={`gaps-${priority}`}>
								{t(`assessment.priority.${priority}`)} ({gaps.length})
							</h3>
							<ol start={start} className="gap-list">
								{gaps.map((gap, index) => (
									<li key={`${gap.itemId}-${index}`} className="gap">
										<p className="gap__item">
											<strong>
												{gap.code} {gap.item}
											</strong>
										</p>
										<p>{t("assessment.report.found", { condition: gap.condition, level: gap.level })}</p>
										<p>{gap.recommendation}</p>
										<p>
											<a href={gap.learn.href}>{t("assessment.report.learn", { title: gap.learn.title })}</a>
										</p>
									</li>
								))}
							</ol>
						</section>
					);
				})}
			</section>
		</>
	);
}
