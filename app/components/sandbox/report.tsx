import { Link } from "@remix-run/react";
import type { CellRef } from "~/domain/dsm/issues";
import { parseCellKey } from "~/domain/sandbox/cells";
import type { Finding, FindingCell } from "~/domain/sandbox/findings";
import type { Report } from "~/domain/sandbox/report";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";

/** Where a workspace cell is on its indicator's form. */
export function cellHref(workspaceId: string, key: string): string | undefined {
	const cell = parseCellKey(key);
	if (!cell) return undefined;
	return `/sandbox/${workspaceId}/${cell.indicator}?${new URLSearchParams({ period: cell.period })}#${key}`;
}

/** "IND6 2024: AF, F, Y18-34, FIRST, GENCONV". */
export function describeCellKey(key: string): string {
	const cell = parseCellKey(key);
	if (!cell) return key;
	return `${cell.indicator} ${cell.period}: ${Object.values(cell.codes).join(", ")}`;
}

function FilePlace({ cell }: { cell: CellRef }) {
	const { t } = useTranslation();
	if (cell.sheet)
		return <>{t("sandbox.report.sheetCell", { sheet: cell.sheet, cell: `${cell.column ?? ""}${cell.row}` })}</>;
	return (
		<>
			{cell.column
				? t("sandbox.report.lineColumn", { line: cell.row, column: cell.column })
				: t("sandbox.report.line", { line: cell.row })}
		</>
	);
}

export function FindingCellLink({ workspaceId, cell }: { workspaceId: string; cell: FindingCell }) {
	const href = cell.key ? cellHref(workspaceId, cell.key) : undefined;
	return (
		<>
			{cell.key && href ? (
				<Link to={href}>
					{describeCellKey(cell.key)}
					{cell.field ? ` (${cell.field})` : ""}
				</Link>
			) : null}
			{cell.key && cell.file ? " · " : null}
			{cell.file ? <FilePlace cell={cell.file} /> : null}
		</>
	);
}

const SHOWN_CELLS = 5;

export function FindingItem({
	finding,
	index,
	workspaceId,
	sectionName,
}: {
	finding: Finding;
	index: number;
	workspaceId: string;
	sectionName?: string;
}) {
	const { t, language } = useTranslation();
	return (
		<li id={`finding-${index}`} className={`finding finding--${finding.severity}`}>
			<p>
				<code className="rule-id">{finding.rule}</code>{" "}
				<span className="finding__severity">{t(`sandbox.severity.${finding.severity}`)}</span>
				{" · "}
				{finding.message[language]}
			</p>
			{finding.cells.length > 0 ? (
				<ul className="finding__cells">
					{finding.cells.slice(0, SHOWN_CELLS).map((cell, position) => (
						<li key={position}>
							<FindingCellLink workspaceId={workspaceId} cell={cell} />
						</li>
					))}
					{finding.cells.length > SHOWN_CELLS ? (
						<li>{t("sandbox.report.moreCells", { count: finding.cells.length - SHOWN_CELLS })}</li>
					) : null}
				</ul>
			) : null}
			{sectionName !== undefined ? (
				<p className="finding__section">
					<a href={finding.section}>{t("sandbox.report.explained", { section: sectionName })}</a>
				</p>
			) : null}
		</li>
	);
}

/**
 * The validation report of a revision: a header with counts per severity and per rule, then the
 * findings grouped by rule with their first examples; each names its cells (linked to the form)
 * and the lesson that explains it.
 */
export function ValidationReport({
	report,
	workspaceId,
	sectionNames,
	headingLevel = 2,
}: {
	report: Report;
	workspaceId: string;
	sectionNames: Record<string, string>;
	headingLevel?: 2 | 3;
}) {
	const { t } = useTranslation();
	const format = useFormat();
	const Heading = headingLevel === 2 ? "h2" : "h3";
	const Sub = headingLevel === 2 ? "h3" : "h4";
	const total = report.errors + report.warnings;
	return (
		<section aria-labelledby="report-title" id="report" className="stack report-dsm">
			<Heading id="report-title">{t("sandbox.report.title")}</Heading>
			<p className={report.errors > 0 ? "report-dsm__verdict report-dsm__verdict--bad" : "report-dsm__verdict"}>
				{total === 0
					? t("sandbox.report.clean")
					: t("sandbox.report.counts", {
							errors: format.number(report.errors),
							warnings: format.number(report.warnings),
						})}
			</p>
			{total > 0 ? (
				<div className="table-wrap">
					<table>
						<caption>{t("sandbox.report.byRule")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("sandbox.report.rule")}</th>
								<th scope="col">{t("sandbox.report.severity")}</th>
								<th scope="col">{t("sandbox.report.count")}</th>
							</tr>
						</thead>
						<tbody>
							{report.groups.map((group) => (
								<tr key={`${group.severity}-${group.rule}`}>
									<th scope="row">
										<a href={`#group-${group.severity}-${group.rule}`}>
											<code className="rule-id">{group.rule}</code>
										</a>
									</th>
									<td>{t(`sandbox.severity.${group.severity}`)}</td>
									<td>{format.number(group.count)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{report.groups.map((group) => (
				<section
					key={`${group.severity}-${group.rule}`}
					id={`group-${group.severity}-${group.rule}`}
					aria-labelledby={`group-${group.severity}-${group.rule}-title`}
					className="stack"
				>
					<Sub id={`group-${group.severity}-${group.rule}-title`}>
						<code className="rule-id">{group.rule}</code> · {t(`sandbox.severity.${group.severity}`)} ·{" "}
						{t("sandbox.report.findings", { count: group.count })}
					</Sub>
					<ul className="findings">
						{group.examples.map(({ index, item: finding }) => (
							<FindingItem key={index} finding={finding} index={index} workspaceId={workspaceId} />
						))}
					</ul>
					{group.count > group.examples.length ? (
						<p>{t("sandbox.report.moreFindings", { count: group.count - group.examples.length })}</p>
					) : null}
					<p className="finding__section">
						<a href={group.section}>
							{t("sandbox.report.explained", { section: sectionNames[group.section] ?? group.section })}
						</a>
					</p>
				</section>
			))}
		</section>
	);
}
