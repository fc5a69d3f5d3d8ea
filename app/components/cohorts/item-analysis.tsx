import { Link } from "@remix-run/react";
import { FLAG_LIMITS } from "~/domain/quiz/statistics";
import type { ItemAnalysis } from "~/utils/item-analysis.server";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";
import { itemVersionLabel } from "~/utils/item-version";
import { Bar } from "./bar";

type Props = {
	analysis: ItemAnalysis;
	/** The page's address without its query, for the first/all switch. */
	path: string;
	exportBase: string | null;
};

/** Moodle's quiz statistics: the test, then every question, with the flags and how to read them. */
export function ItemAnalysisView({ analysis, path, exportBase }: Props) {
	const { t } = useTranslation();
	const format = useFormat();
	const pct = (value: number | null) =>
		value === null ? "—" : `${format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
	const num = (value: number | null) =>
		value === null ? "—" : format.number(value, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
	const { test, which } = analysis;
	const query = which === "all" ? "?attempts=all" : "";
	return (
		<div className="stack-large">
			<nav aria-label={t("cohorts.items.whichLabel")} className="actions">
				{which === "first" ? (
					<strong aria-current="true">{t("cohorts.items.first")}</strong>
				) : (
					<Link to={path}>{t("cohorts.items.first")}</Link>
				)}
				{which === "all" ? (
					<strong aria-current="true">{t("cohorts.items.all")}</strong>
				) : (
					<Link to={`${path}?attempts=all`}>{t("cohorts.items.all")}</Link>
				)}
				{exportBase ? (
					<>
						<a href={`${exportBase}.csv${query}`} download>
							{t("cohorts.export.csv")}
						</a>
						<a href={`${exportBase}.xlsx${query}`} download>
							{t("cohorts.export.xlsx")}
						</a>
					</>
				) : null}
			</nav>
			<p className="field-hint">{which === "first" ? t("cohorts.items.firstHint") : t("cohorts.items.allHint")}</p>

			<div className="items-layout">
				<section aria-labelledby="test-title">
					<h2 id="test-title">{t("cohorts.items.testTitle")}</h2>
					{test.attempts === 0 ? (
						<p>{t("cohorts.items.noAttempts")}</p>
					) : (
						<dl className="facts facts--stats">
							<dt>{t("cohorts.items.attempts")}</dt>
							<dd>{t("cohorts.items.attemptsOf", { count: test.attempts, total: analysis.total })}</dd>
							<dt>{t("cohorts.items.mean")}</dt>
							<dd>{pct(test.mean)}</dd>
							<dt>{t("cohorts.items.median")}</dt>
							<dd>{pct(test.median)}</dd>
							<dt>{t("cohorts.items.sd")}</dt>
							<dd>{pct(test.sd)}</dd>
							<dt>{t("cohorts.items.skewness")}</dt>
							<dd>{num(test.skewness)}</dd>
							<dt>{t("cohorts.items.kurtosis")}</dt>
							<dd>{num(test.kurtosis)}</dd>
							<dt>{t("cohorts.items.alpha")}</dt>
							<dd>{pct(test.alpha)}</dd>
							<dt>{t("cohorts.items.errorRatio")}</dt>
							<dd>{pct(test.errorRatio)}</dd>
							<dt>{t("cohorts.items.standardError")}</dt>
							<dd>{pct(test.standardError)}</dd>
						</dl>
					)}
				</section>

				<aside className="card how-to-read" aria-labelledby="how-title">
					<h2 id="how-title">{t("cohorts.items.howTitle")}</h2>
					<dl>
						<dt>{t("cohorts.items.facility")}</dt>
						<dd>{t("cohorts.items.howFacility", { easy: FLAG_LIMITS.easy, hard: FLAG_LIMITS.hard })}</dd>
						<dt>{t("cohorts.items.discrimination")}</dt>
						<dd>{t("cohorts.items.howDiscrimination", { limit: FLAG_LIMITS.discrimination })}</dd>
						<dt>{t("cohorts.items.efficiency")}</dt>
						<dd>{t("cohorts.items.howEfficiency")}</dd>
						<dt>{t("cohorts.items.weight")}</dt>
						<dd>{t("cohorts.items.howWeight")}</dd>
						<dt>{t("cohorts.items.alpha")}</dt>
						<dd>{t("cohorts.items.howAlpha")}</dd>
					</dl>
				</aside>
			</div>

			<section aria-labelledby="questions-title">
				<h2 id="questions-title">{t("cohorts.items.questionsTitle")}</h2>
				<div className="table-wrap">
					<table className="items-table">
						<thead>
							<tr>
								<th scope="col">{t("cohorts.items.question")}</th>
								<th scope="col">{t("cohorts.items.count")}</th>
								<th scope="col">{t("cohorts.items.facility")}</th>
								<th scope="col">{t("cohorts.items.questionSd")}</th>
								<th scope="col">{t("cohorts.items.discrimination")}</th>
								<th scope="col">{t("cohorts.items.efficiency")}</th>
								<th scope="col">{t("cohorts.items.weight")}</th>
								<th scope="col">{t("cohorts.items.flags")}</th>
							</tr>
						</thead>
						<tbody>
							{analysis.questions.map((q) => (
								<tr key={q.id} className={q.flags.length ? "flagged" : undefined}>
									<th scope="row">
										<a href={`#${q.id}`}>
											{q.number}. {q.title}
										</a>
										<span className="muted item-version">{itemVersionLabel(t, q.version)}</span>
									</th>
									<td>{q.stats.attempts}</td>
									<td className="with-bar">
										{q.stats.facility === null ? null : <Bar value={q.stats.facility} max={100} />}
										<span>{pct(q.stats.facility)}</span>
									</td>
									<td>{pct(q.stats.sd)}</td>
									<td>{pct(q.stats.discrimination)}</td>
									<td>{pct(q.stats.discriminativeEfficiency)}</td>
									<td>{pct(q.stats.effectiveWeight)}</td>
									<td>
										{q.flags.length ? (
											<ul className="flags">
												{q.flags.map((flag) => (
													<li key={flag}>{t(`cohorts.items.flag.${flag}`)}</li>
												))}
											</ul>
										) : (
											t("cohorts.items.noFlag")
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>

			<section aria-labelledby="answers-title" className="stack">
				<h2 id="answers-title">{t("cohorts.items.answersTitle")}</h2>
				{analysis.questions.map((q) => (
					<article key={q.id} id={q.id} className="card answers-card" aria-labelledby={`${q.id}-title`}>
						<h3 id={`${q.id}-title`}>
							{q.number}. {q.title}
						</h3>
						<p className="muted">{itemVersionLabel(t, q.version)}</p>
						<p className="rich-text">{q.text}</p>
						<p className="muted">{t("cohorts.items.answered", { answered: q.answered, count: q.presented })}</p>
						{q.answers.length ? (
							<table className="answers-table">
								<thead>
									<tr>
										<th scope="col">{q.type === "match" ? t("cohorts.items.stem") : t("cohorts.items.answer")}</th>
										<th scope="col">
											{q.type === "match" ? t("cohorts.items.matchedRight") : t("cohorts.items.chosen")}
										</th>
									</tr>
								</thead>
								<tbody>
									{q.answers.map((a) => (
										<tr key={a.key}>
											<th scope="row" className="rich-text">
												{q.type === "truefalse" ? t(`quiz.${a.key}`) : a.text}
												{a.right && q.type !== "match" ? <em> — {t("quiz.review.rightAnswer")}</em> : null}
											</th>
											<td className="with-bar">
												<Bar value={a.count} max={q.presented} tone={a.right ? "ok" : "brand"} />
												<span>
													{t("cohorts.items.times", {
														count: a.count,
														percent: q.presented ? Math.round((100 * a.count) / q.presented) : 0,
													})}
												</span>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						) : (
							<p>{q.type === "essay" ? t("cohorts.items.essay") : t("cohorts.items.noAnswers")}</p>
						)}
					</article>
				))}
			</section>
		</div>
	);
}
