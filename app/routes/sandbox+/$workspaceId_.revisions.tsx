import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RevisionHow } from "~/components/sandbox/revision-how";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";
import { WorkspaceTrail } from "~/components/sandbox/trail";
import { pageMeta } from "~/utils/meta";
import { listRevisions, requireWorkspace } from "~/utils/sandbox.server";

/** Every revision of a workspace, newest first: who, when, how, and what the validator found. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { workspace } = await requireWorkspace(request, params.workspaceId);
	const revisions = await listRevisions(workspace.id);
	return { workspace: { id: workspace.id, refArea: workspace.refArea, periods: workspace.periods }, revisions };
}

export default function Revisions() {
	const { workspace, revisions } = useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack-large">
			<header className="stack">
				<WorkspaceTrail workspace={workspace} periods={workspace.periods} />
				<h1>{t("sandbox.revisions.title")}</h1>
				<p>{t("sandbox.revisions.lead")}</p>
			</header>
			{revisions.length === 0 ? (
				<p>{t("sandbox.revisions.none")}</p>
			) : (
				<div className="table-wrap">
					<table>
						<caption>{t("sandbox.revisions.caption", { count: revisions.length })}</caption>
						<thead>
							<tr>
								<th scope="col">{t("sandbox.revisions.number")}</th>
								<th scope="col">{t("sandbox.revisions.when")}</th>
								<th scope="col">{t("sandbox.revisions.who")}</th>
								<th scope="col">{t("sandbox.revisions.how")}</th>
								<th scope="col">{t("sandbox.revisions.result")}</th>
							</tr>
						</thead>
						<tbody>
							{revisions.map((revision) => (
								<tr key={revision.id}>
									<th scope="row">
										<Link to={`/sandbox/${workspace.id}/revisions/${revision.number}`}>
											{t("sandbox.revisions.open", { number: revision.number })}
										</Link>
									</th>
									<td>{format.dateTime(revision.createdAt)}</td>
									<td>{revision.author.name}</td>
									<td>
										<RevisionHow revision={revision} />
									</td>
									<td>
										{t("sandbox.report.counts", {
											errors: format.number(revision.errorCount),
											warnings: format.number(revision.warningCount),
										})}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	);
}

export const meta = pageMeta(({ t }) => [t("sandbox.revisions.title"), t("sandbox.title")]);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
