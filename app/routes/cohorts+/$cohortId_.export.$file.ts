import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportToCsv, reportToXlsx, type Report } from "~/domain/cohorts/report";
import { parseDashboardQuery } from "~/utils/cohort-dashboard.server";
import { dashboardReport, itemsReport, markingReport } from "~/utils/cohort-reports.server";
import { cohortModules, requireCohortViewer } from "~/utils/cohorts.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { whichAttempts } from "~/utils/item-analysis.server";

/**
 * `/cohorts/:id/export/dashboard.csv`, `marking.xlsx`, `items-<module>.csv`…: what the pages
 * show, as files (docs/decisions/0055-exports.md). The dashboard's sort and filters, and the item
 * analysis's choice of attempts, come in the query as on the pages.
 */
const FILE = /^(dashboard|marking|items-([a-z0-9-]+))\.(csv|xlsx)$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { user, cohort, canManage } = await requireCohortViewer(request, params.cohortId);
	const match = FILE.exec(params.file ?? "");
	if (!match) throw new Response("Not found", { status: 404 });
	const [, report, moduleSlug, format] = match;
	const language = resolveLanguage(request, user);
	const search = new URL(request.url).searchParams;
	let built: Report;
	if (report === "dashboard") {
		built = await dashboardReport(cohort, language, parseDashboardQuery(search), canManage);
	} else if (report === "marking") {
		if (!canManage) throw new Response("Forbidden", { status: 403 });
		built = await markingReport(cohort, language);
	} else {
		const module = (await cohortModules(cohort)).find((m) => m.module.slug === moduleSlug)?.module;
		if (!module?.hasQuiz) throw new Response("Not found", { status: 404 });
		built = await itemsReport(cohort, module, language, whichAttempts(search));
	}
	const date = new Date().toISOString().slice(0, 10);
	const ascii = `${slugify(cohort.name)}-${report}-${date}.${format}`;
	const full = `${cohort.name.replace(/[\\/:*?"<>|]+/g, "-")} ${report} ${date}.${format}`;
	const headers = {
		"Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full)}`,
		"Cache-Control": "private, no-store",
	};
	if (format === "csv") {
		const csv = reportToCsv(
			built,
			language === "ru" ? { delimiter: ";", decimal: "," } : { delimiter: ",", decimal: "." },
		);
		return new Response(csv, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
	}
	return new Response(new Uint8Array(await reportToXlsx(built)), {
		headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
	});
}

/** A plain-ASCII file name from the cohort's name, for old browsers; others take the full name (filename*). */
function slugify(name: string) {
	return (
		name
			.normalize("NFKD")
			.replace(/[^\w\s-]/g, "")
			.trim()
			.replace(/[\s_]+/g, "-")
			.toLowerCase()
			.slice(0, 60) || "cohort"
	);
}
