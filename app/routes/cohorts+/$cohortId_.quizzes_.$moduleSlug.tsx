import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CohortHeader } from "~/components/cohorts/cohort-header";
import { ItemAnalysisView } from "~/components/cohorts/item-analysis";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import cohortStyles from "~/styles/cohorts.css?url";
import { cohortHeading, cohortModules, cohortTrackTitle, requireCohortViewer } from "~/utils/cohorts.server";
import { localized } from "~/utils/content.server";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { itemAnalysis, whichAttempts } from "~/utils/item-analysis.server";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, cohort, canManage } = await requireCohortViewer(request, params.cohortId);
	const language = resolveLanguage(request, user);
	const [modules, trackTitle] = await Promise.all([cohortModules(cohort), cohortTrackTitle(cohort, language)]);
	const module = modules.find((m) => m.module.slug === params.moduleSlug)?.module;
	if (!module?.hasQuiz) throw new Response("Not found", { status: 404 });
	const which = whichAttempts(new URL(request.url).searchParams);
	const title = `${module.meta.number}. ${localized(module.meta.title, language)}`;
	return {
		title: translatorFor(language)("cohorts.items.pageTitle", { module: title, name: cohort.name }),
		cohort: cohortHeading(cohort, language, canManage, trackTitle),
		module: { slug: module.slug, title },
		analysis: await itemAnalysis(module, { cohortId: cohort.id }, which),
	};
}

export default function CohortItemAnalysisPage() {
	const { cohort, module, analysis } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const path = `/cohorts/${cohort.id}/quizzes/${module.slug}`;
	return (
		<div className="stack-large">
			<CohortHeader cohort={cohort} title={t("cohorts.items.title", { module: module.title })} />
			<ItemAnalysisView
				analysis={analysis}
				path={path}
				exportBase={`/cohorts/${cohort.id}/export/items-${module.slug}`}
			/>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
