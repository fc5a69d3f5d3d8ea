import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { ValidationReport } from "~/components/sandbox/report";
import { RevisionHow } from "~/components/sandbox/revision-how";
import { StatusBadge } from "~/components/sandbox/status";
import { labelOf } from "~/domain/dsm/codelists";
import { MAX_FILE_BYTES } from "~/domain/dsm/rules/file";
import { INDICATORS } from "~/domain/dsm/model";
import { dimensionOf } from "~/domain/dsm/observation";
import { parseCellKey } from "~/domain/sandbox/cells";
import { groupFindings } from "~/domain/sandbox/report";
import { addPeriodSchema } from "~/domain/sandbox/schemas";
import sandboxStyles from "~/styles/sandbox.css?url";
import { uploadLimits, formatBytes, type RouteHandle } from "~/utils/body-limits";
import { useFormat } from "~/utils/format";
import { errorsOf, parseForm, valueOf } from "~/utils/forms";
import { useTranslation } from "~/utils/i18n";
import { resolveLanguage } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { readMultipartForm } from "~/utils/request-guard.server";
import {
	addPeriod,
	getRevision,
	requireOwnWorkspace,
	requireWorkspace,
	sectionNames,
	uploadFile,
	workspacePeriods,
} from "~/utils/sandbox.server";
import { commentCount } from "~/utils/sandbox-review.server";
import { redirectWithToast } from "~/utils/toast.server";

// The server reads files up to twice the engine's limit, so that one a little too big (the usual
// case) reaches the engine and is refused beside the upload field (FILE-SIZE); a larger body is
// refused before it is read (413).
export const handle: RouteHandle = { bodyLimits: uploadLimits({ maxFileBytes: 2 * MAX_FILE_BYTES }) };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sandboxStyles }];

/** A workspace: its tables per period and indicator, the upload, the downloads, and the latest revision's report. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, workspace } = await requireWorkspace(request, params.workspaceId);
	const language = resolveLanguage(request, user);
	const [latest, comments] = await Promise.all([getRevision(workspace.id), commentCount(workspace.id)]);
	const observations = latest?.observations ?? [];
	const periods = workspacePeriods(workspace, observations);
	const counts: Record<string, number> = {};
	for (const o of observations) {
		const slice = `${o.indicator}|${dimensionOf(o, "TIME_PERIOD")}`;
		counts[slice] = (counts[slice] ?? 0) + 1;
	}
	const findingsPerSlice: Record<string, number> = {};
	for (const finding of latest?.findings ?? []) {
		const slices = new Set(
			finding.cells
				.map((cell) => (cell.key ? parseCellKey(cell.key) : undefined))
				.filter(Boolean)
				.map((cell) => `${cell!.indicator}|${cell!.period}`),
		);
		for (const slice of slices) findingsPerSlice[slice] = (findingsPerSlice[slice] ?? 0) + 1;
	}
	const report = latest ? groupFindings(latest.findings) : null;
	return {
		workspace: {
			id: workspace.id,
			kind: workspace.kind,
			refArea: workspace.refArea,
			indicators: workspace.indicators,
			status: workspace.status,
			title: workspace.title,
			exerciseId: workspace.exerciseId,
			comments,
		},
		periods,
		counts,
		findingsPerSlice,
		latest: latest
			? {
					number: latest.number,
					createdAt: latest.createdAt,
					source: latest.source,
					indicator: latest.indicator,
					period: latest.period,
					fileName: latest.fileName,
					fileBytes: latest.fileBytes,
					format: latest.format,
					restoredFrom: latest.restoredFrom,
					author: latest.author.name,
					observationCount: latest.observationCount,
				}
			: null,
		report,
		sectionNames: report
			? await sectionNames(
					report.groups.map((g) => g.section),
					language,
				)
			: {},
		maxFileBytes: MAX_FILE_BYTES,
	};
}

function isMultipart(request: Request) {
	return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, workspace } = await requireOwnWorkspace(request, params.workspaceId);
	const language = resolveLanguage(request, user);
	const form = isMultipart(request) ? await readMultipartForm(request, handle.bodyLimits!) : await request.formData();
	const intent = form.get("intent");
	if (intent === "upload") {
		const file = form.get("file");
		if (!(file instanceof File) || (file.size === 0 && file.name === ""))
			return data(
				{ intent, errors: { file: ["sandbox.upload.noFile"] }, fileProblems: [] as string[] },
				{ status: 400 },
			);
		const outcome = await uploadFile(workspace, user.id, {
			name: file.name,
			bytes: new Uint8Array(await file.arrayBuffer()),
		});
		if (!outcome.ok) {
			const problems = outcome.issues.map((issue) => `${issue.rule}: ${issue.message[language]}`);
			return data(
				{
					intent,
					errors: { file: [problems.length ? "sandbox.upload.unreadable" : "sandbox.upload.noObservations"] },
					fileProblems: problems,
				},
				{ status: 400 },
			);
		}
		const { number, errorCount, warningCount } = outcome.revision;
		return redirectWithToast(`/sandbox/${workspace.id}#report`, {
			kind: errorCount > 0 ? "error" : "success",
			key: "sandbox.upload.saved",
			values: { number, errors: errorCount, warnings: warningCount },
		});
	}
	if (intent === "add-period") {
		const parsed = parseForm(form, addPeriodSchema);
		if (!parsed.success)
			return data(
				{ intent, errors: parsed.errors, values: parsed.values, fileProblems: [] as string[] },
				{ status: 400 },
			);
		const added = await addPeriod(workspace.id, parsed.data.period, user.id);
		return redirectWithToast(`/sandbox/${workspace.id}`, {
			kind: "success",
			key: added ? "sandbox.periods.added" : "sandbox.periods.exists",
			values: { period: parsed.data.period },
		});
	}
	return data(
		{ intent: null, errors: { "": ["sandbox.errors.intent"] }, fileProblems: [] as string[] },
		{ status: 400 },
	);
}

export default function WorkspacePage() {
	const { workspace, periods, counts, findingsPerSlice, latest, report, sectionNames, maxFileBytes } =
		useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t, language } = useTranslation();
	const format = useFormat();
	const limit = formatBytes(maxFileBytes);
	const uploadErrors = actionData?.intent === "upload" ? errorsOf(actionData, "file") : undefined;
	const state = labelOf("REF_AREA", workspace.refArea, language);
	const revisionQuery = latest ? `?revision=${latest.number}` : "";
	return (
		<div className="stack-large">
			<header className="stack">
				<p>
					<Link to="/sandbox">{t("sandbox.title")}</Link>
				</p>
				<h1>{t("sandbox.workspace.heading", { state, periods: periods.join(", ") })}</h1>
				<p>
					<StatusBadge status={workspace.status} />
					{" · "}
					{latest
						? t("sandbox.workspace.latest", {
								number: latest.number,
								date: format.dateTime(latest.createdAt),
								author: latest.author,
								count: latest.observationCount,
							})
						: t("sandbox.workspace.empty")}
					{latest ? (
						<>
							{" · "}
							<Link to={`/sandbox/${workspace.id}/revisions`}>{t("sandbox.workspace.revisions")}</Link>
						</>
					) : null}
				</p>
				{/* Submit and review, exercises (issue 9 items 5, 6): the review helper's pages. */}
				<p className="actions">
					<Link to={`/sandbox/${workspace.id}/submissions`}>
						{workspace.comments
							? t("sandboxReview.workspace.submissionsWithComments", { count: workspace.comments })
							: t("sandboxReview.workspace.submissions")}
					</Link>
					{workspace.exerciseId ? (
						<Link to={`/sandbox/exercises/${workspace.exerciseId}`}>{t("sandboxReview.workspace.exercise")}</Link>
					) : null}
				</p>
			</header>

			<section aria-labelledby="tables-title" className="stack">
				<h2 id="tables-title">{t("sandbox.workspace.tablesTitle")}</h2>
				<p>{t("sandbox.workspace.tablesText")}</p>
				{periods.map((period) => (
					<div key={period} className="table-wrap">
						<table>
							<caption>{t("sandbox.workspace.period", { period })}</caption>
							<thead>
								<tr>
									<th scope="col">{t("sandbox.workspace.indicator")}</th>
									<th scope="col">{t("sandbox.workspace.cells")}</th>
									<th scope="col">{t("sandbox.workspace.findings")}</th>
								</tr>
							</thead>
							<tbody>
								{workspace.indicators.map((indicator) => {
									const slice = `${indicator}|${period}`;
									return (
										<tr key={indicator}>
											<th scope="row">
												<Link to={`/sandbox/${workspace.id}/${indicator}?${new URLSearchParams({ period })}`}>
													{indicator} · {INDICATORS[indicator].title[language]}
												</Link>
											</th>
											<td>{format.number(counts[slice] ?? 0)}</td>
											<td>{format.number(findingsPerSlice[slice] ?? 0)}</td>
										</tr>
									);
								})}
							</tbody>
						</table>
					</div>
				))}
				{workspace.kind === "practice" ? (
					<Form method="post" className="inline-form" aria-labelledby="period-title">
						<h3 id="period-title">{t("sandbox.periods.title")}</h3>
						<p>{t("sandbox.periods.text")}</p>
						<input type="hidden" name="intent" value="add-period" />
						{actionData?.intent === "add-period" ? <FormErrors errors={errorsOf(actionData, "")} /> : null}
						<Field
							name="period"
							label={t("sandbox.periods.label")}
							hint={t("sandbox.index.periodHint")}
							defaultValue={actionData?.intent === "add-period" ? valueOf(actionData, "period") : ""}
							errors={actionData?.intent === "add-period" ? errorsOf(actionData, "period") : undefined}
							autoComplete="off"
							required
						/>
						<p>
							<button type="submit" className="button button--secondary">
								{t("sandbox.periods.add")}
							</button>
						</p>
					</Form>
				) : null}
			</section>

			<section aria-labelledby="upload-title" className="stack card">
				<h2 id="upload-title">{t("sandbox.upload.title")}</h2>
				<p>{t("sandbox.upload.text", { size: `${limit.value} ${t(`errors.refused.units.${limit.unit}`)}` })}</p>
				<Form method="post" encType="multipart/form-data" className="stack">
					<input type="hidden" name="intent" value="upload" />
					<div className="field">
						<label htmlFor="upload-file">{t("sandbox.upload.file")}</label>
						<p id="upload-file-hint" className="field-hint">
							{t("sandbox.upload.hint")}
						</p>
						<input
							id="upload-file"
							type="file"
							name="file"
							accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
							aria-describedby={["upload-file-hint", uploadErrors ? "upload-file-error" : ""].filter(Boolean).join(" ")}
							aria-invalid={uploadErrors ? true : undefined}
							required
						/>
						{uploadErrors ? (
							<div id="upload-file-error" className="field-errors" role="alert">
								{uploadErrors.map((error) => (
									<p key={error}>{t(error)}</p>
								))}
								{actionData?.fileProblems.length ? (
									<ul>
										{actionData.fileProblems.map((problem) => (
											<li key={problem}>{problem}</li>
										))}
									</ul>
								) : null}
							</div>
						) : null}
					</div>
					<p>
						<button type="submit" className="button">
							{t("sandbox.upload.submit")}
						</button>
					</p>
				</Form>
			</section>

			<section aria-labelledby="downloads-title" className="stack">
				<h2 id="downloads-title">{t("sandbox.downloads.title")}</h2>
				<ul>
					<li>
						<a href={`/sandbox/${workspace.id}/download/template.xlsx`} download>
							{t("sandbox.downloads.blank")}
						</a>
					</li>
					{latest ? (
						<>
							<li>
								<a href={`/sandbox/${workspace.id}/download/filled.xlsx${revisionQuery}`} download>
									{t("sandbox.downloads.filled", { number: latest.number })}
								</a>
							</li>
							<li>
								<a href={`/sandbox/${workspace.id}/download/data.csv${revisionQuery}`} download>
									{t("sandbox.downloads.csv", { number: latest.number })}
								</a>
							</li>
						</>
					) : null}
				</ul>
			</section>

			{report && latest ? (
				<>
					<p>
						{t("sandbox.report.of", { number: latest.number })} <RevisionHow revision={latest} />
					</p>
					<ValidationReport report={report} workspaceId={workspace.id} sectionNames={sectionNames} />
				</>
			) : null}
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ t, language, data }) =>
	data
		? [
				t("sandbox.workspace.heading", {
					state: labelOf("REF_AREA", data.workspace.refArea, language),
					periods: data.periods.join(", "),
				}),
				t("sandbox.title"),
			]
		: t("sandbox.title"),
);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
