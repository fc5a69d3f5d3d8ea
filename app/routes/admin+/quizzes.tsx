import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import cohortStyles from "~/styles/cohorts.css?url";
import { requireRole } from "~/utils/auth.server";
import { listModules, localized } from "~/utils/content.server";
import { prisma } from "~/utils/db.server";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

/** Every module's quiz with the number of attempts submitted on the whole platform, for the admin's item analysis. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireRole(request, "admin");
	const language = resolveLanguage(request, user);
	const [modules, counts] = await Promise.all([
		listModules(),
		prisma.quizAttempt.groupBy({ by: ["moduleSlug"], where: { submittedAt: { not: null } }, _count: { _all: true } }),
	]);
	const attempts = new Map(counts.map((c) => [c.moduleSlug, c._count._all]));
	return {
		title: translatorFor(language)("cohorts.admin.title"),
		modules: modules
			.filter((m) => m.hasQuiz)
			.map((m) => ({
				slug: m.slug,
				title: `${m.meta.number}. ${localized(m.meta.title, language)}`,
				attempts: attempts.get(m.slug) ?? 0,
			})),
	};
}

export default function AdminQuizzesPage() {
	const { modules } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	return (
		<div className="narrow stack-large">
			<header>
				<h1>{t("cohorts.admin.title")}</h1>
				<p className="lead">{t("cohorts.admin.lead")}</p>
			</header>
			<table>
				<thead>
					<tr>
						<th scope="col">{t("cohorts.settings.module")}</th>
						<th scope="col">{t("cohorts.admin.attempts")}</th>
					</tr>
				</thead>
				<tbody>
					{modules.map((m) => (
						<tr key={m.slug}>
							<th scope="row">
								<Link to={`/admin/quizzes/${m.slug}`}>{m.title}</Link>
							</th>
							<td>{m.attempts}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
