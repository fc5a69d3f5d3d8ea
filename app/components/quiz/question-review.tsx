import type { NumericalMatch } from "~/domain/gift/types";
import type { ReviewedGrade } from "~/domain/quiz/review";
import type { PublicQuestion } from "~/domain/quiz/public-view";
import type { QuestionResponse } from "~/domain/quiz/response";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";
import { RichTextView, useTextLanguage } from "./rich-text";

type Props = {
	question: PublicQuestion;
	number: number;
	response?: QuestionResponse;
	grade: ReviewedGrade;
	/** A trainer's comment on the answer (an essay they marked). */
	comment?: { comment: string; by: string | null };
};

/**
 * A submitted question: what was chosen and, as far as the module's review options show them
 * (the server leaves out the rest), whether it was right, the feedback and the right answer; and
 * a trainer's comment where there is one.
 */
export function QuestionReview({ question, number, response, grade, comment }: Props) {
	const { t } = useTranslation();
	const format = useFormat();
	if (question.type === "description") {
		return (
			<div className="question question--description">
				<RichTextView text={question.text} as="p" />
			</div>
		);
	}
	if (question.type === "removed")
		return <RemovedReview question={question} number={number} response={response} grade={grade} />;
	const mark =
		grade.state === "answered"
			? null
			: grade.fraction === null
				? t("quiz.review.awaitingMark")
				: t("quiz.review.mark", {
						mark: format.number(grade.fraction * grade.maxMark, { maximumFractionDigits: 2 }),
						max: grade.maxMark,
					});
	return (
		<section
			className={`question question--review question--${grade.state}`}
			aria-labelledby={`${question.field}-title`}
		>
			<h2 id={`${question.field}-title`} className="question__heading">
				<span className="question__number">{t("quiz.questionNumber", { number })}</span>
				<RichTextView text={question.text} />
			</h2>
			<p className="question__state">
				<strong>{t(`quiz.state.${grade.state}`)}</strong>
				{mark ? ` · ${mark}` : null}
			</p>
			<Answers question={question} response={response} grade={grade} />
			{grade.feedback.length ? (
				<div className="feedback">
					<p className="feedback__label">{t("quiz.review.feedback")}</p>
					{grade.feedback.map((feedback, index) => (
						<RichTextView key={index} text={feedback} as="p" />
					))}
				</div>
			) : null}
			{comment ? (
				<div className="feedback feedback--trainer">
					<p className="feedback__label">
						{comment.by ? t("cohorts.marking.commentBy", { name: comment.by }) : t("cohorts.marking.commentInReview")}
					</p>
					<p className="rich-text">{comment.comment}</p>
				</div>
			) : null}
			{grade.generalFeedback ? (
				<div className="feedback feedback--general">
					<p className="feedback__label">{t("quiz.review.generalFeedback")}</p>
					<RichTextView text={grade.generalFeedback} as="p" />
				</div>
			) : null}
		</section>
	);
}

/**
 * A question the attempt can no longer show as it was asked (app/domain/quiz/versions.ts): a
 * notice, the answer as stored (a choice's text went with the question) and the grade as stored.
 */
function RemovedReview({
	question,
	number,
	response,
	grade,
}: Omit<Props, "comment"> & { question: { type: "removed" } }) {
	const { t } = useTranslation();
	const format = useFormat();
	const counted = grade.maxMark > 0;
	const given =
		response?.kind === "text"
			? response.text
			: response?.kind === "number" && response.value !== null
				? format.number(response.value, { maximumFractionDigits: 10 })
				: response?.kind === "choice" && (response.choiceId === "true" || response.choiceId === "false")
					? t(`quiz.${response.choiceId}`)
					: isBlank(response)
						? ""
						: t("quiz.removed.choiceGone");
	const mark =
		!counted || grade.state === "answered"
			? null
			: grade.fraction === null
				? t("quiz.review.awaitingMark")
				: t("quiz.review.mark", {
						mark: format.number(grade.fraction * grade.maxMark, { maximumFractionDigits: 2 }),
						max: grade.maxMark,
					});
	return (
		<section
			className={`question question--review question--removed${counted ? ` question--${grade.state}` : ""}`}
			aria-labelledby={`${question.field}-title`}
		>
			<h2 id={`${question.field}-title`} className="question__heading">
				<span className="question__number">{t("quiz.questionNumber", { number })}</span>
			</h2>
			<p className="notice">
				{t(`quiz.removed.${question.reason}`)} {counted ? t("quiz.removed.kept") : t("quiz.removed.notCounted")}
			</p>
			{counted ? (
				<p className="question__state">
					<strong>{t(`quiz.state.${grade.state}`)}</strong>
					{mark ? ` · ${mark}` : null}
				</p>
			) : null}
			<dl className="facts">
				<dt>{t("quiz.review.yourAnswer")}</dt>
				<dd className="rich-text">{given || t("quiz.review.noAnswer")}</dd>
			</dl>
		</section>
	);
}

function isBlank(response: QuestionResponse | undefined): boolean {
	if (!response) return true;
	if (response.kind === "choice") return response.choiceId === null;
	if (response.kind === "choices") return response.choiceIds.length === 0;
	if (response.kind === "match") return Object.values(response.choices).every((choice) => !choice);
	return false;
}

function Answers({ question, response, grade }: Omit<Props, "number" | "comment">) {
	const { t } = useTranslation();
	const format = useFormat();
	const number = (value: number) => format.number(value, { maximumFractionDigits: 10 });
	const textLang = useTextLanguage();
	const right = grade.rightAnswer;
	if (question.type === "multichoice" || question.type === "truefalse") {
		const choices =
			question.type === "multichoice"
				? question.choices.map((c) => ({ id: c.id, text: c.text.text, lang: textLang }))
				: [
						{ id: "true", text: t("quiz.true"), lang: undefined },
						{ id: "false", text: t("quiz.false"), lang: undefined },
					];
		const chosen = new Set(
			response?.kind === "choice" ? [response.choiceId] : response?.kind === "choices" ? response.choiceIds : [],
		);
		const rightIds = new Set(right.kind === "choices" ? right.choiceIds : []);
		return (
			<ul className="review-choices">
				{choices.map((choice) => (
					<li key={choice.id} className={rightIds.has(choice.id) ? "review-choice--right" : undefined}>
						<span lang={choice.lang}>{choice.text}</span>
						{chosen.has(choice.id) ? <strong> — {t("quiz.review.yourAnswer")}</strong> : null}
						{rightIds.has(choice.id) ? <em> — {t("quiz.review.rightAnswer")}</em> : null}
					</li>
				))}
			</ul>
		);
	}
	if (question.type === "match") {
		const picked = response?.kind === "match" ? response.choices : {};
		const rightByStem = right.kind === "pairs" ? right.choiceByStem : null;
		const label = (id: string | null | undefined) => {
			const choice = question.choices.find((c) => c.id === id);
			return choice ? <span lang={textLang}>{choice.text}</span> : t("quiz.review.noAnswer");
		};
		return (
			<table>
				<thead>
					<tr>
						<th scope="col">{t("quiz.review.item")}</th>
						<th scope="col">{t("quiz.review.yourAnswer")}</th>
						{rightByStem ? <th scope="col">{t("quiz.review.rightAnswer")}</th> : null}
					</tr>
				</thead>
				<tbody>
					{question.stems.map((stem) => (
						<tr key={stem.id}>
							<th scope="row">
								<RichTextView text={stem.text} />
							</th>
							<td>{label(picked[stem.id])}</td>
							{rightByStem ? <td>{label(rightByStem[stem.id])}</td> : null}
						</tr>
					))}
				</tbody>
			</table>
		);
	}
	const given =
		response?.kind === "text"
			? response.text
			: response?.kind === "number" && response.value !== null
				? number(response.value)
				: "";
	return (
		<dl className="facts">
			<dt>{t("quiz.review.yourAnswer")}</dt>
			<dd className="rich-text">{given || t("quiz.review.noAnswer")}</dd>
			{right.kind === "texts" || right.kind === "numbers" ? (
				<>
					<dt>{t("quiz.review.rightAnswer")}</dt>
					<dd lang={right.kind === "texts" ? textLang : undefined}>
						{right.kind === "texts"
							? right.texts.join(" · ")
							: right.matches.map((match) => describeNumber(match, number)).join(" · ")}
					</dd>
				</>
			) : null}
		</dl>
	);
}

function describeNumber(match: NumericalMatch, number: (value: number) => string) {
	if (match.kind === "range") return `${number(match.min)}–${number(match.max)}`;
	if (match.kind === "value") {
		return match.tolerance ? `${number(match.value)} ± ${number(match.tolerance)}` : number(match.value);
	}
	return "";
}
