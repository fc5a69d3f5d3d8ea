import type { NumericalMatch } from "~/domain/gift/types";
import type { QuestionGrade } from "~/domain/quiz/grade";
import type { PublicQuestion } from "~/domain/quiz/public-view";
import type { QuestionResponse } from "~/domain/quiz/response";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";
import { RichTextView, useTextLanguage } from "./rich-text";

type Props = { question: PublicQuestion; number: number; response?: QuestionResponse; grade: QuestionGrade };

/** A submitted question: what was chosen, what was right, the feedback of the answer and the general feedback. */
export function QuestionReview({ question, number, response, grade }: Props) {
	const { t } = useTranslation();
	const format = useFormat();
	if (question.type === "description") {
		return (
			<div className="question question--description">
				<RichTextView text={question.text} as="p" />
			</div>
		);
	}
	const mark =
		grade.fraction === null
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
				<strong>{t(`quiz.state.${grade.state}`)}</strong> · {mark}
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
			{grade.generalFeedback ? (
				<div className="feedback feedback--general">
					<p className="feedback__label">{t("quiz.review.generalFeedback")}</p>
					<RichTextView text={grade.generalFeedback} as="p" />
				</div>
			) : null}
		</section>
	);
}

function Answers({ question, response, grade }: Omit<Props, "number">) {
	const { t } = useTranslation();
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
		const rightByStem = right.kind === "pairs" ? right.choiceByStem : {};
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
						<th scope="col">{t("quiz.review.rightAnswer")}</th>
					</tr>
				</thead>
				<tbody>
					{question.stems.map((stem) => (
						<tr key={stem.id}>
							<th scope="row">
								<RichTextView text={stem.text} />
							</th>
							<td>{label(picked[stem.id])}</td>
							<td>{label(rightByStem[stem.id])}</td>
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
				? String(response.value)
				: "";
	return (
		<dl className="facts">
			<dt>{t("quiz.review.yourAnswer")}</dt>
			<dd className="rich-text">{given || t("quiz.review.noAnswer")}</dd>
			{right.kind === "texts" || right.kind === "numbers" ? (
				<>
					<dt>{t("quiz.review.rightAnswer")}</dt>
					<dd lang={right.kind === "texts" ? textLang : undefined}>
						{right.kind === "texts" ? right.texts.join(" · ") : right.matches.map(describeNumber).join(" · ")}
					</dd>
				</>
			) : null}
		</dl>
	);
}

function describeNumber(match: NumericalMatch) {
	if (match.kind === "range") return `${match.min}–${match.max}`;
	if (match.kind === "value") return match.tolerance ? `${match.value} ± ${match.tolerance}` : String(match.value);
	return "";
}
