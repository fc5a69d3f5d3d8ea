import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleLink } from "~/components/module-link";
import { FormErrors } from "~/components/forms";
import { QuestionField } from "~/components/quiz/question-field";
import { QuestionReview } from "~/components/quiz/question-review";
import { TextLanguageProvider } from "~/components/quiz/rich-text";
import { responsesToFormInput } from "~/domain/quiz/form-defaults";
import { toFormInput } from "~/domain/form-input";
import { parseAttemptForm } from "~/domain/quiz/response";
import { requireUser } from "~/utils/auth.server";
import { localized } from "~/utils/content.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation, type Language } from "~/utils/i18n";
import { gradesInBank } from "~/domain/quiz/bilingual";
import { UntranslatedNotice } from "~/components/content/content-body";
import { requireModule } from "~/utils/modules.server";
import { getAttempt, saveResponses, submitAttempt } from "~/utils/quiz.server";
import { redirectWithToast } from "~/utils/toast.server";
import { awardCompletedTracks } from "~/utils/tracks.server";

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

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const language = resolveLanguage(request, user);
	const { module, attempt } = await requireAttempt(user.id, params.slug, params.attemptId, language);
	const base = {
		module: { slug: module.slug, number: module.meta.number, title: localized(module.meta.title, language) },
		questions: attempt.questions,
		/** The language of the questions, and whether they stand in for a missing translation. */
		shown: { lang: attempt.shown.lang, fallback: attempt.shown.fallback },
	};
	if (!attempt.submittedAt) {
		// Before submission the page gets the questions as the public view
		// gives them and the learner's own saved answers: no key, no feedback.
		return { ...base, state: "open" as const, values: responsesToFormInput(attempt.questions, attempt.responses) };
	}
	return {
		...base,
		state: "submitted" as const,
		responses: attempt.responses,
		grades: gradesInBank(attempt.grades!, attempt.shown.bank, attempt.responses),
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
	const { module, attempt } = await requireAttempt(user.id, params.slug, params.attemptId);
	const url = `/modules/${module.slug}/quiz/${attempt.id}`;
	if (attempt.submittedAt) return redirectWithToast(url, { kind: "error", key: "quiz.alreadySubmitted" });

	const formData = await request.formData();
	const input = toFormInput(formData);
	const parsed = parseAttemptForm(attempt.questions, input);
	if (!parsed.success) {
		return data({ errors: parsed.errors, values: input }, { status: 400 });
	}
	if (formData.get("intent") === "save") {
		await saveResponses(attempt.id, parsed.responses);
		return redirectWithToast(url, { kind: "success", key: "quiz.saved" });
	}
	await submitAttempt(module, attempt, parsed.responses);
	const issued = await awardCompletedTracks(user.id);
	return redirectWithToast(url, {
		kind: "success",
		key: issued.length ? "tracks.certificateIssued" : "quiz.submittedToast",
	});
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `Quiz · ${data.module.title} · DSM Academy` : "DSM Academy" },
];

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
	if (loaderData.state !== "open") return null;
	const values = actionData?.values ?? loaderData.values;
	const errors: Record<string, string> = actionData?.errors ?? {};
	const fieldErrors = loaderData.questions.filter(
		(q) => errors[q.field] || (q.type === "match" && q.stems.some((s) => errors[s.field])),
	);
	let number = 0;
	return (
		<Form method="post" className="stack-large">
			{fieldErrors.length ? <FormErrors errors={["quiz.fixErrors"]} /> : null}
			{loaderData.questions.map((question) => {
				if (question.type !== "description") number++;
				const error =
					errors[question.field] ??
					(question.type === "match" ? question.stems.map((s) => errors[s.field]).find(Boolean) : undefined);
				return <QuestionField key={question.id} question={question} number={number} values={values} error={error} />;
			})}
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
	);
}

function Review() {
	const loaderData = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	if (loaderData.state !== "submitted") return null;
	const { result, grades, responses, questions, module } = loaderData;
	const gradeOf = new Map(grades.map((g) => [g.questionId, g]));
	let number = 0;
	return (
		<>
			<p className={`result ${result.passed ? "result--passed" : "result--failed"}`} role="status">
				{t(result.passed ? "quiz.resultPassed" : "quiz.resultFailed", {
					percent: Math.round(result.percent),
					score: Math.round(result.score * 100) / 100,
					max: result.maxScore,
					passMark: result.passMark,
				})}
				{result.needsGrading ? ` ${t("quiz.awaitingTrainer")}` : null}
			</p>
			{questions.map((question) => {
				if (question.type !== "description") number++;
				return (
					<QuestionReview
						key={question.id}
						question={question}
						number={number}
						response={responses[question.id]}
						grade={gradeOf.get(question.id)!}
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
