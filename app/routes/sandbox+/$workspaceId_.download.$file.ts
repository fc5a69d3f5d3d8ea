import type { LoaderFunctionArgs } from "@remix-run/node";
import { parsePeriod } from "~/domain/dsm/periods";
import { writeSdmxCsv } from "~/domain/dsm/write-sdmx-csv";
import { writeXlsxTemplate } from "~/domain/dsm/write-xlsx";
import { download } from "~/utils/download.server";
import { getRevision, requireWorkspace, visibleContent, workspacePeriods } from "~/utils/sandbox.server";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A workspace's files: the blank XLSX template for its state and period, and a revision (the
 * latest unless ?revision=N) as the filled template or SDMX-CSV 2.0. Whoever may read the
 * workspace (its owner; its owner's trainers once review lands) sees confidential values (CONF).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, workspace } = await requireWorkspace(request, params.workspaceId);
	const url = new URL(request.url);
	const name = `dsm-${workspace.refArea}`;
	if (params.file === "template.xlsx") {
		const latest = await getRevision(workspace.id);
		const periods = workspacePeriods(workspace, latest?.observations ?? []);
		const asked = url.searchParams.get("period");
		const period = asked && periods.includes(asked) ? asked : (periods[0] ?? "");
		const bytes = await writeXlsxTemplate({
			indicators: workspace.indicators,
			fields: { REF_AREA: workspace.refArea, TIME_PERIOD: period, FREQ: parsePeriod(period)?.frequency },
		});
		return download(Buffer.from(bytes), XLSX, `${name}-${period}-template.xlsx`);
	}
	if (params.file !== "filled.xlsx" && params.file !== "data.csv") throw new Response("Not found", { status: 404 });
	const asked = url.searchParams.get("revision");
	const number = asked === null ? undefined : Number(asked);
	if (number !== undefined && !Number.isSafeInteger(number)) throw new Response("Not found", { status: 404 });
	const revision = await getRevision(workspace.id, number);
	if (!revision || revision.observations.length === 0) throw new Response("Not found", { status: 404 });
	const observations = visibleContent(revision.observations, workspace.ownerId === user.id);
	if (params.file === "data.csv")
		return download(writeSdmxCsv(observations), "text/csv; charset=utf-8", `${name}-revision-${revision.number}.csv`);
	const bytes = await writeXlsxTemplate({ observations });
	return download(Buffer.from(bytes), XLSX, `${name}-revision-${revision.number}.xlsx`);
}
