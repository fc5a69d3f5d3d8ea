import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ItemAnalysisView } from "~/components/cohorts/item-analysis";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import cohortStyles from "~/styles/cohorts.css?url";
import { requireRole } from "~/utils/auth.server";
import { localized } from "~/utils/content.server";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { itemAnalysis, whichAttempts } from "~/utils/item-analysis.server";
import { requireModule } from "~/utils/modules.server";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

/** The item analysis of a module's quiz over every attempt on the platform, all cohorts and none. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireRole(request, "admin");
	const module = await requireModule(params.moduleSlug);
	if (!module.hasQuiz) throw new Response("Not found", { status: 404 });
	const language = resolveLanguage(request, user);
	const title = `${module.meta.number}. ${localized(module.meta.title, language)}`;
	return {
		title: translatorFor(language)("cohorts.items.title", { module: title }),
		module: { slug: module.slug, title },
		analysis: await itemAnalysis(module, { everyone: true }, whichAttempts(new URL(request.url).searchParams)),
	};
}

export default function AdminItemAnalysisPage() {
	const { module, analysis } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="stack-large">
			<header>
				<p className="eyebrow">
					<Link to="/admin/quizzes">{t("cohorts.admin.title")}</Link>
				</p>
				<h1>{t("cohorts.items.title", { module: module.title })}</h1>
				<p>{t("cohorts.admin.everyone")}</p>
			</header>
			<ItemAnalysisView analysis={analysis} path={`/admin/quizzes/${module.slug}`} exportBase={null} />
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
