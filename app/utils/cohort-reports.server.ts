import { dayOf } from "~/domain/cohorts/days";
import type { Report, ReportCell } from "~/domain/cohorts/report";
import { loadDashboard, type DashboardQuery } from "./cohort-dashboard.server";
import { cohortModules, cohortTrackTitle, type CohortRecord } from "./cohorts.server";
import { localized, type ModuleInfo } from "./content.server";
import type { Language } from "./i18n";
import { translatorFor } from "./i18n.server";
import { itemAnalysis } from "./item-analysis.server";
import type { WhichAttempts } from "~/domain/quiz/statistics";
import { itemVersionLabel } from "./item-version";
import { markingItems } from "./marking.server";

/**
 * The exports of a cohort (docs/decisions/0055-exports.md): what the dashboard, the marking and
 * the item analysis show, as tables with their labels in the reader's language.
 */

async function context(cohort: CohortRecord, language: Language, extra: Array<[string, ReportCell]> = []) {
	const t = translatorFor(language);
	const trackTitle = await cohortTrackTitle(cohort, language);
	const lines: Array<[string, ReportCell]> = [
		[t("cohorts.export.cohort"), cohort.name],
		[t("fields.country"), language === "ru" ? cohort.country.nameRu : cohort.country.nameEn],
		[t("cohorts.export.dates"), `${dayOf(cohort.startsOn)} – ${cohort.endsOn ? dayOf(cohort.endsOn) : ""}`],
		[t("cohorts.export.plan"), trackTitle ?? t("cohorts.heading.ownModules")],
		[t("cohorts.export.exported"), new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC"],
		...extra,
	];
	return lines;
}

export async function dashboardReport(
	cohort: CohortRecord,
	language: Language,
	query: DashboardQuery,
	withEmails: boolean,
): Promise<Report> {
	const t = translatorFor(language);
	const dashboard = await loadDashboard(cohort, language, query);
	const agency = new Map(dashboard.agencies.map((a) => [a.id, a.name]));
	const filters = [
		query.filter.overdue ? t("cohorts.dashboard.onlyOverdue") : null,
		query.filter.notStarted ? t("cohorts.dashboard.onlyNotStarted") : null,
		query.filter.agencyId ? (agency.get(query.filter.agencyId) ?? null) : null,
	].filter(Boolean);
	const perModule = (m: { number: number }) =>
		[
			"cohorts.export.status",
			"cohorts.export.sectionsRead",
			"cohorts.export.bestScore",
			"cohorts.export.attempts",
			"cohorts.export.due",
			"cohorts.export.overdue",
		].map((key) => `${m.number}. ${t(key)}`);
	return {
		title: t("cohorts.export.dashboardTitle"),
		sheetName: t("cohorts.tabs.dashboard"),
		context: await context(cohort, language, [
			[t("cohorts.dashboard.sortBy"), t(`cohorts.dashboard.sort.${query.sort}`)],
			[t("cohorts.export.filters"), filters.join("; ") || "—"],
			[t("cohorts.export.modules"), dashboard.modules.map((m) => `${m.number}. ${m.title}`).join("; ")],
		]),
		columns: [
			t("cohorts.dashboard.trainee"),
			...(withEmails ? [t("fields.email")] : []),
			t("fields.agency"),
			t("cohorts.dashboard.done"),
			t("cohorts.dashboard.overdue"),
			t("cohorts.dashboard.lastActivity"),
			t("cohorts.dashboard.certificate"),
			...dashboard.modules.flatMap(perModule),
		],
		rows: dashboard.rows.map((row) => [
			row.member.name,
			...(withEmails ? [row.member.email] : []),
			row.member.agencyId ? (agency.get(row.member.agencyId) ?? null) : null,
			row.completed,
			row.overdue,
			row.lastActivity ? dayOf(row.lastActivity) : null,
			row.certified ? t("cohorts.dashboard.certified") : null,
			...row.cells.flatMap((cell, index) => [
				t(`cohorts.export.state.${cell.status}`),
				`${cell.sectionsRead}/${dashboard.modules[index]!.sections}`,
				cell.bestPercent === null ? null : Number(cell.bestPercent.toFixed(2)),
				cell.attempts,
				cell.due,
				cell.overdue ? t("cohorts.cell.overdue") : null,
			]),
		]),
	};
}

export async function markingReport(cohort: CohortRecord, language: Language): Promise<Report> {
	const t = translatorFor(language);
	const modules = await cohortModules(cohort);
	const { queue, marked } = await markingItems(cohort, modules);
	const title = new Map(
		modules.map(({ module }) => [module.slug, `${module.meta.number}. ${localized(module.meta.title, language)}`]),
	);
	return {
		title: t("cohorts.export.markingTitle"),
		sheetName: t("cohorts.tabs.marking"),
		context: await context(cohort, language, [
			[t("cohorts.export.awaiting"), queue.length],
			[t("cohorts.export.marked"), marked.length],
		]),
		columns: [
			t("cohorts.dashboard.trainee"),
			t("cohorts.settings.module"),
			t("cohorts.export.questionId"),
			t("cohorts.marking.question"),
			t("cohorts.marking.answer"),
			t("cohorts.export.submitted"),
			t("cohorts.marking.mark"),
			t("cohorts.marking.comment"),
			t("cohorts.export.markedBy"),
			t("cohorts.export.markedOn"),
		],
		rows: [...queue, ...marked].map((item) => [
			item.trainee.name,
			title.get(item.moduleSlug) ?? item.moduleSlug,
			item.questionId,
			item.removed ? t(`cohorts.marking.removed.${item.removed}`) : item.question.text,
			item.answer,
			dayOf(item.submittedAt),
			item.mark ? item.mark.fraction : t("cohorts.export.notMarked"),
			item.mark?.comment ?? null,
			item.mark?.markedBy ?? null,
			item.mark ? dayOf(item.mark.markedAt) : null,
		]),
	};
}

export async function itemsReport(
	cohort: CohortRecord,
	module: ModuleInfo,
	language: Language,
	which: WhichAttempts,
): Promise<Report> {
	const t = translatorFor(language);
	const analysis = await itemAnalysis(module, { cohortId: cohort.id }, which);
	const { test } = analysis;
	return {
		title: t("cohorts.export.itemsTitle", {
			module: `${module.meta.number}. ${localized(module.meta.title, language)}`,
		}),
		sheetName: t("cohorts.export.itemsSheet", { number: module.meta.number }),
		context: await context(cohort, language, [
			[t("cohorts.export.which"), which === "first" ? t("cohorts.items.first") : t("cohorts.items.all")],
			[t("cohorts.items.attempts"), test.attempts],
			[`${t("cohorts.items.mean")} (%)`, test.mean],
			[`${t("cohorts.items.median")} (%)`, test.median],
			[`${t("cohorts.items.sd")} (%)`, test.sd],
			[t("cohorts.items.skewness"), test.skewness],
			[t("cohorts.items.kurtosis"), test.kurtosis],
			[`${t("cohorts.items.alpha")} (%)`, test.alpha],
			[`${t("cohorts.items.errorRatio")} (%)`, test.errorRatio],
			[`${t("cohorts.items.standardError")} (%)`, test.standardError],
		]),
		columns: [
			"#",
			t("cohorts.export.questionId"),
			t("cohorts.items.question"),
			t("cohorts.items.count"),
			`${t("cohorts.items.facility")} (%)`,
			`${t("cohorts.items.questionSd")} (%)`,
			`${t("cohorts.items.discrimination")} (%)`,
			`${t("cohorts.items.efficiency")} (%)`,
			`${t("cohorts.items.weight")} (%)`,
			t("cohorts.items.flags"),
			t("cohorts.export.answerCounts"),
			// Last, so that the columns before keep their places (docs/decisions/0057).
			t("cohorts.export.version"),
		],
		rows: analysis.questions.map((q) => [
			q.number,
			q.questionId,
			q.title,
			q.stats.attempts,
			q.stats.facility,
			q.stats.sd,
			q.stats.discrimination,
			q.stats.discriminativeEfficiency,
			q.stats.effectiveWeight,
			q.flags.map((flag) => t(`cohorts.items.flag.${flag}`)).join("; ") || null,
			q.answers
				.map((a) => `${q.type === "truefalse" ? t(`quiz.${a.key}`) : a.text}${a.right ? " ✓" : ""}: ${a.count}`)
				.join("; ") || null,
			itemVersionLabel(t, q.version),
		]),
	};
}
