import { itemFields } from "./columns";
import type { Instrument, ItemAnswer, Level, ModuleRef, Priority } from "./model";
import { sectionRows, type Targets } from "./report";
import type { AssessmentScore, ItemState, Judgement } from "./scoring";
import { itemLabel, lessonHref, pick, type Language } from "./view";

/**
 * The report in one language, as plain data: what the page, the print, the CSV, the XLSX and the
 * PDF all show, computed once.
 */

export type LessonLink = { href: string; title: string };

export type ReportSection = {
	id: string;
	part: string;
	code: string;
	title: string;
	level: number | null;
	reached: Level | null;
	/** The written description of the level reached. */
	description: string | null;
	target: Level | null;
	distance: number | null;
	previous: number | null;
	change: number | null;
	answered: number;
	applicable: number;
	blocking: boolean;
	learn: LessonLink;
};

export type ReportGap = {
	priority: Priority;
	itemId: string;
	code: string;
	item: string;
	section: string;
	level: Level;
	condition: string;
	recommendation: string;
	learn: LessonLink;
};

export type ReportItem = {
	section: string;
	id: string;
	code: string;
	label: string;
	state: ItemState;
	level: Level | null;
	judgement: Judgement | null;
	answers: { label: string; value: string }[];
	findings: string[];
	answeredBy: string | null;
	answeredAt: string | null;
};

export type ReportView = {
	parts: { id: string; title: string; level: number | null }[];
	sections: ReportSection[];
	compatible: {
		more: number;
		enough: number;
		less: number;
		notJudged: number;
		lessItems: { code: string; label: string }[];
	};
	gaps: ReportGap[];
	items: ReportItem[];
};

export type AnswerMeta = ReadonlyMap<string, { by: string | null; at: Date; carriedOver: boolean }>;

/** How a lesson is named in the reader's language: "Module 11 · Personal computers and software". */
export type LessonTitle = (ref: ModuleRef) => string;

function formatValue(value: string | number | readonly string[], labels: ReadonlyMap<string, string>) {
	if (Array.isArray(value)) return value.map((v) => labels.get(v) ?? v).join("; ");
	return typeof value === "string" ? (labels.get(value) ?? value) : String(value);
}

function answerRows(
	instrument: Instrument,
	itemId: string,
	answer: ItemAnswer,
	language: Language,
): { label: string; value: string }[] {
	const item = instrument.sections.flatMap((s) => s.items).find((i) => i.id === itemId)!;
	return itemFields(item).flatMap((field) => {
		const value = answer[field.name];
		if (value === undefined) return [];
		const labels = new Map(
			field.kind === "choice" || field.kind === "choices"
				? field.options.map((o) => [o.value, pick(o.label, language)] as const)
				: [],
		);
		const unit = field.kind === "measure" ? ` ${pick(field.unit, language)}` : "";
		return [{ label: pick(field.label, language), value: formatValue(value, labels) + unit }];
	});
}

export function buildReport(options: {
	instrument: Instrument;
	score: AssessmentScore;
	previous: AssessmentScore | null;
	targets: Targets;
	answers: Readonly<Record<string, ItemAnswer>>;
	meta: AnswerMeta;
	language: Language;
	lessonTitle: LessonTitle;
}): ReportView {
	const { instrument, score, previous, targets, answers, meta, language, lessonTitle } = options;
	const link = (ref: ModuleRef): LessonLink => ({ href: lessonHref(ref), title: lessonTitle(ref) });
	const label = (code: string, text: string) => `${code} ${text}`;
	return {
		parts: score.parts.map((p) => ({ id: p.part.id, title: pick(p.part.title, language), level: p.level })),
		sections: sectionRows(score, targets, previous).map((row) => ({
			id: row.section.id,
			part: row.section.part,
			code: row.section.code,
			title: pick(row.section.title, language),
			level: row.score.level,
			reached: row.score.reached,
			description: row.score.reached ? pick(row.section.levels[row.score.reached - 1]!, language) : null,
			target: row.target,
			distance: row.distance,
			previous: row.previous,
			change: row.change,
			answered: row.score.answered,
			applicable: row.score.applicable,
			blocking: row.score.blocking,
			learn: link(row.section.learn),
		})),
		compatible: {
			more: score.compatible.more,
			enough: score.compatible.enough,
			less: score.compatible.less,
			notJudged: score.compatible.notJudged,
			lessItems: score.compatible.lessItems.map((s) => ({
				code: s.item.code,
				label: itemLabel(s.item, answers[s.item.id], language),
			})),
		},
		gaps: score.gaps.map((gap) => ({
			priority: gap.finding.priority,
			itemId: gap.item.id,
			code: gap.item.code,
			item: itemLabel(gap.item, answers[gap.item.id], language),
			section: label(gap.section.code, pick(gap.section.title, language)),
			level: gap.finding.level,
			condition: pick(gap.finding.condition, language),
			recommendation: pick(gap.finding.recommendation, language),
			learn: link(gap.finding.learn),
		})),
		items: score.items.map((s) => {
			const info = meta.get(s.item.id);
			return {
				section: label(s.section.code, pick(s.section.title, language)),
				id: s.item.id,
				code: s.item.code,
				label: itemLabel(s.item, answers[s.item.id], language),
				state: s.state,
				level: s.level,
				judgement: s.judgement,
				answers: answerRows(instrument, s.item.id, answers[s.item.id] ?? {}, language),
				findings: s.findings.map((f) => pick(f.condition, language)),
				answeredBy: info?.by ?? null,
				answeredAt: info ? info.at.toISOString() : null,
			};
		}),
	};
}
