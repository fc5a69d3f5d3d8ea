import type { ModuleSummary } from "~/domain/cohorts/dashboard";
import { escapeHtml } from "~/utils/html";
import type { Translate } from "~/utils/i18n";
import { BAR_WIDTH, filledWidth } from "./bar";

/**
 * The rows of the dashboard's per-module summary as HTML, written once per change of the facts
 * and language as the trainee table's rows are (matrix-html.ts, docs/decisions/0106): with the
 * overdue trainees' addresses in the mailto link and the list beside it, a cohort of 200 makes
 * this the page's second-largest part. The links are plain ones; the page sends a click on them
 * through the client router (useClientLinks).
 */

export type SummaryModule = { slug: string; number: number; title: string; due: string | null };

/** HTML already written for a summaries array: the server hands the same array out while its facts stand. */
const written = new WeakMap<readonly ModuleSummary[], Map<string, string>>();

export function summaryRowsHtml(
	summaries: readonly ModuleSummary[],
	options: {
		modules: readonly SummaryModule[];
		total: number;
		cohortId: string;
		/** Whether the viewer may write to the overdue trainees (a trainer, not an observer). */
		withAddresses: boolean;
		t: Translate;
		language: string;
		day: (value: string) => string;
	},
): string {
	let byView = written.get(summaries);
	if (!byView) written.set(summaries, (byView = new Map()));
	const { modules, withAddresses, language } = options;
	const key = `${language}|${withAddresses}|${modules.map((m) => `${m.slug}:${m.title}:${m.due}`).join("|")}`;
	let html = byView.get(key);
	if (html === undefined) byView.set(key, (html = writeRows(summaries, options)));
	return html;
}

function writeRows(
	summaries: readonly ModuleSummary[],
	{ modules, total, cohortId, withAddresses, t, day }: Parameters<typeof summaryRowsHtml>[1],
): string {
	const out: string[] = [];
	modules.forEach((module, index) => {
		const summary = summaries[index]!;
		const median = summary.medianScore === null ? null : Math.round(summary.medianScore);
		out.push(
			`<tr><th scope="row"><a href="/cohorts/${encodeURIComponent(cohortId)}/quizzes/${encodeURIComponent(module.slug)}">`,
			escapeHtml(`${module.number}. ${module.title}`),
			`</a></th><td>${module.due ? escapeHtml(day(module.due)) : "—"}</td>`,
			`<td class="with-bar">${barSvg(summary.finished, total, "ok")}`,
			`<span>${escapeHtml(t("cohorts.dashboard.finishedOf", { count: summary.finished, total }))}</span></td>`,
			'<td class="with-bar">',
			median === null
				? `<span>${escapeHtml(t("cohorts.dashboard.noScores"))}</span>`
				: `${barSvg(median, 100, "brand")}<span>${median} %</span>`,
			"</td><td>",
		);
		const overdue = summary.overdue.length;
		if (!overdue) out.push("—");
		else {
			out.push(`<strong class="late">${escapeHtml(t("cohorts.dashboard.overdueCount", { count: overdue }))}</strong>`);
			if (withAddresses) {
				const emails = summary.overdue.map((member) => member.email);
				const subject = t("cohorts.dashboard.overdueSubject", { number: module.number, title: module.title });
				out.push(
					` · <a href="${escapeHtml(overdueMailto(emails, subject))}">${escapeHtml(t("cohorts.dashboard.emailOverdue"))}</a>`,
					`<details class="addresses"><summary>${escapeHtml(t("cohorts.dashboard.addresses"))}</summary>`,
					`<p class="break">${escapeHtml(emails.join(", "))}</p></details>`,
				);
			}
		}
		out.push("</td></tr>");
	});
	return out.join("");
}

/** A message to the trainees late on a module, each in Bcc so that they do not see each other's address. */
export function overdueMailto(emails: readonly string[], subject: string) {
	return `mailto:?bcc=${emails.map(encodeURIComponent).join(",")}&subject=${encodeURIComponent(subject)}`;
}

/** The summary's bar (components/cohorts/bar.tsx) as markup: decoration, the number is written beside it. */
function barSvg(value: number, max: number, tone: "brand" | "ok") {
	const filled = filledWidth(value, max);
	return (
		`<svg class="bar bar--${tone}" viewBox="0 0 ${BAR_WIDTH} 10" width="${BAR_WIDTH}" height="10" aria-hidden="true" focusable="false">` +
		`<rect class="bar__track" x="0" y="0" width="${BAR_WIDTH}" height="10" rx="2"></rect>` +
		(filled > 0 ? `<rect class="bar__fill" x="0" y="0" width="${filled}" height="10" rx="2"></rect>` : "") +
		"</svg>"
	);
}
