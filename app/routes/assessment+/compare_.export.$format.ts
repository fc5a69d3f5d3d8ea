import type { LoaderFunctionArgs } from "@remix-run/node";
import { comparisonTable, toCsv, toXlsx } from "~/domain/assessment/export";
import { requireComparison } from "~/utils/assessment.server";
import { translatorFor } from "~/utils/i18n.server";
import { download } from "~/utils/download.server";

/** The comparison as CSV or XLSX, within what the user may see (the same checks as the page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const format = params.format;
	if (format !== "csv" && format !== "xlsx") throw new Response("Not found", { status: 404 });
	const { language, scope, year, country, sections, comparison } = await requireComparison(request);
	const table = comparisonTable(
		sections,
		comparison.rows.map((row) => ({
			name: row.name,
			status: row.assessment?.status ?? null,
			submittedAt: row.assessment?.submittedAt ?? null,
			levels: row.levels,
		})),
		scope === "agency" ? null : comparison.medians,
		translatorFor(language),
		{ country: country.name, year },
	);
	const name = `it-assessment-${country.code}-${year}.${format}`;
	if (format === "csv") return download(toCsv([table]), "text/csv; charset=utf-8", name);
	return download(await toXlsx([table]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
}
