import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dayOf } from "~/domain/cohorts/days";
import { formatJoinCode } from "~/domain/cohorts/join-code";
import cohortStyles from "~/styles/cohorts.css?url";
import { requireCohortTrainer } from "~/utils/cohorts.server";
import { useFormat } from "~/utils/format";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

/** The join code on a page of its own, to print and pin up or hand out at the first session. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, cohort } = await requireCohortTrainer(request, params.cohortId);
	const language = resolveLanguage(request, user);
	const origin = new URL(request.url).origin;
	return {
		title: translatorFor(language)("cohorts.print.title", { name: cohort.name }),
		cohort: { id: cohort.id, name: cohort.name, trainers: cohort.trainers.map((t) => t.user.name) },
		code: formatJoinCode(cohort.joinCode),
		joinUrl: `${origin}/join`,
		directUrl: `${origin}/join/${cohort.joinCode}`,
		expiresOn: cohort.joinCodeExpiresAt ? dayOf(new Date(cohort.joinCodeExpiresAt.getTime() - 1)) : null,
	};
}

export default function JoinCodePrintPage() {
	const { cohort, code, joinUrl, directUrl, expiresOn } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack-large">
			<p className="no-print">
				<Link to={`/cohorts/${cohort.id}/members`}>{t("cohorts.print.back")}</Link> · {t("cohorts.print.hint")}
			</p>
			<article className="join-sheet" aria-labelledby="sheet-title">
				<p className="join-sheet__brand">DSM Academy</p>
				<h1 id="sheet-title">{cohort.name}</h1>
				<p>{t("cohorts.print.trainers", { names: cohort.trainers.join(", ") })}</p>
				<ol className="join-sheet__steps">
					<li>{t("cohorts.print.step1", { url: joinUrl })}</li>
					<li>{t("cohorts.print.step2")}</li>
				</ol>
				<p className="join-code join-code--large">{code}</p>
				<p>{t("cohorts.print.direct")}</p>
				<p>
					<code className="break">{directUrl}</code>
				</p>
				{expiresOn ? <p>{t("cohorts.members.codeUntil", { date: format.day(expiresOn) })}</p> : null}
			</article>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
