import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IndicatorForm, type CellMark } from "~/components/sandbox/indicator-form";
import { FindingItem } from "~/components/sandbox/report";
import { INDICATORS, isIndicatorId, type IndicatorId } from "~/domain/dsm/model";
import { cellFieldOf, parseCellKey } from "~/domain/sandbox/cells";
import type { Finding } from "~/domain/sandbox/findings";
import { cellsOfInput, citizensOfCells, formContentOf, formObservations, knownAmounts } from "~/domain/sandbox/form";
import { computeTotals, formLayout, layoutCells, type FormLayout } from "~/domain/sandbox/layout";
import { dimensionOf, type Observation } from "~/domain/dsm/observation";
import { indicatorFormSchema, isCitizenCode } from "~/domain/sandbox/schemas";
import sandboxStyles from "~/styles/sandbox.css?url";
import type { BodyLimits, RouteHandle } from "~/utils/body-limits";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { toFormInput } from "~/domain/form-input";
import { useTranslation } from "~/utils/i18n";
import { WorkspaceTrail } from "~/components/sandbox/trail";
import { resolveLanguage } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import {
	getRevision,
	requireOwnWorkspace,
	requireWorkspace,
	saveRevision,
	sectionNames,
	workspacePeriods,
	type Workspace,
} from "~/utils/sandbox.server";
import { redirectWithToast } from "~/utils/toast.server";

/** An indicator's table is large (IND6 with twenty citizenships: 7,000 cells); the form is sent whole. */
const FORM_LIMITS: BodyLimits = { maxBytes: 1024 * 1024, maxFields: 12_000, maxFieldBytes: 24 * 1024 };

export const handle: RouteHandle = { bodyLimits: FORM_LIMITS };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sandboxStyles }];

const notFound = () => new Response("Not found", { status: 404, statusText: "Not Found" });

function indicatorOf(workspace: Workspace, param: string | undefined): IndicatorId {
	if (!param || !isIndicatorId(param) || !workspace.indicators.includes(param)) throw notFound();
	return param;
}

const MAX_LISTED = 200;

/**
 * The findings of the latest revision on this table's cells (the first MAX_LISTED listed), and
 * each cell's mark: its worst severity and the listed findings that describe it.
 */
function findingsOnTable(findings: readonly Finding[], indicator: IndicatorId, refArea: string, period: string) {
	const listed: Array<{ index: number; finding: Finding }> = [];
	const marks: Record<string, CellMark> = {};
	let total = 0;
	findings.forEach((finding, index) => {
		const fields = new Set<string>();
		for (const cell of finding.cells) {
			const parsed = cell.key ? parseCellKey(cell.key) : undefined;
			if (parsed && parsed.indicator === indicator && parsed.period === period && parsed.refArea === refArea)
				fields.add(cellFieldOf(indicator, parsed.codes));
		}
		if (fields.size === 0) return;
		total += 1;
		const shown = listed.length < MAX_LISTED;
		if (shown) listed.push({ index, finding });
		for (const field of fields) {
			const mark = marks[field];
			marks[field] = {
				severity: mark?.severity === "error" || finding.severity === "error" ? "error" : "warning",
				findings: shown ? [...(mark?.findings ?? []), index] : (mark?.findings ?? []),
			};
		}
	});
	return { listed, marks, total };
}

/** The observations of this table whose cell is not on the form. */
function cellsOutsideForm(
	observations: readonly Observation[],
	indicator: IndicatorId,
	refArea: string,
	period: string,
	layout: FormLayout,
) {
	const onForm = new Set(layoutCells(layout).map((codes) => cellFieldOf(indicator, codes)));
	return observations.filter(
		(o) =>
			o.indicator === indicator &&
			dimensionOf(o, "REF_AREA") === refArea &&
			dimensionOf(o, "TIME_PERIOD") === period &&
			!onForm.has(cellFieldOf(indicator, o.dimensions)),
	);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, workspace } = await requireWorkspace(request, params.workspaceId);
	const indicator = indicatorOf(workspace, params.indicator);
	const language = resolveLanguage(request, user);
	const latest = await getRevision(workspace.id);
	const observations = latest?.observations ?? [];
	const periods = workspacePeriods(workspace, observations);
	const period = new URL(request.url).searchParams.get("period");
	if (!period)
		throw redirect(`/sandbox/${workspace.id}/${indicator}?${new URLSearchParams({ period: periods[0] ?? "" })}`);
	if (!periods.includes(period)) throw notFound();
	const content = formContentOf(indicator, workspace.refArea, period, observations);
	const layout = formLayout(indicator, content.citizens);
	const computed = Object.fromEntries(computeTotals(indicator, layoutCells(layout), knownAmounts(content.cells)));
	const { listed, marks, total } = findingsOnTable(latest?.findings ?? [], indicator, workspace.refArea, period);
	return {
		workspace: { id: workspace.id, refArea: workspace.refArea },
		indicator,
		period,
		periods,
		revision: latest
			? { number: latest.number, errorCount: latest.errorCount, warningCount: latest.warningCount }
			: null,
		content,
		computed,
		marks,
		findings: listed,
		findingsTotal: total,
		unshown: cellsOutsideForm(observations, indicator, workspace.refArea, period, layout).length,
		sectionNames: await sectionNames(
			listed.map((l) => l.finding.section),
			language,
		),
	};
}

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, workspace } = await requireOwnWorkspace(request, params.workspaceId);
	const indicator = indicatorOf(workspace, params.indicator);
	const period = new URL(request.url).searchParams.get("period") ?? "";
	const latest = await getRevision(workspace.id);
	if (!workspacePeriods(workspace, latest?.observations ?? []).includes(period)) throw notFound();
	const formData = await request.formData();
	const input = toFormInput(formData);
	const cells = cellsOfInput(indicator, input);
	const parsed = parseForm(formData, indicatorFormSchema);
	const citizens = new Set([
		...(parsed.success ? parsed.data.citizen : [input.citizen ?? []].flat()).filter(isCitizenCode),
		...citizensOfCells(indicator, Object.fromEntries(Object.entries(cells).filter(([, text]) => text.trim() !== ""))),
	]);
	citizens.delete("TOTAL");
	const echo = (errors: FieldErrors, status: number) =>
		data(
			{
				errors,
				cells,
				citizens: [...citizens],
				attributes: {
					unit: String(input.unit ?? ""),
					rounding: String(input.rounding ?? ""),
					sourceAgency: String(input.sourceAgency ?? ""),
					note: String(input.note ?? ""),
				},
			},
			{ status },
		);
	if (!parsed.success) return echo(parsed.errors, 400);
	const { intent, newCitizen, unit, rounding, sourceAgency, note } = parsed.data;
	if (intent === "add-citizen") {
		if (!newCitizen || !isCitizenCode(newCitizen) || newCitizen === workspace.refArea)
			return echo({ newCitizen: ["sandbox.errors.citizen"] }, 400);
		citizens.add(newCitizen);
		return echo({}, 200);
	}
	if (!INDICATORS[indicator].units.includes(unit)) return echo({ unit: ["sandbox.errors.unit"] }, 400);
	const content = { attributes: { unit, rounding, sourceAgency, note }, cells, citizens: [...citizens] };
	const layout = formLayout(indicator, content.citizens);
	const { observations, computed } = formObservations(indicator, workspace.refArea, period, content, layout);
	// Cells the form cannot show (a code outside the codelists, from a file) are kept as they were.
	const unshown = cellsOutsideForm(latest?.observations ?? [], indicator, workspace.refArea, period, layout);
	const revision = await saveRevision(workspace, user.id, {
		source: "form",
		indicator,
		period,
		incoming: [...observations, ...unshown],
	});
	return redirectWithToast(`/sandbox/${workspace.id}/${indicator}?${new URLSearchParams({ period })}#findings`, {
		kind: revision.errorCount > 0 ? "error" : "success",
		key: "sandbox.form.saved",
		values: {
			number: revision.number,
			errors: revision.errorCount,
			warnings: revision.warningCount,
			computed: computed.length,
		},
	});
}

export default function IndicatorPage() {
	const {
		workspace,
		indicator,
		period,
		periods,
		revision,
		content,
		computed,
		marks,
		findings,
		findingsTotal,
		unshown,
		sectionNames,
	} = useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>();
	const { t, language } = useTranslation();
	const cells = actionData?.cells ?? content.cells;
	const citizens = actionData?.citizens ?? content.citizens;
	const attributes = actionData?.attributes ?? content.attributes;
	const layout = formLayout(indicator, citizens);
	return (
		<div className="stack-large sandbox-page">
			<header className="stack">
				<WorkspaceTrail workspace={workspace} periods={periods} />
				<h1>
					{indicator} · {INDICATORS[indicator].title[language]} · {period}
				</h1>
				<p>{t("sandbox.form.lead")}</p>
				{periods.length > 1 ? (
					<nav aria-label={t("sandbox.form.periods")}>
						<ul className="inline-list">
							{periods.map((p) => (
								<li key={p}>
									<Link to={`?${new URLSearchParams({ period: p })}`} aria-current={p === period ? "page" : undefined}>
										{p}
									</Link>
								</li>
							))}
						</ul>
					</nav>
				) : null}
			</header>
			<section aria-labelledby="findings-title" id="findings" className="stack">
				<h2 id="findings-title">{t("sandbox.form.findingsTitle")}</h2>
				<p>
					{revision
						? findingsTotal === 0
							? t("sandbox.form.noFindings", { number: revision.number })
							: t("sandbox.form.findingsCount", { count: findingsTotal, number: revision.number })
						: t("sandbox.form.notSaved")}{" "}
					{revision ? <Link to={`/sandbox/${workspace.id}#report`}>{t("sandbox.form.wholeReport")}</Link> : null}
				</p>
				{findings.length > 0 ? (
					<ul className="findings">
						{findings.map(({ index, finding }) => (
							<FindingItem
								key={index}
								finding={finding}
								index={index}
								workspaceId={workspace.id}
								sectionName={sectionNames[finding.section] ?? finding.section}
							/>
						))}
					</ul>
				) : null}
			</section>
			<section aria-labelledby="table-title" className="stack">
				<h2 id="table-title">{t("sandbox.form.tableTitle")}</h2>
				{unshown > 0 ? <p className="notice">{t("sandbox.form.unshown", { count: unshown })}</p> : null}
				<IndicatorForm
					key={revision?.number ?? 0}
					indicator={indicator}
					refArea={workspace.refArea}
					period={period}
					layout={layout}
					cells={cells}
					attributes={attributes}
					marks={marks}
					computed={computed}
					errors={actionData?.errors}
				/>
			</section>
		</div>
	);
}

export const meta = pageMeta<typeof loader>(({ t, data }) => [
	data ? `${data.indicator} ${data.period}` : null,
	t("sandbox.title"),
]);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
