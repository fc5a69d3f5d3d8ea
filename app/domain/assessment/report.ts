import { z } from "zod";
import type { FormInput } from "../form-input";
import { targetField, type Instrument, type Level, type SectionDef } from "./model";
import { round1, type AssessmentScore, type SectionScore } from "./scoring";

/**
 * What the report adds to the scores: the target level the agency sets for each section and the
 * distance to it (UNECE's Modernisation Maturity Model: current and target level, then next
 * steps), the change since the previous assessment, and the medians a coordinator compares with.
 */

export type Targets = Readonly<Record<string, Level>>;

const levelSchema = z.number().int().min(1).max(5);

/** Targets as stored (JSON), keeping only the instrument's sections and levels 1..5. */
export function readTargets(instrument: Instrument, json: string): Targets {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return {};
	}
	const parsed = z.record(z.string(), z.unknown()).safeParse(raw);
	if (!parsed.success) return {};
	const targets: Record<string, Level> = {};
	for (const section of instrument.sections) {
		const level = levelSchema.safeParse(parsed.data[section.id]);
		if (level.success) targets[section.id] = level.data as Level;
	}
	return targets;
}

/** The targets form: a level 1..5 or nothing per section. */
export function parseTargets(
	instrument: Instrument,
	input: FormInput,
): { ok: true; targets: Targets } | { ok: false; errors: Record<string, string[]> } {
	const targets: Record<string, Level> = {};
	const errors: Record<string, string[]> = {};
	for (const section of instrument.sections) {
		const name = targetField(section.id);
		const raw = input[name];
		if (raw === undefined || raw === "") continue;
		const level = levelSchema.safeParse(Number(raw));
		if (typeof raw === "string" && level.success) targets[section.id] = level.data as Level;
		else errors[name] = ["assessment.errors.choose"];
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, targets };
}

export type SectionRow = {
	readonly section: SectionDef;
	readonly score: SectionScore;
	readonly target: Level | null;
	/** Target minus level, one decimal; 0 or less when the target is reached. */
	readonly distance: number | null;
	readonly previous: number | null;
	/** Level minus the previous assessment's level, one decimal. */
	readonly change: number | null;
};

export function sectionRows(score: AssessmentScore, targets: Targets, previous: AssessmentScore | null): SectionRow[] {
	return score.sections.map((sectionScore) => {
		const { section, level } = sectionScore;
		const target = targets[section.id] ?? null;
		const before = previous?.sections.find((s) => s.section.id === section.id)?.level ?? null;
		return {
			section,
			score: sectionScore,
			target,
			distance: target !== null && level !== null ? round1(target - level) : null,
			previous: before,
			change: before !== null && level !== null ? round1(level - before) : null,
		};
	});
}

/** The median of the values, one decimal; null for none. */
export function median(values: readonly number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return round1(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}
