import { parseCellKey } from "~/domain/sandbox/cells";
import type { ExerciseScore, ScoredCell } from "~/domain/sandbox/exercises";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";

/** A cell key as a statistician reads it: "IND3 · XA · 2024 · CITIZEN=AF, SEX=F, AGE=Y18-34". */
export function describeCell(key: string): string {
	const parsed = parseCellKey(key);
	if (!parsed) return key;
	const codes = Object.entries(parsed.codes).map(([dimension, code]) => `${dimension}=${code}`);
	return [parsed.indicator, parsed.refArea, parsed.period, codes.join(", ")].join(" · ");
}

/** The score of a submitted exercise, with the cells that lost marks and why. */
export function ScoreSummary({ score }: { score: ExerciseScore }) {
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack">
			<p className="score-line">
				<strong>
					{t("sandboxReview.score.of", { score: format.number(score.score), max: format.number(score.maxScore) })}
				</strong>
				{score.kind === "compile"
					? ` — ${t("sandboxReview.score.compileLine", {
							correct: format.number(score.correct ?? 0),
							cells: format.number(score.cells ?? 0),
						})}`
					: ` — ${t("sandboxReview.score.findLine", {
							fixed: format.number(score.fixed ?? 0),
							planted: format.number(score.planted ?? 0),
							leftAlone: format.number(score.leftAlone ?? 0),
							correctCells: format.number(score.correctCells ?? 0),
						})}`}
			</p>
			{score.kind === "find-and-fix" ? <p className="muted">{t("sandboxReview.score.findRule")}</p> : null}
			{score.cellsWrong.length ? (
				<div className="table-scroll" tabIndex={0} role="region" aria-label={t("sandboxReview.score.cellsTitle")}>
					<table className="score-table">
						<caption>
							{t("sandboxReview.score.cellsCaption", { count: score.cellsWrongTotal })}
							{score.cellsWrongTotal > score.cellsWrong.length
								? ` ${t("sandboxReview.score.cellsFirst", { count: score.cellsWrong.length })}`
								: ""}
						</caption>
						<thead>
							<tr>
								<th scope="col">{t("sandboxReview.score.cell")}</th>
								<th scope="col">{t("sandboxReview.score.expected")}</th>
								<th scope="col">{t("sandboxReview.score.submitted")}</th>
								<th scope="col">{t("sandboxReview.score.why")}</th>
							</tr>
						</thead>
						<tbody>
							{score.cellsWrong.map((cell, index) => (
								<ScoredRow key={`${cell.key}-${index}`} cell={cell} />
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p>{t("sandboxReview.score.allRight")}</p>
			)}
		</div>
	);
}

function ScoredRow({ cell }: { cell: ScoredCell }) {
	const { t } = useTranslation();
	return (
		<tr>
			<th scope="row">
				<code>{cell.key}</code>
			</th>
			<td>{cell.expected ?? "—"}</td>
			<td>{cell.submitted ?? "—"}</td>
			<td>{t(`sandboxReview.score.reason.${cell.why}`)}</td>
		</tr>
	);
}

export type CommentView = {
	id: string;
	cellKey: string | null;
	body: string;
	createdAt: string;
	author: string | null;
	revision?: number;
};

/** Comments on a revision: on a cell (named) or on the whole. */
export function CommentList({
	comments,
	cellHref,
}: {
	comments: readonly CommentView[];
	cellHref?: (key: string) => string;
}) {
	const { t } = useTranslation();
	const format = useFormat();
	if (comments.length === 0) return <p>{t("sandboxReview.comments.none")}</p>;
	return (
		<ul className="comment-list">
			{comments.map((comment) => (
				<li key={comment.id} className="card comment">
					<p className="muted">
						{t("sandboxReview.comments.by", { name: comment.author ?? "—", date: format.day(comment.createdAt) })}
						{comment.revision ? ` · ${t("sandboxReview.comments.onRevision", { number: comment.revision })}` : ""}
					</p>
					<p className="comment__target">
						{comment.cellKey ? (
							<>
								{t("sandboxReview.comments.onCell")}{" "}
								{cellHref ? (
									<a href={cellHref(comment.cellKey)}>{describeCell(comment.cellKey)}</a>
								) : (
									describeCell(comment.cellKey)
								)}
							</>
						) : (
							t("sandboxReview.comments.onWhole")
						)}
					</p>
					<p className="comment__body">{comment.body}</p>
				</li>
			))}
		</ul>
	);
}
