/**
 * The questions of a GIFT file (Moodle's "General Import Format Template"), as the parser
 * reads them and the exporter writes them. Type names are Moodle's. The dialect this project
 * reads is written down in docs/decisions/0020-gift-dialect.md.
 */

export const TEXT_FORMATS = ["moodle", "html", "plain", "markdown"] as const;
/** How a text is rendered; set by a `[html]`, `[moodle]`, `[plain]` or `[markdown]` prefix. */
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** A text with its format. Answers and feedback inherit the format of the question text. */
export interface RichText {
	text: string;
	format: TextFormat;
}

interface QuestionCommon {
	/** The `::title::`; absent when the question has none (see `questionTitle`). */
	title?: string;
	/** Moodle's idnumber, from `[id:…]` in the comment lines of the question. */
	idNumber?: string;
	/** From `[tag:…]` in the comment lines of the question, in order. */
	tags: string[];
	/** The `$CATEGORY:` in force, split into levels; absent before the first `$CATEGORY:`. */
	category?: string[];
	/** The question text; a missing-word question has `_____` where its answer block stood. */
	text: RichText;
	/** `####…`: shown to every learner after answering, whatever the answer. */
	generalFeedback: RichText;
	/** 1-based line where the question starts in the file it was read from. */
	line?: number;
}

export interface ChoiceAnswer {
	text: RichText;
	/** Share of the question's mark, -1 to 1. */
	fraction: number;
	feedback: RichText;
}

export interface ShortAnswer {
	/** Plain text; `*` matches any run of characters. */
	text: string;
	fraction: number;
	feedback: RichText;
}

/** `3`, `3:0.5` (value and tolerance), `2..4` (a range) or `*` (any number: the catch-all `~#…`). */
export type NumericalMatch =
	{ kind: "value"; value: number; tolerance: number } | { kind: "range"; min: number; max: number } | { kind: "any" };

export interface NumericalAnswer {
	match: NumericalMatch;
	fraction: number;
	feedback: RichText;
}

/** `=stem -> answer`; a pair with an empty stem (`= -> answer`) is a distractor. */
export interface MatchPair {
	stem: RichText;
	answer: string;
}

/** What a question of each type adds to the common part. */
export type GiftQuestionBody =
	| { type: "description" }
	| { type: "essay" }
	| {
			type: "multichoice";
			/** One answer (radio buttons) when the answers use `=`; several (checkboxes) otherwise. */
			single: boolean;
			answers: ChoiceAnswer[];
	  }
	| {
			type: "truefalse";
			correct: boolean;
			/** Shown to a learner who answers True. */
			feedbackTrue: RichText;
			/** Shown to a learner who answers False. */
			feedbackFalse: RichText;
	  }
	| { type: "shortanswer"; answers: ShortAnswer[] }
	| { type: "numerical"; answers: NumericalAnswer[] }
	| { type: "match"; pairs: MatchPair[] };

export type GiftQuestion = QuestionCommon & GiftQuestionBody;

/** Moodle's name of the type: multichoice, truefalse, shortanswer, numerical, match, essay, description. */
export type GiftQuestionType = GiftQuestion["type"];

export type GiftQuestionOf<T extends GiftQuestionType> = Extract<GiftQuestion, { type: T }>;

/** A refused question: where it starts and why. */
export interface GiftError {
	line: number;
	message: string;
}

export interface GiftParseResult {
	questions: GiftQuestion[];
	errors: GiftError[];
}
