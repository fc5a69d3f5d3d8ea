import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleLink } from "~/components/module-link";
import { FormErrors } from "~/components/forms";
import { requireUser } from "~/utils/auth.server";
import { getQuestionBank, localized } from "~/utils/content.server";
import { useFormat } from "~/utils/format";
import { resolveLanguage } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { requireModule } from "~/utils/modules.server";
import { listAttempts, startAttempt, summarizeAttempts } from "~/utils/quiz.server";
import { pageMeta } from "~/utils/meta";

async function requireQuizModule(slug: string | undefined) {
	const module = await requireModule(slug);
	if (!module.hasQuiz) throw new Response("Not found", { status: 404 });
	return module;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const module = await requireQuizModule(params.slug);
	const language = resolveLanguage(request, user);
	const summary = summarizeAttempts(module, await listAttempts(user.id, module.slug));
	const bankSize = getQuestionBank(module).questions.filter((q) => q.type !== "description").length;
	return {
		module: { slug: module.slug, number: module.meta.number, title: localized(module.meta.title, language) },
		settings: {
			passMark: module.meta.quiz.passMark,
			attempts: module.meta.quiz.attempts,
			waitMinutes: module.meta.quiz.waitMinutes,
			questions: Math.min(module.meta.quiz.questionsPerAttempt ?? bankSize, bankSize),
		},
		...summary,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const module = await requireQuizModule(params.slug);
	const result = await startAttempt(user.id, module);
	if (!result.ok) {
		// The page says why from its own data (no attempt left, or the time the next one may start).
		return data(
			{ errors: { "": [result.reason === "wait" ? "quiz.waitRefused" : "quiz.noAttemptsLeft"] } },
			{ status: 400 },
		);
	}
	return redirect(`/modules/${module.slug}/quiz/${result.attemptId}`);
}

export const meta = pageMeta<typeof loader>(({ t, data }) => [t("learn.quiz.title"), data?.module.title]);

export default function QuizPage() {
	const { module, settings, submitted, open, best, attemptsLeft, waitUntil, canStart } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="narrow stack-large">
			<header>
				<p className="eyebrow">
					<ModuleLink module={module} />
				</p>
				<h1>{t("learn.quiz.title")}</h1>
				<ul>
					<li>{t("quiz.settings.questions", { count: settings.questions })}</li>
					<li>{t("quiz.settings.passMark", { percent: settings.passMark })}</li>
					<li>
						{settings.attempts === null
							? t("quiz.settings.unlimited")
							: t("quiz.settings.attemptsLeft", { count: attemptsLeft ?? 0, total: settings.attempts })}
					</li>
					{settings.waitMinutes > 0 ? <li>{t("quiz.settings.wait", { count: settings.waitMinutes })}</li> : null}
					<li>{t("quiz.settings.bestCounts")}</li>
				</ul>
			</header>
			{best ? (
				<p className={`result ${best.passed ? "result--passed" : "result--failed"}`}>
					{t(best.passed ? "quiz.bestPassed" : "quiz.bestNotPassed", { percent: Math.round(best.percent) })}
				</p>
			) : null}
			<Form method="post">
				<FormErrors errors={actionData?.errors[""]} />
				{open ? (
					<button type="submit" className="button">
						{t("quiz.resume")}
					</button>
				) : canStart ? (
					<button type="submit" className="button">
						{submitted.length ? t("quiz.startAgain") : t("quiz.start")}
					</button>
				) : waitUntil ? (
					<p>{t("quiz.waitUntil", { time: format.dateTime(waitUntil) })}</p>
				) : (
					<p>{t("quiz.noAttemptsLeft")}</p>
				)}
			</Form>
			{submitted.length ? (
				<section aria-labelledby="attempts-title">
					<h2 id="attempts-title">{t("quiz.attempts")}</h2>
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{t("quiz.attempt")}</th>
									<th scope="col">{t("quiz.submitted")}</th>
									<th scope="col">{t("quiz.score")}</th>
									<th scope="col">{t("quiz.result")}</th>
								</tr>
							</thead>
							<tbody>
								{submitted.map((attempt) => (
									<tr key={attempt.id}>
										<td>
											<Link to={`/modules/${module.slug}/quiz/${attempt.id}`}>
												{t("quiz.reviewAttempt", { number: attempt.number })}
											</Link>
										</td>
										<td>{format.dateTime(attempt.submittedAt!)}</td>
										<td>{Math.round(attempt.percent ?? 0)} %</td>
										<td>
											{attempt.needsGrading
												? t("quiz.awaitingTrainer")
												: attempt.passed
													? t("quiz.passed")
													: t("quiz.notPassed")}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}
		</div>
	);
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
