import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { cellHref, describeCellKey, ValidationReport } from "~/components/sandbox/report";
import { RevisionHow } from "~/components/sandbox/revision-how";
import { compareContents } from "~/domain/sandbox/diff";
import { groupFindings } from "~/domain/sandbox/report";
import { restoreSchema } from "~/domain/sandbox/schemas";
import sandboxStyles from "~/styles/sandbox.css?url";
import { useFormat } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";
import { WorkspaceTrail } from "~/components/sandbox/trail";
import { resolveLanguage } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import {
	getRevision,
	requireOwnWorkspace,
	requireWorkspace,
	restoreRevision,
	sectionNames,
} from "~/utils/sandbox.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sandboxStyles }];

const SHOWN_CHANGES = 500;

function numberOf(param: string | undefined): number {
	const number = Number(param);
	if (!param || !/^\d+$/.test(param) || !Number.isSafeInteger(number) || number < 1)
		throw new Response("Not found", { status: 404, statusText: "Not Found" });
	return number;
}

/** One revision: how it was made, its report as found then, and its changes from the one before. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, workspace } = await requireWorkspace(request, params.workspaceId);
	const language = resolveLanguage(request, user);
	const number = numberOf(params.number);
	const revision = await getRevision(workspace.id, number);
	if (!revision) throw new Response("Not found", { status: 404, statusText: "Not Found" });
	const previous = number > 1 ? await getRevision(workspace.id, number - 1) : null;
	const comparison = compareContents(previous?.observations ?? [], revision.observations);
	const report = groupFindings(revision.findings);
	const latest = await getRevision(workspace.id);
	const { observations: _o, findings: _f, ...meta } = revision;
	return {
		workspace: { id: workspace.id, refArea: workspace.refArea, periods: workspace.periods },
		revision: meta,
		isLatest: latest?.number === number,
		canRestore: workspace.ownerId === user.id && latest?.number !== number,
		previousNumber: previous?.number ?? null,
		comparison: {
			added: comparison.added,
			removed: comparison.removed,
			changed: comparison.changed,
			unchanged: comparison.unchanged,
			changes: comparison.changes.slice(0, SHOWN_CHANGES).map((change) => ({
				key: change.key,
				kind: change.kind,
				before: change.before?.text ?? null,
				after: change.after?.text ?? null,
				attributes: change.attributes.map((attribute) => ({
					attribute,
					before: change.before?.observation.attributes[attribute] ?? "",
					after: change.after?.observation.attributes[attribute] ?? "",
				})),
			})),
		},
		report,
		sectionNames: await sectionNames(
			report.groups.map((g) => g.section),
			language,
		),
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, workspace } = await requireOwnWorkspace(request, params.workspaceId);
	const number = numberOf(params.number);
	const parsed = parseForm(await request.formData(), restoreSchema);
	if (!parsed.success) return data({ errors: parsed.errors }, { status: 400 });
	const restored = await restoreRevision(workspace, user.id, number);
	return redirectWithToast(`/sandbox/${workspace.id}/revisions/${restored.number}`, {
		kind: "success",
		key: "sandbox.revisions.restored",
		values: { number, created: restored.number },
	});
}

export default function RevisionPage() {
	const { workspace, revision, isLatest, canRestore, previousNumber, comparison, report, sectionNames } =
		useLoaderData<typeof loader>();
	const { t } = useTranslation();
	const format = useFormat();
	return (
		<div className="stack-large">
			<header className="stack">
				<WorkspaceTrail workspace={workspace} periods={workspace.periods} revisions />
				<h1>{t("sandbox.revisions.open", { number: revision.number })}</h1>
				<p>
					{format.dateTime(revision.createdAt)} · {revision.author.name} · <RevisionHow revision={revision} />
					{" · "}
					{t("sandbox.revisions.observations", { count: revision.observationCount })}
					{isLatest ? ` · ${t("sandbox.revisions.latest")}` : ""}
				</p>
				<ul className="inline-list">
					<li>
						<a href={`/sandbox/${workspace.id}/download/data.csv?revision=${revision.number}`} download>
							{t("sandbox.downloads.csv", { number: revision.number })}
						</a>
					</li>
					<li>
						<a href={`/sandbox/${workspace.id}/download/filled.xlsx?revision=${revision.number}`} download>
							{t("sandbox.downloads.filled", { number: revision.number })}
						</a>
					</li>
				</ul>
				{canRestore ? (
					<Form method="post">
						<input type="hidden" name="intent" value="restore" />
						<p className="field-hint" id="restore-hint">
							{t("sandbox.revisions.restoreHint")}
						</p>
						<button type="submit" className="button button--secondary" aria-describedby="restore-hint">
							{t("sandbox.revisions.restoreButton", { number: revision.number })}
						</button>
					</Form>
				) : null}
			</header>

			<ValidationReport report={report} workspaceId={workspace.id} sectionNames={sectionNames} />

			<section aria-labelledby="changes-title" className="stack">
				<h2 id="changes-title">
					{previousNumber ? t("sandbox.compare.title", { number: previousNumber }) : t("sandbox.compare.first")}
				</h2>
				<p>
					{t("sandbox.compare.summary", {
						added: format.number(comparison.added),
						removed: format.number(comparison.removed),
						changed: format.number(comparison.changed),
						unchanged: format.number(comparison.unchanged),
					})}
				</p>
				{comparison.changes.length > 0 ? (
					<div className="table-wrap">
						<table>
							<caption>{t("sandbox.compare.caption")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("sandbox.compare.cell")}</th>
									<th scope="col">{t("sandbox.compare.change")}</th>
									<th scope="col">{t("sandbox.compare.before")}</th>
									<th scope="col">{t("sandbox.compare.after")}</th>
								</tr>
							</thead>
							<tbody>
								{comparison.changes.map((change) => {
									const href = isLatest && change.kind !== "removed" ? cellHref(workspace.id, change.key) : undefined;
									return (
										<tr key={change.key} className={`change change--${change.kind}`}>
											<th scope="row">
												{href ? <Link to={href}>{describeCellKey(change.key)}</Link> : describeCellKey(change.key)}
											</th>
											<td>{t(`sandbox.compare.${change.kind}`)}</td>
											<td>
												{change.before ?? ""}
												{change.attributes.map((a) => (
													<div key={a.attribute} className="field-hint">
														{a.attribute}: {a.before}
													</div>
												))}
											</td>
											<td>
												{change.after ?? ""}
												{change.attributes.map((a) => (
													<div key={a.attribute} className="field-hint">
														{a.attribute}: {a.after}
													</div>
												))}
											</td>
										</tr>
									);
								})}
							</tbody>
						</table>
					</div>
				) : null}
				{comparison.added + comparison.removed + comparison.changed > comparison.changes.length ? (
					<p>
						{t("sandbox.compare.more", {
							count: comparison.added + comparison.removed + comparison.changed - comparison.changes.length,
						})}
					</p>
				) : null}
			</section>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ t, data }) => [
	data ? t("sandbox.revisions.open", { number: data.revision.number }) : null,
	t("sandbox.title"),
]);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
