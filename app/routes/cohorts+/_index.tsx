import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dayOf } from "~/domain/cohorts/days";
import cohortStyles from "~/styles/cohorts.css?url";
import { requireRole } from "~/utils/auth.server";
import { listCohortsFor } from "~/utils/cohorts.server";
import { listTracksInfo, localized } from "~/utils/content.server";
import { useFormat } from "~/utils/format";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";
import { useTranslation } from "~/utils/i18n";
import { hasRole } from "~/utils/roles";
import { pageMeta } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cohortStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireRole(request, "trainer", "coordinator", "admin");
	const language = resolveLanguage(request, user);
	const archived = new URL(request.url).searchParams.get("archived") === "1";
	const [cohorts, tracks] = await Promise.all([listCohortsFor(user, { archived }), listTracksInfo()]);
	const trackTitle = new Map(tracks.map((t) => [t.slug, localized(t.frontmatter.title, language)]));
	return {
		title: translatorFor(language)("cohorts.list.title"),
		archived,
		canCreate: hasRole(user, "trainer", "admin"),
		isAdmin: hasRole(user, "admin"),
		cohorts: cohorts.map((c) => ({
			id: c.id,
			name: c.name,
			countryCode: c.countryCode,
			startsOn: dayOf(c.startsOn),
			endsOn: c.endsOn ? dayOf(c.endsOn) : null,
			plan: c.trackSlug ? (trackTitle.get(c.trackSlug) ?? c.trackSlug) : null,
			modules: c._count.modules,
			members: c._count.members,
			trainers: c.trainers.map((t) => t.user.name),
		})),
	};
}

export default function CohortsPage() {
	const { archived, canCreate, isAdmin, cohorts } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack-large">
			<header className="stack">
				<h1>{archived ? t("cohorts.list.archivedTitle") : t("cohorts.list.title")}</h1>
				<p className="lead">{t("cohorts.list.lead")}</p>
				<p className="actions">
					{canCreate ? (
						<Link className="button" to="/cohorts/new">
							{t("cohorts.list.create")}
						</Link>
					) : null}
					<Link className="button button--secondary" to={archived ? "/cohorts" : "/cohorts?archived=1"}>
						{archived ? t("cohorts.list.showActive") : t("cohorts.list.showArchived")}
					</Link>
					{isAdmin ? (
						<Link className="button button--secondary" to="/admin/quizzes">
							{t("cohorts.list.allQuizzes")}
						</Link>
					) : null}
				</p>
			</header>
			{cohorts.length === 0 ? (
				<p>{archived ? t("cohorts.list.noneArchived") : t("cohorts.list.none")}</p>
			) : (
				<div className="table-wrap">
					<table>
						<caption className="visually-hidden">{t("cohorts.list.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("cohorts.fields.name")}</th>
								<th scope="col">{t("fields.country")}</th>
								<th scope="col">{t("cohorts.list.dates")}</th>
								<th scope="col">{t("cohorts.list.plan")}</th>
								<th scope="col">{t("cohorts.list.members")}</th>
								<th scope="col">{t("cohorts.list.trainers")}</th>
							</tr>
						</thead>
						<tbody>
							{cohorts.map((cohort) => (
								<tr key={cohort.id}>
									<th scope="row">
										<Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
									</th>
									<td>{cohort.countryCode}</td>
									<td>
										{format.day(cohort.startsOn)}
										{cohort.endsOn ? ` – ${format.day(cohort.endsOn)}` : null}
									</td>
									<td>{cohort.plan ?? t("cohorts.list.modulesCount", { count: cohort.modules })}</td>
									<td>{cohort.members}</td>
									<td>{cohort.trainers.join(", ")}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ data }) => data?.title);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
