import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CohortForm } from "~/components/cohorts/cohort-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dayOf } from "~/domain/cohorts/days";
import cohortStyles from "~/styles/cohorts.css?url";
import { requireRole } from "~/utils/auth.server";
import { CohortSchema } from "~/utils/cohort-schema";
import { cohortFormOptions, createCohort, resolvePlan } from "~/utils/cohorts.server";
import { formValues, parseForm } from "~/utils/forms";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireRole(request, "trainer", "admin");
	const language = resolveLanguage(request, user);
	return {
		title: translatorFor(language)("cohorts.new.title"),
		options: await cohortFormOptions(language),
		values: {
			name: "",
			countryCode: user.countryCode ?? "",
			startsOn: dayOf(new Date()),
			endsOn: "",
			trackSlug: null,
			modules: [],
		},
	};
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireRole(request, "trainer", "admin");
	const formData = await request.formData();
	const submission = parseForm(formData, CohortSchema);
	if (!submission.success) return data(submission, { status: 400 });
	const resolved = await resolvePlan(submission.data);
	if (!resolved.plan) {
		return data({ success: false, errors: resolved.errors, values: formValues(formData) }, { status: 400 });
	}
	const { name, countryCode, startsOn, endsOn } = submission.data;
	const cohortId = await createCohort({ name, countryCode, startsOn, endsOn, ...resolved.plan }, user.id);
	return redirectWithToast(`/cohorts/${cohortId}/settings`, { kind: "success", key: "cohorts.new.created" });
}

export default function NewCohortPage() {
	const { options, values } = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t } = useTranslation();
	return (
		<div className="narrow stack-large">
			<header>
				<p className="eyebrow">
					<Link to="/cohorts">{t("cohorts.list.title")}</Link>
				</p>
				<h1>{t("cohorts.new.title")}</h1>
				<p className="lead">{t("cohorts.new.lead")}</p>
			</header>
			<CohortForm
				values={values}
				countries={options.countries}
				tracks={options.tracks}
				modules={options.modules}
				actionData={actionData}
				submitLabel={t("cohorts.new.submit")}
			/>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
