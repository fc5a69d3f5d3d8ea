import type { ChoiceAnswer, GiftQuestionOf, RichText } from "~/domain/gift/types";

/**
 * The ids a form uses for the options of a question. A choice's id comes from its text, never
 * from its place in the bank or on the page: it tells nothing about which option is right
 * (authors often write the right answer first), it stays the same in every attempt, so answers
 * can be compared across attempts, and the stored order and responses of an attempt stay valid
 * whatever the shuffle.
 */

/** True/false questions offer these two values. */
export const TRUE_FALSE_CHOICES = ["true", "false"] as const;

/** Texts choice ids are made from in place of the question's own: those of its English key (./bilingual.ts). */
type Keyed = { choiceKeys?: readonly string[] };

/**
 * The ids of a question, made once: grading, the public view and item analysis ask for them again
 * and again (10,000 attempts of 16 questions), and a bank's questions are never changed.
 */
const made = new WeakMap<object, unknown>();

function once<Q extends object, T>(question: Q, make: (question: Q) => T): T {
	if (!made.has(question)) made.set(question, make(question));
	return made.get(question) as T;
}

/** The answers of a multiple-choice question, each with its id. */
export function answerChoices(
	question: GiftQuestionOf<"multichoice"> & Keyed,
): readonly { id: string; answer: ChoiceAnswer }[] {
	return once(question, (q) => {
		const ids = textIds("a", q.choiceKeys ?? q.answers.map((answer) => answer.text.text));
		return q.answers.map((answer, index) => ({ id: ids[index]!, answer }));
	});
}

export interface MatchStem {
	id: string;
	text: RichText;
	/** The choice that belongs to this stem. */
	choiceId: string;
}

/**
 * The stems of a matching question (`s1`, `s2`… in the bank's order; a distractor has none)
 * and the distinct answers every stem chooses from, distractors included: two stems with the
 * same answer share one choice.
 */
export function matchParts(question: GiftQuestionOf<"match"> & Keyed): {
	stems: readonly MatchStem[];
	choices: readonly { id: string; text: string }[];
} {
	return once(question, makeMatchParts);
}

function makeMatchParts(question: GiftQuestionOf<"match"> & Keyed) {
	const keyOf = (index: number) => question.choiceKeys?.[index] ?? question.pairs[index]!.answer;
	const keys = [...new Set(question.pairs.map((_pair, index) => keyOf(index)))];
	const ids = textIds("c", keys);
	// A choice reads as the answer of the first pair with its key.
	const choices = keys.map((key, index) => ({
		id: ids[index]!,
		text: question.pairs[question.pairs.findIndex((_pair, i) => keyOf(i) === key)]!.answer,
	}));
	const stems = question.pairs.flatMap((pair, index) => {
		const choiceId = ids[keys.indexOf(keyOf(index))]!;
		return pair.stem.text === "" ? [] : [{ id: `s${index + 1}`, text: pair.stem, choiceId }];
	});
	return { stems, choices };
}

/** `prefix` and a hash of each text; a text that repeats gets `-2`, `-3`… in order. */
function textIds(prefix: string, texts: readonly string[]): string[] {
	const taken = new Set<string>();
	return texts.map((text) => {
		const base = `${prefix}${hash(text)}`;
		let id = base;
		for (let repeat = 2; taken.has(id); repeat++) id = `${base}-${repeat}`;
		taken.add(id);
		return id;
	});
}

/** FNV-1a, 32 bits, in base 36: short, stable, and no secret. */
function hash(text: string): string {
	let value = 0x811c9dc5;
	for (const char of text) {
		value ^= char.codePointAt(0)!;
		value = Math.imul(value, 0x01000193) >>> 0;
	}
	return value.toString(36);
}
