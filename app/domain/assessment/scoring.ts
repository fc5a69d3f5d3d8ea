import type {
	Answers,
	Instrument,
	ItemAnswer,
	ItemDef,
	Level,
	Localized,
	ModuleRef,
	PartDef,
	Priority,
	ScoringContext,
	SectionDef,
} from "./model";
import { PRIORITIES } from "./model";
import { requiredFields } from "./columns";

/**
 * The scoring rule, written down (the method page shows it in these words):
 *
 * 1. An item starts from the assessor's judgement in "Compatible with the DSM": more than enough
 *    is 5, enough is 4, less than needed is 2.
 * 2. Facts in the answers cap that level (model.ts, Cap): an operating system out of support
 *    makes the item 2 at most whatever the judgement; software without a licence is 2 at most;
 *    "available: partly" is 3 at most; an essential item that is not available is 1.
 * 3. The item's level is the lowest of these. An item skipped by the answers (no LAN: no server
 *    questions), one that does not apply (an empty "Other" row) or one not yet answered has no
 *    level and is left out of every average; it is never counted as 0 or as 1.
 * 4. A section's level is the mean of its items' levels, to one decimal; the level it has
 *    reached, whose description the report shows, is the whole number below (3.6 has reached 3).
 *    A part's level is the mean of its sections' levels, each section weighing the same.
 * 5. Every cap at 3 or below, and every "less than needed" that no such cap explains, is a gap
 *    with a recommendation. Gaps are ordered by priority — what blocks taking part in the DSM,
 *    then what puts data at risk, then what makes the work slow or fragile — then by level,
 *    then in the order of the grid.
 */

export type ItemState = "answered" | "unanswered" | "skipped" | "not-applicable";
export type Judgement = "more" | "enough" | "less";

/** A reason an item is where it is: a cap that applied, or the judgement "less than needed". */
export type Finding = {
	readonly id: string;
	readonly level: Level;
	readonly priority: Priority;
	readonly condition: Localized;
	readonly recommendation: Localized;
	readonly learn: ModuleRef;
};

export type ItemScore = {
	readonly item: ItemDef;
	readonly section: SectionDef;
	readonly state: ItemState;
	readonly level: Level | null;
	readonly judgement: Judgement | null;
	readonly findings: readonly Finding[];
};

export type SectionScore = {
	readonly section: SectionDef;
	/** Mean of the items' levels, one decimal; null when no item has a level. */
	readonly level: number | null;
	/** The whole level reached (the description the report shows). */
	readonly reached: Level | null;
	readonly items: readonly ItemScore[];
	/** Items that apply (not skipped, not "does not apply"). */
	readonly applicable: number;
	readonly answered: number;
	/** Whether a gap in the section blocks taking part in the DSM. */
	readonly blocking: boolean;
};

export type PartScore = {
	readonly part: PartDef;
	readonly level: number | null;
	readonly sections: readonly SectionScore[];
};

export type Gap = {
	readonly item: ItemDef;
	readonly section: SectionDef;
	readonly level: Level;
	readonly finding: Finding;
};

/** The "Compatible with the DSM" column summed up over the items that were answered. */
export type CompatibleSummary = Readonly<Record<Judgement, number>> & {
	/** Items answered without a judgement (an essential item marked not available). */
	readonly notJudged: number;
	/** The items judged "less than needed", in the order of the grid. */
	readonly lessItems: readonly ItemScore[];
};

export type AssessmentScore = {
	readonly parts: readonly PartScore[];
	readonly sections: readonly SectionScore[];
	readonly items: readonly ItemScore[];
	readonly gaps: readonly Gap[];
	readonly compatible: CompatibleSummary;
};

const JUDGEMENT_LEVEL: Readonly<Record<Judgement, Level>> = { more: 5, enough: 4, less: 2 };

const L = (en: string, ru: string): Localized => ({ en, ru });

/** The findings every item may raise from its columns alone. */
export const COLUMN_FINDINGS = {
	missing: {
		level: 1 as Level,
		condition: L("Not available", "Отсутствует"),
	},
	partly: {
		level: 3 as Level,
		priority: "fragile" as Priority,
		condition: L("Available only in part", "Имеется лишь частично"),
		recommendation: L(
			"Extend it to everyone who handles migration data, and record in “Planned upgrades” when that will happen.",
			"Обеспечьте им всех, кто работает с миграционными данными, и укажите в графе «Планируемая модернизация», когда это будет сделано.",
		),
	},
	unlicensed: {
		level: 2 as Level,
		priority: "risk" as Priority,
		condition: L("Not licensed", "Нет лицензии"),
		recommendation: L(
			"Unlicensed software cannot be updated safely and may stop working after an update: license it or replace it with free software, and record the expiry date and who pays for renewal.",
			"Нелицензионное ПО нельзя безопасно обновлять, и после обновления оно может перестать работать: приобретите лицензию или замените его свободным ПО, укажите срок действия лицензии и кто оплачивает продление.",
		),
	},
	judgedLess: {
		level: 2 as Level,
		condition: L("Judged “less than needed” for the DSM", "Оценено как «меньше необходимого» для МОД"),
	},
} as const;

function isSkipped(item: ItemDef, answers: Answers) {
	const rule = item.skipWhen;
	if (!rule) return false;
	const value = answers[rule.item]?.[rule.field];
	return typeof value === "string" && rule.values.includes(value);
}

function filled(answer: ItemAnswer, field: string) {
	const value = answer[field];
	return (
		value !== undefined &&
		!(typeof value === "string" && value.trim() === "") &&
		!(Array.isArray(value) && !value.length)
	);
}

/** Whether the item applies, and whether it has been answered enough to count. */
export function itemState(item: ItemDef, answers: Answers): ItemState {
	if (isSkipped(item, answers)) return "skipped";
	const answer = answers[item.id] ?? {};
	if (item.absence === "optional" && answer.available === "no") return "not-applicable";
	if (item.unusedWhenBlank && !filled(answer, item.unusedWhenBlank)) return "not-applicable";
	if (item.absence === "essential" && answer.available === "no") return "answered";
	return requiredFields(item).every((field) => filled(answer, field)) ? "answered" : "unanswered";
}

function findingsOf(item: ItemDef, answer: ItemAnswer, context: ScoringContext): Finding[] {
	const findings: Finding[] = [];
	if (item.absence === "essential" && answer.available === "no") {
		findings.push({
			id: "missing",
			...COLUMN_FINDINGS.missing,
			priority: item.priority,
			recommendation: item.recommendation,
			learn: item.learn,
		});
	}
	if (item.columns.includes("available") && answer.available === "partly") {
		findings.push({ id: "partly", ...COLUMN_FINDINGS.partly, learn: item.learn });
	}
	if (item.licence === "software" && answer.licensed === "no") {
		findings.push({ id: "unlicensed", ...COLUMN_FINDINGS.unlicensed, learn: item.learn });
	}
	for (const cap of item.caps ?? []) {
		if (cap.when(answer, context)) {
			findings.push({
				id: cap.id,
				level: cap.level,
				priority: cap.priority,
				condition: cap.condition,
				recommendation: cap.recommendation,
				learn: cap.learn ?? item.learn,
			});
		}
	}
	return findings;
}

export function scoreItem(item: ItemDef, section: SectionDef, answers: Answers, context: ScoringContext): ItemScore {
	const state = itemState(item, answers);
	const answer = answers[item.id] ?? {};
	const judgement =
		answer.compatible === "more" || answer.compatible === "enough" || answer.compatible === "less"
			? answer.compatible
			: null;
	if (state !== "answered") return { item, section, state, level: null, judgement: null, findings: [] };
	const findings = findingsOf(item, answer, context);
	if (judgement === "less" && !findings.some((finding) => finding.level <= 3)) {
		findings.push({
			id: "judged-less",
			...COLUMN_FINDINGS.judgedLess,
			priority: item.priority,
			recommendation: item.recommendation,
			learn: item.learn,
		});
	}
	const levels = findings.map((finding) => finding.level);
	if (judgement) levels.push(JUDGEMENT_LEVEL[judgement]);
	const level = Math.min(...levels) as Level;
	return { item, section, state, level, judgement, findings };
}

/** The mean, to one decimal; null for no values. */
export function meanOf(values: readonly number[]): number | null {
	if (!values.length) return null;
	return round1(values.reduce((sum, value) => sum + value, 0) / values.length);
}

export function round1(value: number) {
	return Math.round(value * 10) / 10;
}

function unroundedMean(values: readonly number[]) {
	return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

export function scoreSection(section: SectionDef, answers: Answers, context: ScoringContext): SectionScore {
	const items = section.items.map((item) => scoreItem(item, section, answers, context));
	const levels = items.flatMap((score) => (score.level === null ? [] : [score.level]));
	const level = meanOf(levels);
	return {
		section,
		level,
		reached: level === null ? null : (Math.floor(level) as Level),
		items,
		applicable: items.filter((score) => score.state === "answered" || score.state === "unanswered").length,
		answered: items.filter((score) => score.state === "answered").length,
		blocking: items.some((score) => score.findings.some((f) => f.level <= 3 && f.priority === "blocking")),
	};
}

export function scoreAssessment(instrument: Instrument, answers: Answers, context: ScoringContext): AssessmentScore {
	const sections = instrument.sections.map((section) => scoreSection(section, answers, context));
	const parts = instrument.parts.map((part) => {
		const own = sections.filter((score) => score.section.part === part.id);
		// Each section weighs the same: the mean of the sections' unrounded means.
		const means = own.flatMap((score) => {
			const mean = unroundedMean(score.items.flatMap((item) => (item.level === null ? [] : [item.level])));
			return mean === null ? [] : [mean];
		});
		return { part, level: meanOf(means), sections: own };
	});
	const items = sections.flatMap((score) => score.items);
	return { parts, sections, items, gaps: gapsOf(items), compatible: summarizeCompatible(items) };
}

/** Gaps in priority order: blocking, then risk, then fragile; within each, lowest level first, then the grid's order. */
export function gapsOf(items: readonly ItemScore[]): Gap[] {
	const gaps = items.flatMap((score, index) =>
		score.findings
			.filter((finding) => finding.level <= 3)
			.map((finding, order) => ({
				gap: { item: score.item, section: score.section, level: score.level!, finding },
				index,
				order,
			})),
	);
	const rank = (priority: Priority) => PRIORITIES.indexOf(priority);
	gaps.sort(
		(a, b) =>
			rank(a.gap.finding.priority) - rank(b.gap.finding.priority) ||
			a.gap.finding.level - b.gap.finding.level ||
			a.index - b.index ||
			a.order - b.order,
	);
	return gaps.map(({ gap }) => gap);
}

function summarizeCompatible(items: readonly ItemScore[]): CompatibleSummary {
	const answered = items.filter((score) => score.state === "answered");
	const count = (judgement: Judgement) => answered.filter((score) => score.judgement === judgement).length;
	const lessItems = answered.filter((score) => score.judgement === "less");
	return {
		more: count("more"),
		enough: count("enough"),
		less: lessItems.length,
		notJudged: answered.filter((score) => score.judgement === null).length,
		lessItems,
	};
}
