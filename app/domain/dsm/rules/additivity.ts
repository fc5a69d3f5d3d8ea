import { BREAKDOWNS, HIERARCHIES, type BreakdownId, type Hierarchy } from "../model";
import { describeKey, dimensionOf } from "../observation";
import type { Localized } from "../localized";
import { cellOf, type Check, type Entry, type Report, type ValidationInput } from "./check";
import { defineRule, type Rule } from "./rule";

/**
 * DSM rules 12 to 18: totals equal the sum of their parts (within rounding) and no part exceeds
 * its total. A sum is checked when the total and every part are reported with a known value
 * (O counts as 0); otherwise each known part is checked against the total. A gap is "rounding"
 * when every value involved is a multiple of 5 and the gap is at most 5 × (parts − 1), or 5 for
 * one part against its total: with ROUNDING=R5 it passes, with NONE it is ROUND-TOLERANCE.
 */

type Term = { readonly code: string; readonly amount: number };

export type SumFinding = {
	readonly key: string;
	readonly dimension: BreakdownId;
	readonly total: Term;
	readonly parts: readonly Term[];
};

function sumMessage({ key, dimension, total, parts }: SumFinding): Localized {
	const sum = parts.reduce((accumulated, part) => accumulated + part.amount, 0);
	const names = parts.map((part) => part.code).join(" + ");
	const figures = parts.length > 1 ? `${parts.map((part) => part.amount).join(" + ")} = ${sum}` : String(sum);
	const gap = total.amount - sum;
	return {
		en: `${key}: ${dimension} ${total.code} = ${total.amount} but ${names} = ${figures} (gap ${gap}).`,
		ru: `${key}: ${dimension} ${total.code} = ${total.amount}, а ${names} = ${figures} (расхождение ${gap}).`,
	};
}

function additivityRule(id: SumRuleId, number: number, requirement: Localized): Rule<SumFinding> {
	const section = "additional-technical-data-issues/additivity-missing-and-zero";
	return defineRule({ id, number, severity: "error", section, requirement, message: sumMessage });
}

type SumRuleId = NonNullable<Hierarchy["sumRule"]>;

export const ADD_SEX = additivityRule("ADD-SEX", 12, {
	en: "Sexes add up: T = F + M + UNK.",
	ru: "Сумма по полу: T = F + M + UNK.",
});
export const ADD_AGE = additivityRule("ADD-AGE", 13, {
	en: "TOTAL = the sum of the six age bands (with UNK).",
	ru: "TOTAL = сумма шести возрастных групп (включая UNK).",
});
export const ADD_CITIZEN = additivityRule("ADD-CITIZEN", 14, {
	en: "TOTAL = the sum of citizenships incl. STLS and UNK, when the breakdown is declared complete.",
	ru: "TOTAL = сумма по гражданствам, включая STLS и UNK, если разбивка объявлена полной.",
});
export const ADD_DECISION = additivityRule("ADD-DECISION", 15, {
	en: "Decisions add up: TOTAL_POS = GENCONV + SUB_PROT + HUMSTAT; TOTAL = TOTAL_POS + REJECTED.",
	ru: "Сумма решений: TOTAL_POS = GENCONV + SUB_PROT + HUMSTAT; TOTAL = TOTAL_POS + REJECTED.",
});
export const ADD_STAGE = additivityRule("ADD-STAGE", 16, {
	en: "Work permit decisions add up: TOTAL_DEC = GRANTED + REFUSED.",
	ru: "Сумма решений о разрешениях на работу: TOTAL_DEC = GRANTED + REFUSED.",
});

const SUM_RULES: Readonly<Record<SumRuleId, Rule<SumFinding>>> = {
	"ADD-SEX": ADD_SEX,
	"ADD-AGE": ADD_AGE,
	"ADD-CITIZEN": ADD_CITIZEN,
	"ADD-DECISION": ADD_DECISION,
	"ADD-STAGE": ADD_STAGE,
};

export const ROUND_TOLERANCE = defineRule<SumFinding>({
	id: "ROUND-TOLERANCE",
	number: 17,
	severity: "error",
	section: "additional-technical-data-issues/rounding-and-tolerance",
	requirement: {
		en: "With ROUNDING=R5 a total may differ from its parts by 5 × (parts − 1); with NONE it must be exact.",
		ru: "При ROUNDING=R5 итог может отличаться от суммы частей на 5 × (число частей − 1); при NONE — только точное равенство.",
	},
	message: (finding) => {
		const base = sumMessage(finding);
		return {
			en: `${base.en} Rounding to 5 would explain the gap, but ROUNDING is NONE: declare R5 if the figures are rounded, or correct them.`,
			ru: `${base.ru} Такое расхождение объясняется округлением до 5, но ROUNDING = NONE: укажите R5, если данные округлены, или исправьте их.`,
		};
	},
});

export const PART_LE_TOTAL = defineRule<SumFinding>({
	id: "PART-LE-TOTAL",
	number: 18,
	severity: "error",
	section: "additional-technical-data-issues/additivity-missing-and-zero",
	requirement: {
		en: "No part exceeds its total (first-time asylum applicants ≤ all applicants).",
		ru: "Ни одна часть не превышает итог (впервые обратившиеся ≤ все заявители).",
	},
	message: ({ key, dimension, total, parts }) => {
		const part = parts[0];
		return {
			en: `${key}: ${dimension} ${part?.code} = ${part?.amount} exceeds its total ${total.code} = ${total.amount}.`,
			ru: `${key}: ${dimension} ${part?.code} = ${part?.amount} больше итога ${total.code} = ${total.amount}.`,
		};
	},
});

/**
 * The value that goes into a sum: the number; 0 for M ("missing value; data cannot exist", a
 * category that does not apply); nothing for O ("missing value", not known) or a value unclear.
 */
export function summand(entry: Entry): number | undefined {
	const status = entry.observation.attributes.OBS_STATUS;
	if (status === "M") return entry.valueState === "empty" ? 0 : undefined;
	return status === "O" ? undefined : entry.amount;
}

const isRounded = (entries: readonly Entry[]) =>
	entries.every((entry) => entry.observation.attributes.ROUNDING === "R5");
const multiplesOfFive = (amounts: readonly number[]) => amounts.every((amount) => amount % 5 === 0);

type Verdict = "rounding accepted" | "rounding under NONE" | "wrong";

/** A non-zero gap: wrong, or explained by rounding to 5. */
function judge(gap: number, tolerance: number, entries: readonly Entry[], amounts: readonly number[]): Verdict {
	if (Math.abs(gap) > tolerance || !multiplesOfFive(amounts)) return "wrong";
	return isRounded(entries) ? "rounding accepted" : "rounding under NONE";
}

export type Relation = {
	readonly dimension: BreakdownId;
	readonly hierarchy: Hierarchy;
	readonly total: Entry;
	readonly parts: readonly Entry[];
	/** Every part is reported (for CITIZEN: the breakdown is declared complete). */
	readonly complete: boolean;
};

function relationIn(
	slice: ReadonlyMap<string, Entry>,
	dimension: BreakdownId,
	hierarchy: Hierarchy,
	citizensComplete: boolean,
): Relation | undefined {
	const total = slice.get(hierarchy.total);
	if (!total) return undefined;
	if (hierarchy.parts === "every other code") {
		const parts = [...slice].filter(([code]) => code !== hierarchy.total).map(([, entry]) => entry);
		return { dimension, hierarchy, total, parts, complete: citizensComplete };
	}
	const parts = hierarchy.parts.flatMap((code) => slice.get(code) ?? []);
	return { dimension, hierarchy, total, parts, complete: parts.length === hierarchy.parts.length };
}

function term(entry: Entry, dimension: BreakdownId, amount: number): Term {
	return { code: dimensionOf(entry.observation, dimension), amount };
}

const valueCell = (entry: Entry) => cellOf(entry.observation, "OBS_VALUE");

function checkSum(relation: Relation, totalAmount: number, partAmounts: readonly number[], report: Report): void {
	const { dimension, hierarchy, total, parts } = relation;
	const gap = totalAmount - partAmounts.reduce((sum, amount) => sum + amount, 0);
	if (gap === 0) return;
	const verdict = judge(gap, 5 * (parts.length - 1), [total, ...parts], [totalAmount, ...partAmounts]);
	if (verdict === "rounding accepted" || !hierarchy.sumRule) return;
	const finding: SumFinding = {
		key: describeKey(total.observation),
		dimension,
		total: term(total, dimension, totalAmount),
		parts: parts.map((part, index) => term(part, dimension, partAmounts[index] ?? 0)),
	};
	const rule = verdict === "rounding under NONE" ? ROUND_TOLERANCE : SUM_RULES[hierarchy.sumRule];
	report(rule, finding, [valueCell(total), ...parts.map(valueCell)]);
}

function checkParts(relation: Relation, totalAmount: number, report: Report): void {
	const { dimension, total } = relation;
	for (const part of relation.parts) {
		const amount = summand(part);
		if (amount === undefined || amount <= totalAmount) continue;
		const verdict = judge(amount - totalAmount, 5, [total, part], [totalAmount, amount]);
		if (verdict === "rounding accepted") continue;
		const finding: SumFinding = {
			key: describeKey(total.observation),
			dimension,
			total: term(total, dimension, totalAmount),
			parts: [term(part, dimension, amount)],
		};
		report(verdict === "rounding under NONE" ? ROUND_TOLERANCE : PART_LE_TOTAL, finding, [
			valueCell(part),
			valueCell(total),
		]);
	}
}

/** Every total with its reported parts, in every slice of every breakdown that has totals. */
export function forEachRelation(input: ValidationInput, visit: (relation: Relation) => void): void {
	const citizensComplete = input.context.citizenBreakdownComplete ?? false;
	for (const dimension of BREAKDOWNS) {
		const hierarchies = HIERARCHIES[dimension];
		if (hierarchies.length === 0) continue;
		for (const slice of input.slices(dimension).values()) {
			for (const hierarchy of hierarchies) {
				const relation = relationIn(slice, dimension, hierarchy, citizensComplete);
				if (relation && relation.parts.length > 0) visit(relation);
			}
		}
	}
}

export const checkAdditivity: Check = (input, report) => {
	forEachRelation(input, (relation) => {
		const totalAmount = summand(relation.total);
		if (totalAmount === undefined) return;
		const partAmounts = relation.parts.map(summand);
		const known = partAmounts.filter((amount): amount is number => amount !== undefined);
		if (relation.hierarchy.sumRule && relation.complete && known.length === partAmounts.length) {
			checkSum(relation, totalAmount, known, report);
		} else {
			checkParts(relation, totalAmount, report);
		}
	});
};
