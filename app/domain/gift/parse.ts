import { GiftText } from "./gift-text";
import { isMoodleGrade, nearestMoodlePercent } from "./grades";
import {
	TEXT_FORMATS,
	type ChoiceAnswer,
	type GiftError,
	type GiftParseResult,
	type GiftQuestion,
	type GiftQuestionBody,
	type MatchPair,
	type NumericalAnswer,
	type NumericalMatch,
	type RichText,
	type ShortAnswer,
	type TextFormat,
} from "./types";

/**
 * Reads a GIFT file the way Moodle's qformat_gift does, but refuses what Moodle would
 * silently change or guess (docs/decisions/0020-gift-dialect.md). Every question that cannot
 * be read is reported with the line it starts on; the others are returned.
 */
export function parseGift(source: string): GiftParseResult {
	const questions: GiftQuestion[] = [];
	const errors: GiftError[] = [];
	const idLines = new Map<string, number>();
	let category: string[] | undefined;

	for (const block of splitBlocks(source.replace(/^\uFEFF/, ""))) {
		const body = block.filter((line) => !isComment(line.text));
		const first = body[0];
		if (!first) continue;
		try {
			if (first.text.trimStart().startsWith(CATEGORY)) {
				category = readCategory(body.map((line) => line.text));
				continue;
			}
			const comments = block.filter((line) => isComment(line.text)).map((line) => line.text.trim());
			const question: GiftQuestion = {
				...readQuestion(GiftText.read(body.map((line) => line.text).join("\n")).trim()),
				...readCommentMetadata(comments.join("\n")),
				...(category && { category: [...category] }),
				line: first.number,
			};
			if (question.idNumber !== undefined) claimId(idLines, question.idNumber, first.number);
			questions.push(question);
		} catch (error) {
			if (!(error instanceof GiftSyntaxError)) throw error;
			errors.push({ line: first.number, message: error.message });
		}
	}
	return { questions, errors };
}

/** The `[id:…]` and `[tag:…]` of a question's `//` comment lines; `\]` stands for `]`, a token may not span lines. */
function readCommentMetadata(comment: string): { idNumber?: string; tags: string[] } {
	const ids = [...comment.matchAll(ID_TOKEN)].map(([, raw = ""]) => unescapeToken(raw)).filter(Boolean);
	if (ids.length > 1) fail(`the comments give ${ids.length} [id:…]; a question has one id`);
	const tags = [...comment.matchAll(TAG_TOKEN)].map(([, raw = ""]) => unescapeToken(raw)).filter(Boolean);
	return ids[0] === undefined ? { tags } : { idNumber: ids[0], tags };
}

class GiftSyntaxError extends Error {}

function fail(message: string): never {
	throw new GiftSyntaxError(message);
}

interface SourceLine {
	number: number;
	text: string;
}

const CATEGORY = "$CATEGORY:";
const MISSING_WORD = "_____";
const ID_TOKEN = /\[id:((?:\\\]|[^\]\p{Cc}])+)\]/gu;
const TAG_TOKEN = /\[tag:((?:\\\]|[^\]<>`\p{Cc}])+)\]/gu;
const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_FALSE = ["T", "TRUE", "F", "FALSE"];

/** Questions are separated by blank lines (E1). */
function splitBlocks(source: string): SourceLine[][] {
	const blocks: SourceLine[][] = [];
	let current: SourceLine[] = [];
	source.split(/\r\n|\r|\n/).forEach((text, index) => {
		if (text.trim() === "") {
			if (current.length > 0) blocks.push(current);
			current = [];
		} else {
			current.push({ number: index + 1, text });
		}
	});
	if (current.length > 0) blocks.push(current);
	return blocks;
}

/** Only a line whose first non-blank characters are `//` is a comment; `//` later in a line is text (E2). */
function isComment(line: string): boolean {
	return line.trimStart().startsWith("//");
}

function unescapeToken(raw: string): string {
	return raw.replaceAll("\\]", "]").trim();
}

function claimId(idLines: Map<string, number>, id: string, line: number): void {
	const previous = idLines.get(id);
	if (previous !== undefined) fail(`[id:${id}] is already the id of the question on line ${previous}`);
	idLines.set(id, line);
}

/** `$CATEGORY: $course$/top/A//B` → levels `$course$`, `top`, `A/B` (E16). */
function readCategory(body: string[]): string[] {
	if (body.length > 1) fail(`${CATEGORY} stands alone: put a blank line between it and the next question`);
	const path = (body[0] ?? "").trim().slice(CATEGORY.length).trim();
	if (path === "") fail(`${CATEGORY} names no category`);
	return path.split(/(?<!\/)\/(?!\/)/).map((level) => level.replaceAll("//", "/").trim());
}

type QuestionContent = Pick<GiftQuestion, "title" | "text" | "generalFeedback"> & GiftQuestionBody;

function readQuestion(source: GiftText): QuestionContent {
	const { title, rest } = readTitle(source);
	const titled = title === undefined ? {} : { title };
	const braces = findAnswerBlock(rest);
	if (!braces) {
		const text = readQuestionText(rest.text);
		return { ...titled, text, generalFeedback: { text: "", format: text.format }, type: "description" };
	}
	const { before, inside, after } = braces;
	// The answer block in mid-text makes a missing-word question: the block becomes a blank (E7).
	const text = readQuestionText(after.isEmpty ? before.text : before.text + MISSING_WORD + after.text);
	const { answers, generalFeedback } = splitGeneralFeedback(inside, text.format);
	return { ...titled, text, generalFeedback, ...readAnswers(answers, text.format) };
}

function readQuestionText(source: string): RichText {
	const text = readRichText(source, "moodle");
	if (text.text === "") fail("the question has no text");
	return text;
}

/** `::title::` only when the question starts with `::` (E4). */
function readTitle(source: GiftText): { title?: string; rest: GiftText } {
	if (!source.startsWith("::")) return { rest: source };
	const end = source.indexOf("::", 2);
	if (end === -1) fail("the title opens with :: but is not closed with ::");
	const title = source.slice(2, end).text.trim();
	if (title === "") fail("the title between :: and :: is empty");
	return { title, rest: source.slice(end + 2).trim() };
}

/** The one `{…}` of a question (E6); undefined for a description, which has none. */
function findAnswerBlock(source: GiftText): { before: GiftText; inside: GiftText; after: GiftText } | undefined {
	const open = source.indexOf("{");
	const close = source.indexOf("}");
	if (open === -1 && close === -1) return undefined;
	if (open === -1) fail("'}' without '{' (write a literal brace as \\})");
	if (close === -1) fail("'{' without '}': close the answers, and keep blank lines out of a question (use \\n)");
	if (close < open) fail("'}' comes before '{' (write a literal brace as \\})");
	if (source.indexOf("{", open + 1) !== -1 || source.indexOf("}", close + 1) !== -1) {
		fail("a question has one answer block {…}; write literal braces as \\{ and \\}");
	}
	return {
		before: source.slice(0, open),
		inside: source.slice(open + 1, close).trim(),
		after: source.slice(close + 1),
	};
}

/** `####…` closes the answer block: everything after its last occurrence is general feedback (E8). */
function splitGeneralFeedback(inside: GiftText, format: TextFormat): { answers: GiftText; generalFeedback: RichText } {
	const start = inside.lastIndexOf("####");
	if (start === -1) return { answers: inside, generalFeedback: { text: "", format } };
	const feedback = inside.slice(start + 4);
	if (["~", "=", "#"].some((token) => feedback.contains(token))) {
		fail("the general feedback (####…) must come last in the answer block; escape ~ = # inside it");
	}
	return { answers: inside.slice(0, start).trim(), generalFeedback: readRichText(feedback.text, format) };
}

/** Decides the type the way Moodle does, in Moodle's order (E5), then reads the answers of that type. */
function readAnswers(answers: GiftText, format: TextFormat): GiftQuestionBody {
	if (answers.isEmpty) return { type: "essay" };
	if (answers.startsWith(">")) {
		fail("ordering questions ({>…}) belong to Moodle's qtype_ordering plugin, not to core GIFT, and are not supported");
	}
	if (answers.startsWith("#")) return readNumerical(answers.slice(1), format);
	if (answers.contains("~")) return readMultichoice(answers, format);
	if (answers.contains("=") && answers.contains("->")) return readMatch(answers, format);
	const value = answers.splitAt("#", 2)[0]?.trim().text ?? "";
	if (TRUE_FALSE.includes(value)) return readTrueFalse(answers, format);
	if (TRUE_FALSE.includes(value.toUpperCase())) {
		fail(`write ${value.toUpperCase()} in capitals: "${value}" would make a short-answer question`);
	}
	return readShortAnswer(answers, format);
}

/** `=right ~wrong ~%50%partly`: one answer when any `=` is used, several otherwise (E10). */
function readMultichoice(answers: GiftText, format: TextFormat): GiftQuestionBody {
	const choices = markedPieces(answers, "~=").map(({ marker, piece }): ChoiceAnswer => {
		if (marker === "=" && piece.startsWith("%")) {
			fail(`"=${excerpt(piece)}": = marks a right answer (100%); write a weighted answer as ~%50%…`);
		}
		const weight = readWeight(piece, { allowNegative: true });
		const fraction = weight.fraction ?? (marker === "=" ? 1 : 0);
		const { answer, feedback } = splitFeedback(weight.rest, format);
		const text = readRichText(answer.text, format);
		if (text.text === "") fail("a choice has no text");
		return { text, fraction, feedback };
	});
	if (choices.length < 2) fail("a multiple-choice question needs at least two answers");
	const single = answers.contains("=");
	if (!single) requirePositiveTotal(choices);
	return { type: "multichoice", single, answers: choices };
}

/** Moodle's editing form asks the positive weights of a multiple-response question to add up to 100 %. */
function requirePositiveTotal(choices: ChoiceAnswer[]): void {
	const total = choices.reduce((sum, choice) => sum + Math.max(choice.fraction, 0), 0);
	if (Math.round(total * 100) !== 100) {
		fail(
			`the positive weights add up to ${Number((total * 100).toFixed(5))}%; in a multiple-response question they must add up to 100%`,
		);
	}
}

/** `{TRUE#feedback if the learner answers wrongly#feedback if right}` (E13). */
function readTrueFalse(answers: GiftText, format: TextFormat): GiftQuestionBody {
	const [value, wrong, right] = answers.splitAt("#", 3).map((piece) => readRichText(piece.text, format));
	const correct = value?.text === "T" || value?.text === "TRUE";
	const ifWrong = wrong ?? { text: "", format };
	const ifRight = right ?? { text: "", format };
	return {
		type: "truefalse",
		correct,
		feedbackTrue: correct ? ifRight : ifWrong,
		feedbackFalse: correct ? ifWrong : ifRight,
	};
}

/** `=answer =%50%partly right =%0%*`: each `=` answer is worth 100 % unless weighted (E11). */
function readShortAnswer(answers: GiftText, format: TextFormat): GiftQuestionBody {
	const accepted = markedPieces(answers, "=").map(({ piece }): ShortAnswer => {
		const { fraction = 1, rest } = readWeight(piece, { allowNegative: false });
		const { answer, feedback } = splitFeedback(rest, format);
		const text = readRichText(answer.text, format).text;
		if (text === "") fail("a short answer has no text");
		return { text, fraction, feedback };
	});
	requireFullMarks(accepted);
	return { type: "shortanswer", answers: accepted };
}

/** `{#3:2}`, `{#1..5}` or `{# =3:0 =%50%3:2 ~#feedback for anything else}` (E12). */
function readNumerical(source: GiftText, format: TextFormat): GiftQuestionBody {
	const otherwiseAt = source.indexOf("~");
	const listed = otherwiseAt === -1 ? source : source.slice(0, otherwiseAt);
	// Like Moodle, the first answer may go without `=`: `{#3:2}`.
	const [lead, ...marked] = listed.splitBefore("=");
	const written = marked.map((piece) => piece.slice(1));
	if (lead && !lead.trim().isEmpty) written.unshift(lead);
	const answers = written.map((piece) => readNumericalAnswer(piece.trim(), format));
	if (otherwiseAt !== -1) answers.push(readOtherwise(source.slice(otherwiseAt + 1).trim(), format));
	requireFullMarks(answers);
	return { type: "numerical", answers };
}

function readNumericalAnswer(piece: GiftText, format: TextFormat): NumericalAnswer {
	const { fraction = 1, rest } = readWeight(piece, { allowNegative: false });
	const { answer, feedback } = splitFeedback(rest, format);
	return { match: readNumericalMatch(answer.text), fraction, feedback };
}

/** `~#feedback`: Moodle's catch-all answer `*` worth nothing, with feedback for any other number. */
function readOtherwise(piece: GiftText, format: TextFormat): NumericalAnswer {
	if (!piece.startsWith("#"))
		fail(`"~${excerpt(piece)}": in a numerical question ~ is followed by #feedback for any other answer`);
	if (piece.contains("~") || piece.contains("=")) fail("the ~#feedback for any other answer comes last, once");
	return { match: { kind: "any" }, fraction: 0, feedback: readRichText(piece.slice(1).text, format) };
}

function readNumericalMatch(written: string): NumericalMatch {
	const text = written.trim();
	if (text === "") fail("a numerical answer is empty");
	if (text === "*") return { kind: "any" };
	const range = text.indexOf("..");
	if (range > 0) {
		const min = readNumber(text.slice(0, range), "the lower end");
		const max = readNumber(text.slice(range + 2), "the upper end");
		if (min > max) fail(`the range ${text} runs backwards`);
		return { kind: "range", min, max };
	}
	const colon = text.indexOf(":");
	if (colon > 0) {
		const tolerance = readNumber(text.slice(colon + 1), "the tolerance");
		if (tolerance < 0) fail(`the tolerance in ${text} is negative`);
		return { kind: "value", value: readNumber(text.slice(0, colon), "the answer"), tolerance };
	}
	return { kind: "value", value: readNumber(text, "the answer"), tolerance: 0 };
}

/** Moodle would silently turn a non-numeric answer into `*`; here it is an error (E12). */
function readNumber(written: string, what: string): number {
	const text = written.trim();
	if (!NUMBER.test(text)) fail(`${what} "${text}" is not a number`);
	return Number(text);
}

/** `=stem -> answer`, at least two stems; `= -> answer` adds a distractor (E14). */
function readMatch(answers: GiftText, format: TextFormat): GiftQuestionBody {
	const pairs = markedPieces(answers, "=").map(({ piece }): MatchPair => {
		if (piece.startsWith("%")) fail(`"${excerpt(piece)}": matching pairs carry no weights`);
		if (piece.contains("#"))
			fail(`"${excerpt(piece)}": matching pairs carry no feedback; explain the pairs in general feedback (####…)`);
		const arrow = piece.indexOf("->");
		if (arrow === -1) fail(`"${excerpt(piece)}" is not a pair: write =stem -> answer`);
		const answer = piece.slice(arrow + 2).trim().text;
		if (answer === "") fail(`"${excerpt(piece)}" has nothing after ->`);
		return { stem: readRichText(piece.slice(0, arrow).text, format), answer };
	});
	if (pairs.filter((pair) => pair.stem.text !== "").length < 2) fail("a matching question needs at least two pairs");
	return { type: "match", pairs };
}

/** The pieces that start with one of `markers`, each without its marker; text before the first marker is an error. */
function markedPieces(answers: GiftText, markers: string): { marker: string; piece: GiftText }[] {
	const [lead, ...pieces] = answers.splitBefore(markers);
	if (lead && !lead.trim().isEmpty) {
		fail(`"${excerpt(lead)}" is not an answer: start each answer with ${[...markers].join(" or ")}`);
	}
	return pieces.map((piece) => ({ marker: piece.text.charAt(0), piece: piece.slice(1).trim() }));
}

/** A `%n%` weight at the start of an answer (E9): Moodle refuses any weight off its list. */
function readWeight(
	piece: GiftText,
	{ allowNegative }: { allowNegative: boolean },
): { fraction?: number; rest: GiftText } {
	if (!piece.startsWith("%")) return { rest: piece };
	const match = WEIGHT.exec(piece.text);
	if (!match?.[1]) fail(`"${excerpt(piece)}" starts with % but no weight like %50%`);
	// Seven decimals, as Moodle stores fractions: %33.33333% is 0.3333333.
	const fraction = Number((Number(match[1]) / 100).toFixed(7));
	if (fraction < 0 && !allowNegative) fail(`%${match[1]}%: negative weights are for multiple-choice answers only`);
	if (!isMoodleGrade(fraction)) {
		fail(`%${match[1]}% is not a weight Moodle accepts; the nearest is %${nearestMoodlePercent(fraction)}%`);
	}
	return { fraction, rest: piece.slice(match[0].length).trim() };
}

function requireFullMarks(answers: readonly { fraction: number }[]): void {
	if (answers.length === 0) fail("the question has no answer");
	if (!answers.some((answer) => answer.fraction === 1)) fail("no answer is worth 100%");
}

/** `answer#feedback`: the first unescaped `#` starts the feedback. */
function splitFeedback(piece: GiftText, format: TextFormat): { answer: GiftText; feedback: RichText } {
	const [answer = piece, feedback] = piece.splitAt("#", 2);
	return { answer: answer.trim(), feedback: readRichText(feedback?.text ?? "", format) };
}

/** A leading `[html]`, `[moodle]`, `[plain]` or `[markdown]` sets the format; otherwise it is inherited (E15). */
function readRichText(source: string, inherited: TextFormat): RichText {
	const text = source.trim();
	const tag = /^\[([a-z]+)\]/.exec(text);
	const format = TEXT_FORMATS.find((name) => name === tag?.[1]);
	if (!tag || !format) return { text, format: inherited };
	return { text: text.slice(tag[0].length).trim(), format };
}

function excerpt(piece: GiftText): string {
	const text = piece.text.trim().replace(/\s+/g, " ");
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
