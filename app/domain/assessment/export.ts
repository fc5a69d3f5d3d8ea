import { loadExcel } from "../spreadsheet";
import { escapeFormula, formatCsv } from "../dsm/csv";
import type { ReportView } from "./report-view";

/**
 * The report and the comparison as tables, and the tables as CSV (UTF-8 with a BOM, so that Excel
 * reads Cyrillic) and XLSX. Every text cell, headers included, is escaped so that a spreadsheet
 * never runs it as a formula (an answer typed as "=HYPERLINK(…)" stays text).
 */

export type Cell = string | number | null;
export type Table = {
	readonly name: string;
	readonly header: readonly string[];
	readonly rows: readonly (readonly Cell[])[];
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ReportHeader = {
	agency: string;
	country: string;
	year: number;
	status: string;
	submittedAt: Date | string | null;
	instrumentVersion: number;
};

export function reportTables(
	header: ReportHeader,
	report: ReportView,
	t: Translate,
	previousYear: number | null,
): Table[] {
	const h = (key: string) => t(`assessment.export.${key}`);
	const readiness: Table = {
		name: h("sheetReadiness"),
		header: [
			h("agency"),
			h("year"),
			h("part"),
			h("section"),
			h("level"),
			h("reached"),
			h("target"),
			h("distance"),
			previousYear ? t("assessment.report.change", { year: previousYear }) : h("change"),
			h("answered"),
			h("applicable"),
			h("blocking"),
		],
		rows: [
			...report.parts.map((part) => [
				header.agency,
				header.year,
				t("assessment.report.part", { id: part.id, title: part.title }),
				"",
				part.level,
				null,
				null,
				null,
				null,
				null,
				null,
				"",
			]),
			...report.sections.map((s) => [
				header.agency,
				header.year,
				s.part,
				`${s.code} ${s.title}`,
				s.level,
				s.reached,
				s.target,
				s.distance,
				s.change,
				s.answered,
				s.applicable,
				s.blocking ? h("yes") : "",
			]),
		],
	};
	const gaps: Table = {
		name: h("sheetGaps"),
		header: [
			h("rank"),
			h("priority"),
			h("section"),
			h("item"),
			h("condition"),
			h("levelAtMost"),
			h("recommendation"),
			h("lesson"),
			h("lessonUrl"),
		],
		rows: report.gaps.map((gap, index) => [
			index + 1,
			t(`assessment.priority.${gap.priority}`),
			gap.section,
			`${gap.code} ${gap.item}`,
			gap.condition,
			gap.level,
			gap.recommendation,
			gap.learn.title,
			gap.learn.href,
		]),
	};
	const answers: Table = {
		name: h("sheetAnswers"),
		header: [
			h("section"),
			h("item"),
			h("state"),
			h("level"),
			h("compatible"),
			h("answers"),
			h("findings"),
			h("answeredBy"),
			h("answeredAt"),
		],
		rows: report.items.map((item) => [
			item.section,
			`${item.code} ${item.label}`,
			t(`assessment.itemState.${item.state}`),
			item.level,
			item.judgement ? t(`assessment.judgement.${item.judgement}`) : "",
			item.answers.map((a) => `${a.label}: ${a.value}`).join("; "),
			item.findings.join("; "),
			item.answeredBy ?? "",
			item.answeredAt ?? "",
		]),
	};
	return [readiness, gaps, answers];
}

export type ComparisonRow = {
	name: string;
	status: string | null;
	submittedAt: Date | string | null;
	levels: Readonly<Record<string, number | null>>;
};

export function comparisonTable(
	sections: readonly { id: string; code: string; title: string }[],
	rows: readonly ComparisonRow[],
	/** Per section; null leaves the median row out (an assessor sees their own agency only). */
	medians: Readonly<Record<string, number | null>> | null,
	t: Translate,
	context: { country: string; year: number },
): Table {
	const h = (key: string) => t(`assessment.export.${key}`);
	return {
		name: h("sheetComparison"),
		header: [
			h("country"),
			h("year"),
			h("agency"),
			h("status"),
			h("submittedAt"),
			...sections.map((s) => `${s.code} ${s.title}`),
		],
		rows: [
			...rows.map((row) => [
				context.country,
				context.year,
				row.name,
				t(row.status ? `assessment.status.${row.status}` : "assessment.compare.notStarted"),
				row.submittedAt ? new Date(row.submittedAt).toISOString().slice(0, 10) : "",
				...sections.map((s) => row.levels[s.id] ?? null),
			]),
			...(medians
				? [
						[
							context.country,
							context.year,
							t("assessment.compare.median"),
							"",
							"",
							...sections.map((s) => medians[s.id] ?? null),
						],
					]
				: []),
		],
	};
}

function text(cell: Cell) {
	return cell === null ? "" : typeof cell === "number" ? String(cell) : cell;
}

/** The tables one after another, each under its name, a blank line between; CRLF, a BOM first. */
export function toCsv(tables: readonly Table[]): string {
	const rows: string[][] = [];
	tables.forEach((table, index) => {
		if (tables.length > 1) {
			if (index > 0) rows.push([]);
			rows.push([table.name]);
		}
		rows.push([...table.header], ...table.rows.map((row) => row.map(text)));
	});
	return "\uFEFF" + formatCsv(rows);
}

const SHEET_NAME = /[\\/?*[\]:]/g;

export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
	const workbook = new (await loadExcel()).Workbook();
	workbook.creator = "DSM Academy";
	for (const table of tables) {
		const sheet = workbook.addWorksheet(table.name.replace(SHEET_NAME, " ").slice(0, 31));
		const headerRow = sheet.addRow(table.header.map((cell) => escapeFormula(cell)));
		headerRow.font = { bold: true };
		for (const row of table.rows)
			sheet.addRow(row.map((cell) => (typeof cell === "string" ? escapeFormula(cell) : cell)));
		sheet.views = [{ state: "frozen", ySplit: 1 }];
		sheet.columns.forEach((column, index) => {
			const longest = Math.max(
				table.header[index]?.length ?? 0,
				...table.rows.map((row) => text(row[index] ?? null).length),
			);
			column.width = Math.min(60, Math.max(8, longest + 2));
		});
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
