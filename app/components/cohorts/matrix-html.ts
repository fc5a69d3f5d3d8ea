import type { CellStatus, DashboardCell, DashboardRow } from "~/domain/cohorts/dashboard";
import { escapeHtml } from "~/utils/html";
import type { Translate } from "~/utils/i18n";

/**
 * The dashboard's trainee × module table as HTML, written as a string rather than by React
 * (docs/decisions/0052-cohort-dashboard.md): a cohort of 200 trainees on 16 modules is 3,200
 * cells, which React renders several times slower. The server keeps each row in a compact form
 * (`MatrixRow`) with its facts, writes the table once per change of them, language and sort, and
 * sends it once, in the page or in the data of a client-router fetch (docs/decisions/0106). Every
 * text is escaped.
 */

/** A row as the page data carries it; `cells` holds each cell as `status.read.attempts.best.flags[.due]`, joined by `|`. */
export type MatrixRow = {
	name: string;
	agency: string | null;
	completed: number;
	overdue: number;
	lastActivity: string | null;
	certified: boolean;
	cells: string;
};

const STATUS: Record<CellStatus, number> = { "not-started": 0, "in-progress": 1, completed: 2 };
const STATUSES: CellStatus[] = ["not-started", "in-progress", "completed"];
const PASSED = 1;
const AWAITING = 2;
const OVERDUE = 4;
const EXTENDED = 8;

export function encodeRow(row: DashboardRow, agency: string | null): MatrixRow {
	return {
		name: row.member.name,
		agency,
		completed: row.completed,
		overdue: row.overdue,
		lastActivity: row.lastActivity ? row.lastActivity.toISOString().slice(0, 10) : null,
		certified: row.certified,
		cells: row.cells.map(encodeCell).join("|"),
	};
}

function encodeCell(cell: DashboardCell): string {
	const flags =
		(cell.passed ? PASSED : 0) |
		(cell.awaitingMark ? AWAITING : 0) |
		(cell.overdue ? OVERDUE : 0) |
		(cell.extended ? EXTENDED : 0);
	const best = cell.bestPercent === null ? "" : String(Math.round(cell.bestPercent));
	const parts: Array<string | number> = [STATUS[cell.status], cell.sectionsRead, cell.attempts, best, flags];
	if (cell.extended && cell.due) parts.push(cell.due);
	return parts.join(".");
}

type Cell = Pick<
	DashboardCell,
	"status" | "sectionsRead" | "attempts" | "passed" | "awaitingMark" | "overdue" | "extended"
> & {
	best: number | null;
	due: string | null;
};

/** A row's cells as encodeRow joined them: none for a cohort without modules, where "".split gives one. */
function decodeCells(cells: string) {
	return cells ? cells.split("|").map(decodeCell) : [];
}

export function decodeCell(text: string): Cell {
	const [status, read, attempts, best, flags, due] = text.split(".");
	const bits = Number(flags);
	return {
		status: STATUSES[Number(status)]!,
		sectionsRead: Number(read),
		attempts: Number(attempts),
		best: best === "" || best === undefined ? null : Number(best),
		passed: (bits & PASSED) !== 0,
		awaitingMark: (bits & AWAITING) !== 0,
		overdue: (bits & OVERDUE) !== 0,
		extended: (bits & EXTENDED) !== 0,
		due: due ?? null,
	};
}

/** The table's header: the modules, and the sorts as links (the current one marked, not a link). */
export type MatrixHead = {
	modules: ReadonlyArray<{ number: number; title: string; sections: number; due: string | null }>;
	sort: string;
	/** The dashboard's address sorted by `sort`. */
	sortHref: (sort: string) => string;
};

/** HTML already written for a rows array, by language and header: the server hands the same array out while its facts stand. */
const written = new WeakMap<readonly MatrixRow[], Map<string, string>>();

/**
 * The whole trainee × module table's content (caption, header and rows) as one string: the page
 * shows it as it is, and sends a click on a sort link through the client router (useClientLinks).
 */
export function matrixTableHtml(
	rows: readonly MatrixRow[],
	head: MatrixHead,
	t: Translate,
	language: string,
	day: (value: string) => string,
): string {
	let byLanguage = written.get(rows);
	if (!byLanguage) written.set(rows, (byLanguage = new Map()));
	const key = [
		language,
		head.sort,
		...LINKED_SORTS.map(head.sortHref),
		...head.modules.map((m) => `${m.number}:${m.title}:${m.sections}:${m.due}`),
	].join("|");
	let html = byLanguage.get(key);
	if (html === undefined) {
		html = `<caption class="visually-hidden">${escapeHtml(t("cohorts.dashboard.matrixCaption"))}</caption>`;
		html += `<thead>${headHtml(head, t, day)}</thead><tbody>${writeRows(rows, head.modules, t, day)}</tbody>`;
		byLanguage.set(key, html);
	}
	return html;
}

/** The columns whose heading sorts the table. */
const LINKED_SORTS = ["name", "progress", "activity"] as const;

function headHtml({ modules, sort, sortHref }: MatrixHead, t: Translate, day: (value: string) => string) {
	const sortLink = (by: (typeof LINKED_SORTS)[number], label: string) =>
		by === sort
			? `<span aria-current="true">${escapeHtml(label)} <span class="visually-hidden">${escapeHtml(t("cohorts.dashboard.sorted"))}</span>▾</span>`
			: `<a href="${escapeHtml(sortHref(by))}">${escapeHtml(label)}</a>`;
	const moduleHeads = modules.map(
		(module) =>
			`<th scope="col" class="matrix__module"><span class="matrix__module-title">${module.number}. ${escapeHtml(module.title)}</span>` +
			`<span class="matrix__due">${module.due ? escapeHtml(t("cohorts.dashboard.dueOn", { date: day(module.due) })) : " "}</span></th>`,
	);
	return (
		`<tr><th scope="col" class="matrix__name">${sortLink("name", t("cohorts.dashboard.trainee"))}</th>` +
		`<th scope="col">${sortLink("progress", t("cohorts.dashboard.done"))}</th>${moduleHeads.join("")}` +
		`<th scope="col">${sortLink("activity", t("cohorts.dashboard.lastActivity"))}</th>` +
		`<th scope="col">${escapeHtml(t("cohorts.dashboard.certificate"))}</th></tr>`
	);
}

function writeRows(
	rows: readonly MatrixRow[],
	modules: ReadonlyArray<{ sections: number }>,
	t: Translate,
	day: (value: string) => string,
): string {
	const out: string[] = [];
	// A few hundred distinct texts make up the 3,200 cells: each is translated once.
	const once = new Map<string, string>();
	const text = (key: string, values: Record<string, string | number>) => {
		const id = `${key}|${Object.values(values).join("|")}`;
		let html = once.get(id);
		if (html === undefined) once.set(id, (html = escapeHtml(t(key, values))));
		return html;
	};
	const days = new Map<string, string>();
	const dayHtml = (value: string) => {
		let html = days.get(value);
		if (html === undefined) days.set(value, (html = escapeHtml(day(value))));
		return html;
	};
	const words = {
		done: escapeHtml(t("cohorts.cell.done")),
		notStarted: escapeHtml(t("cohorts.cell.notStarted")),
		overdue: escapeHtml(t("cohorts.cell.overdue")),
		passed: escapeHtml(t("cohorts.cell.passed")),
		toMark: escapeHtml(t("cohorts.cell.toMark")),
		certified: escapeHtml(t("cohorts.dashboard.certified")),
	};
	for (const row of rows) {
		out.push(
			`<tr><th scope="row" class="matrix__name">${escapeHtml(row.name)}`,
			row.agency ? `<span class="matrix__agency">${escapeHtml(row.agency)}</span>` : "",
			`</th><td${row.overdue ? ' class="late"' : ""}>`,
			text("cohorts.dashboard.doneOf", { count: row.completed, total: modules.length }),
			row.overdue ? `<br>${text("cohorts.dashboard.overdueCount", { count: row.overdue })}` : "",
			"</td>",
		);
		decodeCells(row.cells).forEach((cell, index) =>
			out.push(cellHtml(cell, modules[index]!.sections, words, text, dayHtml)),
		);
		out.push(
			`<td>${row.lastActivity ? dayHtml(row.lastActivity) : "—"}</td>`,
			`<td>${row.certified ? words.certified : "—"}</td></tr>`,
		);
	}
	return out.join("");
}

/** One trainee's module: sections read, best score and attempts, and what is late, in words as well as colour. */
function cellHtml(
	cell: Cell,
	sections: number,
	words: Record<"done" | "notStarted" | "overdue" | "passed" | "toMark", string>,
	text: (key: string, values: Record<string, string | number>) => string,
	day: (value: string) => string,
) {
	const state = cell.status === "completed" ? "c--done" : cell.status === "in-progress" ? "c--started" : "c--none";
	let html = `<td class="c ${state}${cell.overdue ? " c--late" : ""}">`;
	html +=
		cell.status === "completed"
			? words.done
			: cell.status === "not-started"
				? words.notStarted
				: `${cell.sectionsRead}/${sections}`;
	if (cell.attempts) {
		html += `<br>${text("cohorts.cell.quiz", { percent: cell.best ?? 0, count: cell.attempts })}`;
		if (cell.passed && cell.status !== "completed") html += ` ${words.passed}`;
	}
	if (cell.overdue) html += `<br><strong>${words.overdue}</strong>`;
	if (cell.extended && cell.due) html += `<br>${text("cohorts.cell.extended", { date: day(cell.due) })}`;
	if (cell.awaitingMark) html += `<br>${words.toMark}`;
	return `${html}</td>`;
}
