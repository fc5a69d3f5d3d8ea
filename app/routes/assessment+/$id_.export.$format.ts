import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportTables, toCsv, toXlsx } from "~/domain/assessment/export";
import { assessmentPdf } from "~/utils/assessment-pdf.server";
import { assessmentReport, requireAssessment } from "~/utils/assessment.server";
import { download } from "~/utils/download.server";
import { resolveLanguage, translatorFor } from "~/utils/i18n.server";

/** The report as CSV, XLSX or PDF, for whoever may read the report. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const format = params.format;
	if (format !== "csv" && format !== "xlsx" && format !== "pdf") throw new Response("Not found", { status: 404 });
	const loaded = await requireAssessment(request, params.id);
	const language = resolveLanguage(request, loaded.user);
	const t = translatorFor(language);
	const { report, header, previousYear } = await assessmentReport(loaded, language);
	const name = `it-assessment-${header.year}`;
	const label = `${header.agency} ${header.year}`;
	if (format === "pdf") {
		const pdf = await assessmentPdf(header, report, previousYear, language, t, new URL(request.url).origin);
		return download(pdf, "application/pdf", `${name}.pdf`, `${label}.pdf`);
	}
	const tables = reportTables(header, report, t, previousYear);
	if (format === "csv") return download(toCsv(tables), "text/csv; charset=utf-8", `${name}.csv`, `${label}.csv`);
	return download(
		await toXlsx(tables),
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		`${name}.xlsx`,
		`${label}.xlsx`,
	);
}
