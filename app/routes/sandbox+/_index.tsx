import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { StatusBadge } from "~/components/sandbox/status";
import { labelOf } from "~/domain/dsm/codelists";
import { createPracticeSchema } from "~/domain/sandbox/schemas";
import { SCORED_EXERCISES } from "~/domain/sandbox/exercises";
import { requireUser } from "~/utils/auth.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { hasRole } from "~/utils/roles";
import { exerciseWorkspaces } from "~/utils/sandbox-review.server";
import { useFormat } from "~/utils/format";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";
import { createPracticeWorkspace, listWorkspaces, PRACTICE_STATES } from "~/utils/sandbox.server";
import { redirectWithToast } from "~/utils/toast.server";

/** The sandbox's front page: the trainee's exercises and free-practice workspaces, and the form to open one. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const language = resolveLanguage(request, user);
	const [workspaces, opened] = await Promise.all([listWorkspaces(user.id), exerciseWorkspaces(user.id)]);
	return {
		practice: workspaces.filter((w) => w.kind === "practice"),
		// Every scored exercise, started or not, with the trainee's status and latest score (issue 9 item 6).
		exercises: SCORED_EXERCISES.map((exercise) => ({
			id: exercise.id,
			title: exercise.title[language],
			lead: exercise.lead[language],
			opened: opened.get(exercise.id) ?? null,
		})),
		reviewer: hasRole(user, "trainer", "admin"),
		states: PRACTICE_STATES,
		defaultState: user.countryCode && PRACTICE_STATES.includes(user.countryCode) ? user.countryCode : "XA",
		defaultPeriod: String(new Date().getUTCFullYear() - 1),
	};
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const parsed = parseForm(await request.formData(), createPracticeSchema);
	if (!parsed.success) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
	const id = await createPracticeWorkspace(user.id, parsed.data.country, parsed.data.period);
	return redirectWithToast(`/sandbox/${id}`, { kind: "success", key: "sandbox.index.created" });
}

export default function SandboxIndex() {
	const { practice, exercises, reviewer, states, defaultState, defaultPeriod } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t, language } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack-large">
			<header>
				<h1>{t("sandbox.title")}</h1>
				<p className="lead">{t("sandbox.index.lead")}</p>
			</header>
			{reviewer ? (
				<p>
					<Link to="/sandbox/reviews">{t("sandboxReview.index.reviews")}</Link>
				</p>
			) : null}
			<section aria-labelledby="exercises-title" className="stack" id="exercises">
				<h2 id="exercises-title">{t("sandbox.index.exercisesTitle")}</h2>
				<p>{t("sandboxReview.index.exercisesLead")}</p>
				<ul className="sandbox-list">
					{exercises.map((exercise) => (
						<li key={exercise.id} className="card">
							<h3>
								<Link to={`/sandbox/exercises/${exercise.id}`}>{exercise.title}</Link>
							</h3>
							<p>{exercise.lead}</p>
							<p>
								{exercise.opened ? (
									<>
										<StatusBadge status={exercise.opened.status} />
										{exercise.opened.score !== null && exercise.opened.maxScore !== null
											? ` · ${t("sandboxReview.index.score", {
													score: format.number(exercise.opened.score),
													max: format.number(exercise.opened.maxScore),
												})}`
											: ""}
									</>
								) : (
									t("sandboxReview.index.notStarted")
								)}
							</p>
						</li>
					))}
				</ul>
			</section>
			<section aria-labelledby="practice-title" className="stack">
				<h2 id="practice-title">{t("sandbox.index.practiceTitle")}</h2>
				<p>{t("sandbox.index.practiceText")}</p>
				{practice.length === 0 ? (
					<p>{t("sandbox.index.noPractice")}</p>
				) : (
					<ul className="sandbox-list">
						{practice.map((w) => (
							<li key={w.id} className="card">
								<h3>
									<Link to={`/sandbox/${w.id}`}>
										{t("sandbox.workspace.heading", {
											state: labelOf("REF_AREA", w.refArea, language),
											periods: w.periods.join(", "),
										})}
									</Link>
								</h3>
								<p>
									<StatusBadge status={w.status} />
									{" · "}
									{w.latest
										? t("sandbox.index.latest", {
												number: w.latest.number,
												date: format.dateTime(w.latest.createdAt),
												errors: w.latest.errorCount,
												warnings: w.latest.warningCount,
											})
										: t("sandbox.index.empty")}
								</p>
							</li>
						))}
					</ul>
				)}
				<Form method="post" className="card stack" aria-labelledby="create-title">
					<h3 id="create-title">{t("sandbox.index.createTitle")}</h3>
					<FormErrors errors={errorsOf(actionData, "")} />
					<input type="hidden" name="intent" value="create-practice" />
					<SelectField
						name="country"
						label={t("sandbox.index.country")}
						hint={t("sandbox.index.countryHint")}
						options={states.map((code) => ({ value: code, label: `${labelOf("REF_AREA", code, language)} (${code})` }))}
						defaultValue={valueOf(actionData, "country") ?? defaultState}
						errors={errorsOf(actionData, "country")}
					/>
					<Field
						name="period"
						label={t("sandbox.index.period")}
						hint={t("sandbox.index.periodHint")}
						defaultValue={valueOf(actionData, "period") ?? defaultPeriod}
						errors={errorsOf(actionData, "period")}
						inputMode="text"
						autoComplete="off"
						required
					/>
					<p>
						<button type="submit" className="button">
							{t("sandbox.index.create")}
						</button>
					</p>
				</Form>
			</section>
		</div>
	);
}

export const meta = pageMeta(({ t }) => t("sandbox.title"));

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
