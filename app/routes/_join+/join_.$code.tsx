import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList } from "~/components/forms";
import { joinRefusal } from "~/domain/cohorts/join-code";
import { getUser, requireUser } from "~/utils/auth.server";
import { findCohortByCode, isMember } from "~/utils/cohorts.server";
import { errorsOf } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { joinResponse } from "~/utils/join.server";
import { pageMeta } from "~/utils/meta";

/**
 * /join/CODE, the link a trainer hands out: names the cohort and asks to confirm (a GET never
 * enrols anybody); someone not signed in is offered to log in or sign up and come back here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await getUser(request);
	const language = resolveLanguage(request, user);
	const cohort = await findCohortByCode(params.code ?? "");
	const member = user && cohort ? await isMember(cohort.id, user.id) : false;
	const refusal = joinRefusal(cohort, new Date(), member);
	const here = new URL(request.url).pathname;
	return {
		title: translatorFor(language)("join.title"),
		signedIn: user !== null,
		code: params.code ?? "",
		back: encodeURIComponent(here),
		refusal,
		cohort: cohort && !refusal ? { name: cohort.name, trainers: cohort.trainers.map((t) => t.user.name) } : null,
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request);
	return joinResponse(user.id, params.code ?? "");
}

export default function JoinWithCodePage() {
	const { signedIn, code, back, refusal, cohort } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	return (
		<section className="narrow stack" aria-labelledby="join-title">
			<h1 id="join-title">{t("join.title")}</h1>
			{refusal ? (
				<>
					<p className="form-errors" role="alert">
						{t(`join.errors.${refusal}`)}
					</p>
					<p>
						{refusal === "already-member" ? (
							<Link to="/">{t("join.toHome")}</Link>
						) : (
							<Link to="/join">{t("join.typeCode")}</Link>
						)}
					</p>
				</>
			) : cohort ? (
				<>
					<p className="lead">{t("join.confirm", { name: cohort.name })}</p>
					<p>{t("join.trainers", { names: cohort.trainers.join(", ") })}</p>
					{signedIn ? (
						<Form method="post" className="stack">
							<input type="hidden" name="code" value={code} />
							<ErrorList errors={errorsOf(actionData, "code")} />
							<button type="submit" className="button">
								{t("join.submitNamed", { name: cohort.name })}
							</button>
						</Form>
					) : (
						<>
							<p>{t("join.signInFirst")}</p>
							<p className="actions">
								<Link className="button" to={`/login?redirectTo=${back}`}>
									{t("nav.login")}
								</Link>
								<Link className="button button--secondary" to={`/signup?redirectTo=${back}`}>
									{t("nav.signup")}
								</Link>
							</p>
						</>
					)}
				</>
			) : null}
		</section>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
