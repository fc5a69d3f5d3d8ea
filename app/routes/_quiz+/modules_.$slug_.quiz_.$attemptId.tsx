import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleLink } from "~/components/module-link";
import { FormErrors } from "~/components/forms";
import { questionFieldsHtml } from "~/components/quiz/question-fields-html.server";
import { QuestionReview } from "~/components/quiz/question-review";
import { TextLanguageProvider } from "~/components/quiz/rich-text";
import { responsesToFormInput } from "~/domain/quiz/form-defaults";
import { toFormInput } from "~/domain/form-input";
import { MAX_ESSAY_LENGTH } from "~/domain/quiz/answer-limits";
import { parseAttemptForm, unansweredQuestions } from "~/domain/quiz/response";
import { rightAnswersLater } from "~/domain/quiz/review";
import type { RouteHandle } from "~/utils/body-limits";
import { requireUser } from "~/utils/auth.server";
import { localized } from "~/utils/content.server";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useFormat } from "~/utils/format";
import { useTranslation, type Language } from "~/utils/i18n";
import { gradesInBank } from "~/domain/quiz/bilingual";
import { UntranslatedNotice } from "~/components/content/content-body";
import { requireModule } from "~/utils/modules.server";
import { commentsOn } from "~/utils/marking.server";
import { getAttempt, reviewedGrades, saveResponses, submitAttempt } from "~/utils/quiz.server";
import { redirectWithToast } from "~/utils/toast.server";
import { awardCompletedTracks } from "~/utils/tracks.server";
import { pageMeta } from "~/utils/meta";
import { HELD_ATTRIBUTE, useHeldHtml } from "~/utils/held-content";
import { sendHtmlOnce } from "~/utils/held-content.server";

/**
 * An attempt may hold essays of up to MAX_ESSAY_LENGTH characters (4 bytes each at most, 12 on
 * the wire once percent-encoded) and a field per matching stem: more than the default allows.
 */
export const handle: RouteHandle = {
	bodyLimits: { maxBytes: 1024 * 1024, maxFields: 400, maxFieldBytes: MAX_ESSAY_LENGTH * 4 + 64 },
};

async function requireAttempt(
	userId: string,
	slug: string | undefined,
	attemptId: string | undefined,
	language: Language = "en",
) {
	const module = await requireModule(slug);
	const attempt = attemptId ? await getAttempt(userId, module, attemptId, language) : null;
	if (!attempt) throw new Response("Not found", { status: 404 });
	return { module, attempt };
}

type OpenAttempt = Awaited<ReturnType<typeof requireAttempt>>["attempt"];

/**
 * The attempt's form fields with these answers and errors, in the reader's language: sent once,
 * in the page or in the data (docs/decisions/0109-attempt-form-written-once.md). They are one
 * learner's, so nothing of them is kept for other pages.
 */
function fieldsOf(
	attempt: OpenAttempt,
	language: Language,
	values: Parameters<typeof questionFieldsHtml>[1]["values"],
	errors?: Record<string, string>,
) {
	const textLang = attempt.shown.fallback ? attempt.shown.lang : undefined;
	const html = questionFieldsHtml(attempt.questions, { values, errors, t: translatorFor(language), textLang });
	return sendHtmlOnce(html, { kept: false });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const language = resolveLanguage(request, user);
	const { module, attempt } = await requireAttempt(user.id, params.slug, params.attemptId, language);
	const base = {
		module: { slug: module.slug, number: module.meta.number, title: localized(module.meta.title, language) },
		/** The language of the questions, and whether they stand in for a missing translation. */
		shown: { lang: attempt.shown.lang, fallback: attempt.shown.fallback },
	};
	if (!attempt.submittedAt) {
		// Before submission the page gets the questions' fields as the public view gives them, with
		// the learner's own saved answers: no key, no feedback.
		// After a submission with blank questions (`?confirm`), it asks first.
		const confirming = new URL(request.url).searchParams.has("confirm");
		return {
			...base,
			state: "open" as const,
			fields: fieldsOf(attempt, language, responsesToFormInput(attempt.questions, attempt.responses)),
			unanswered: confirming ? unansweredQuestions(attempt.questions, attempt.responses) : [],
		};
	}
	// The feedback in the reader's language, then only what the module's review options show now.
	const review = await reviewedGrades(
		user.id,
		module,
		gradesInBank(attempt.grades!, attempt.shown.bank, attempt.responses),
	);
	return {
		...base,
		state: "submitted" as const,
		questions: attempt.questions,
		responses: attempt.responses,
		grades: review.grades,
		rightAnswersLater: review.shows.includes("rightAnswer") ? null : rightAnswersLater(module.meta.quiz.review),
		comments: await commentsOn(attempt.id),
		result: {
			score: attempt.score!,
			maxScore: attempt.maxScore!,
			percent: attempt.percent!,
			passed: attempt.passed!,
			needsGrading: attempt.needsGrading,
			passMark: module.meta.quiz.passMark,
		},
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const language = resolveLanguage(request, user);
	const { module, attempt } = await requireAttempt(user.id, params.slug, params.attemptId, language);
	const url = `/modules/${module.slug}/quiz/${attempt.id}`;
	if (attempt.submittedAt) return redirectWithToast(url, { kind: "error", key: "quiz.alreadySubmitted" });

	const formData = await request.formData();
	const intent = formData.get("intent");
	// Confirmed on the page that asked: the answers it saved are graded as they are.
	let responses = attempt.responses;
	if (intent !== "submit-anyway") {
		const input = toFormInput(formData);
		const parsed = parseAttemptForm(attempt.questions, input);
		if (!parsed.success) {
			return data(
				{ errors: parsed.errors, fields: fieldsOf(attempt, language, input, parsed.errors) },
				{ status: 400 },
			);
		}
		// The saved answer of a question the attempt can no longer show has no field: it is kept.
		const kept = attempt.questions.flatMap((q) =>
			q.type === "removed" && attempt.responses[q.id] ? [[q.id, attempt.responses[q.id]!] as const] : [],
		);
		responses = { ...Object.fromEntries(kept), ...parsed.responses };
		if (intent === "save") {
			await saveResponses(attempt.id, responses);
			return redirectWithToast(url, { kind: "success", key: "quiz.saved" });
		}
		if (unansweredQuestions(attempt.questions, responses).length > 0) {
			await saveResponses(attempt.id, responses);
			return redirect(`${url}?confirm`);
		}
	}
	await submitAttempt(module, attempt, responses);
	const issued = await awardCompletedTracks(user.id);
	return redirectWithToast(url, {
		kind: "success",
		key: issued.length ? "tracks.certificateIssued" : "quiz.submittedToast",
	});
}

export const meta = pageMeta<typeof loader>(({ t, data }) => [t("learn.quiz.title"), data?.module.title]);

export default function AttemptPage() {
	const loaderData = useLoaderData<typeof loader>();
	const { module } = loaderData;
	const { t } = useTranslation();
	return (
		<div className="narrow stack-large">
			<header>
				<p className="eyebrow">
					<ModuleLink module={module} /> · <Link to={`/modules/${module.slug}/quiz`}>{t("learn.quiz.title")}</Link>
				</p>
				<h1>{loaderData.state === "open" ? t("quiz.attemptTitle") : t("quiz.reviewTitle")}</h1>
			</header>
			{loaderData.shown.fallback ? <UntranslatedNotice of="questions" /> : null}
			<TextLanguageProvider value={loaderData.shown.fallback ? loaderData.shown.lang : undefined}>
				{loaderData.state === "open" ? <OpenAttempt /> : <Review />}
			</TextLanguageProvider>
		</div>
	);
}

function OpenAttempt() {
	const loaderData = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const navigation = useNavigation();
	const { t } = useTranslation();
	// The fields as the action wrote them again with its errors, else as the loader did.
	const fields = actionData?.fields ?? (loaderData.state === "open" ? loaderData.fields : null);
	const fieldsHtml = useHeldHtml(fields?.html ?? null, fields?.held);
	if (loaderData.state !== "open") return null;
	return (
		<>
			{loaderData.unanswered.length && !actionData ? <ConfirmSubmission unanswered={loaderData.unanswered} /> : null}
			<Form method="post" className="stack-large">
				{actionData && Object.keys(actionData.errors).length ? <FormErrors errors={["quiz.fixErrors"]} /> : null}
				<div
					className="stack-large"
					{...{ [HELD_ATTRIBUTE]: fields?.held }}
					dangerouslySetInnerHTML={{ __html: fieldsHtml }}
				/>
				<p className="actions">
					<button
						type="submit"
						name="intent"
						value="submit"
						className="button"
						disabled={navigation.state === "submitting"}
					>
						{t("quiz.submit")}
					</button>
					<button type="submit" name="intent" value="save" className="button button--secondary" formNoValidate>
						{t("quiz.save")}
					</button>
				</p>
				<p className="field-hint">{t("quiz.submitHint")}</p>
			</Form>
		</>
	);
}

/** Asked after a submission with blank questions: submit them as they are, or go on answering below. */
function ConfirmSubmission({ unanswered }: { unanswered: number[] }) {
	const { t } = useTranslation();
	const format = useFormat();
	const questions = format.list(unanswered.map((number) => format.number(number)));
	return (
		<section className="notice stack" aria-labelledby="confirm-title">
			<h2 id="confirm-title">{t("quiz.confirm.title")}</h2>
			<p>{t("quiz.confirm.text", { count: unanswered.length, questions })}</p>
			<Form method="post" className="actions">
				<button type="submit" name="intent" value="submit-anyway" className="button">
					{t("quiz.confirm.submit")}
				</button>
			</Form>
			<p>{t("quiz.confirm.keepAnswering")}</p>
		</section>
	);
}

function Review() {
	const loaderData = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	if (loaderData.state !== "submitted") return null;
	const { result, grades, responses, questions, module, comments } = loaderData;
	const gradeOf = new Map(grades.map((g) => [g.questionId, g]));
	let number = 0;
	return (
		<>
			<p className={`result ${result.passed ? "result--passed" : "result--failed"}`} role="status">
				{t(result.passed ? "quiz.resultPassed" : "quiz.resultFailed", {
					percent: Math.round(result.percent),
					score: result.score,
					max: result.maxScore,
					count: result.maxScore,
					passMark: result.passMark,
				})}
				{result.needsGrading ? ` ${t("quiz.awaitingTrainer")}` : null}
			</p>
			{loaderData.rightAnswersLater ? (
				<p className="notice">{t(`quiz.review.rightAnswersLater.${loaderData.rightAnswersLater}`)}</p>
			) : null}
			{questions.map((question) => {
				if (question.type !== "description") number++;
				return (
					<QuestionReview
						key={question.id}
						question={question}
						number={number}
						response={responses[question.id]}
						grade={gradeOf.get(question.id)!}
						comment={comments[question.id]}
					/>
				);
			})}
			<p className="actions">
				<Link className="button" to={`/modules/${module.slug}/quiz`}>
					{t("quiz.backToQuiz")}
				</Link>
				<Link className="button button--secondary" to={`/modules/${module.slug}`}>
					{t("quiz.backToModule")}
				</Link>
			</p>
		</>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
