import { PRIORITIES } from "~/domain/assessment/model";
import type { ReportHeader } from "~/domain/assessment/export";
import type { ReportView } from "~/domain/assessment/report-view";
import { INTL_LOCALES, type Language, type Translate } from "./i18n";
import { createPdf, pdfBytes } from "./pdf.server";

const INK = "#1c2430";
const SOFT = "#4a5563";
const BRAND = "#1d4f6e";
const ACCENT = "#a8481c";
const MARGIN = 50;

/**
 * The readiness report as an A4 PDF: the same figures as the page (levels per part and section
 * with a bar chart, targets and change, the "Compatible with the DSM" summary, gaps in priority
 * order with their lessons), in DejaVu so that Cyrillic prints.
 */
export async function assessmentPdf(
	header: ReportHeader,
	report: ReportView,
	previousYear: number | null,
	language: Language,
	t: Translate,
	origin: string,
) {
	const doc = await createPdf({
		margin: MARGIN,
		info: { Title: `${t("assessment.report.title")} · ${header.agency} · ${header.year}` },
	});
	const width = doc.page.width - 2 * MARGIN;
	const number = new Intl.NumberFormat(INTL_LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	const one = (value: number | null) => (value === null ? "—" : number.format(value));
	const date = (value: Date | string) =>
		new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: "long" }).format(new Date(value));

	doc.font("bold").fontSize(10).fillColor(BRAND).text("DSM Academy");
	doc.moveDown(0.3);
	doc.fontSize(20).fillColor(INK).text(t("assessment.report.title"));
	doc.font("regular").fontSize(11).fillColor(SOFT).text(`${header.agency} · ${header.country} · ${header.year}`);
	doc.text(
		header.status === "submitted" && header.submittedAt
			? t("assessment.report.submitted", { date: date(header.submittedAt), version: header.instrumentVersion })
			: t("assessment.report.draft", { version: header.instrumentVersion }),
	);
	doc.moveDown();

	heading(t("assessment.report.readinessTitle"));
	// Bars on the 1–5 scale, one per section, with the target as a tick.
	const labelWidth = 210;
	const plot = width - labelWidth - 40;
	const x = (level: number) => MARGIN + labelWidth + (level / 5) * plot;
	const top = doc.y + 12;
	doc.fontSize(8).fillColor(SOFT);
	for (const level of [0, 1, 2, 3, 4, 5]) {
		doc.text(String(level), x(level) - 10, top - 12, { width: 20, align: "center" });
		doc
			.moveTo(x(level), top - 2)
			.lineTo(x(level), top + report.sections.length * 18)
			.lineWidth(0.5)
			.strokeColor("#d5dbe2")
			.stroke();
	}
	report.sections.forEach((s, index) => {
		const y = top + index * 18;
		doc
			.fontSize(8)
			.fillColor(INK)
			.text(`${s.code} ${s.title}`, MARGIN, y + 2, { width: labelWidth - 8, ellipsis: true, lineBreak: false });
		if (s.level !== null) {
			doc.rect(x(0), y, x(s.level) - x(0), 12).fill(BRAND);
			doc.fillColor(INK).text(one(s.level), x(s.level) + 4, y + 2, { lineBreak: false });
		}
		if (s.target !== null) {
			doc
				.moveTo(x(s.target), y - 2)
				.lineTo(x(s.target), y + 14)
				.lineWidth(2)
				.strokeColor(ACCENT)
				.stroke();
		}
	});
	doc.x = MARGIN;
	doc.y = top + report.sections.length * 18 + 10;
	doc.fontSize(8).fillColor(SOFT).text(t("assessment.report.chartDesc"), MARGIN, doc.y, { width });
	doc.moveDown();

	const columns = [
		{ title: t("assessment.report.section"), width: 230 },
		{ title: t("assessment.report.level"), width: 55 },
		{ title: t("assessment.report.target"), width: 55 },
		{ title: t("assessment.report.distance"), width: 55 },
		{
			title: previousYear ? t("assessment.report.change", { year: previousYear }) : t("assessment.report.changeNone"),
			width: 100,
		},
	];
	row(
		columns.map((c) => c.title),
		true,
	);
	for (const part of report.parts) {
		row([t("assessment.report.part", { id: part.id, title: part.title }), one(part.level), "", "", ""], true);
		for (const s of report.sections.filter((section) => section.part === part.id)) {
			row([
				`${s.code} ${s.title}${s.blocking ? ` (${t("assessment.report.blocks")})` : ""}`,
				s.level === null ? t("assessment.report.notRated") : one(s.level),
				s.target === null ? t("assessment.report.notSet") : String(s.target),
				s.distance === null ? "—" : s.distance <= 0 ? t("assessment.report.reached") : one(s.distance),
				s.change === null ? "—" : (s.change > 0 ? "+" : "") + one(s.change),
			]);
		}
	}
	doc.moveDown();

	heading(t("assessment.report.compatibleTitle"));
	doc.fontSize(10).fillColor(INK);
	doc.text(
		[
			`${t("assessment.judgement.more")}: ${report.compatible.more}`,
			`${t("assessment.judgement.enough")}: ${report.compatible.enough}`,
			`${t("assessment.judgement.less")}: ${report.compatible.less}`,
		].join(" · "),
		{ width },
	);
	if (report.compatible.less) {
		doc.text(t("assessment.report.lessItems", { count: report.compatible.less }), { width });
		for (const item of report.compatible.lessItems) doc.text(`• ${item.code} ${item.label}`, { width, indent: 10 });
	} else {
		doc.text(t("assessment.report.noneLess"), { width });
	}
	doc.moveDown();

	heading(t("assessment.report.gapsTitle"));
	doc.fontSize(9).fillColor(SOFT).text(t("assessment.report.gapsIntro"), { width });
	if (!report.gaps.length) doc.fillColor(INK).text(t("assessment.report.noGaps"), { width });
	let rank = 0;
	for (const priority of PRIORITIES) {
		const gaps = report.gaps.filter((gap) => gap.priority === priority);
		if (!gaps.length) continue;
		doc.moveDown(0.5);
		doc
			.font("bold")
			.fontSize(11)
			.fillColor(priority === "blocking" ? ACCENT : INK)
			.text(`${t(`assessment.priority.${priority}`)} (${gaps.length})`, { width });
		for (const gap of gaps) {
			rank += 1;
			keepTogether(48);
			doc.font("bold").fontSize(9.5).fillColor(INK).text(`${rank}. ${gap.code} ${gap.item}`, { width });
			doc
				.font("regular")
				.fontSize(9)
				.fillColor(SOFT)
				.text(t("assessment.report.found", { condition: gap.condition, level: gap.level }), { width });
			doc.fillColor(INK).text(gap.recommendation, { width });
			doc
				.fillColor(BRAND)
				.text(t("assessment.report.learn", { title: gap.learn.title }), { width, link: origin + gap.learn.href });
			doc.moveDown(0.3);
		}
	}

	return pdfBytes(doc);

	function heading(text: string) {
		keepTogether(60);
		doc.x = MARGIN;
		doc.font("bold").fontSize(13).fillColor(BRAND).text(text, { width });
		doc.font("regular").moveDown(0.3);
	}

	function row(cells: string[], bold = false) {
		keepTogether(20);
		const y = doc.y;
		let left = MARGIN;
		let bottom = y;
		doc
			.font(bold ? "bold" : "regular")
			.fontSize(8.5)
			.fillColor(INK);
		cells.forEach((cell, index) => {
			doc.text(cell, left, y, { width: columns[index]!.width - 6 });
			bottom = Math.max(bottom, doc.y);
			left += columns[index]!.width;
		});
		doc
			.moveTo(MARGIN, bottom + 2)
			.lineTo(MARGIN + width, bottom + 2)
			.lineWidth(0.5)
			.strokeColor("#d5dbe2")
			.stroke();
		doc.x = MARGIN;
		doc.y = bottom + 5;
		doc.font("regular");
	}

	/** Starts a new page when less than `height` points are left on this one. */
	function keepTogether(height: number) {
		if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
	}
}
