import { createHash } from "node:crypto";
import type { AttemptPlan, AttemptSlot } from "./attempt";
import type { BankQuestion, QuestionBank } from "./bank";
import { answerChoices, matchParts } from "./choices";
import { gradeQuestion } from "./grade";
import type { AttemptResponses } from "./response";

/**
 * Question versions (docs/decisions/0056-question-versions.md): an attempt keeps the questions it
 * presented, so that its grading, review, marking, item analysis and exports read what was asked,
 * whatever the bank says since. A version is the English question (the key) and the Russian one on
 * its key, as the bank had them when an attempt first drew it; it is known by a hash of that content.
 */

/** A question as presented: the English key, and the Russian question on it (null when Russian readers saw the English). */
export interface VersionContent {
	en: BankQuestion;
	ru: BankQuestion | null;
}

export interface QuestionVersion {
	questionId: string;
	/** Of the whole content: another wording, feedback, choice or translation is another version. */
	hash: string;
	/** Of what grades the question alone (docs/decisions/0057-item-analysis-across-versions.md). */
	keyHash: string;
	type: BankQuestion["type"];
	content: VersionContent;
}

/** The banks a module's attempts draw from now: the key and its Russian twin (app/domain/quiz/bilingual.ts). */
export interface CurrentBanks {
	en: QuestionBank;
	ru: QuestionBank | null;
}

/** Versions already made of a bank's questions: a bank is read once per change of the content, and never changed. */
const ofBank = new WeakMap<QuestionBank, { ru: QuestionBank | null; versions: Map<string, QuestionVersion> }>();

/** The version of a question of the current banks; throws when the key has no such question. */
export function questionVersion(banks: CurrentBanks, questionId: string): QuestionVersion {
	let made = ofBank.get(banks.en);
	if (made?.ru !== banks.ru) ofBank.set(banks.en, (made = { ru: banks.ru, versions: new Map() }));
	let version = made.versions.get(questionId);
	if (!version) made.versions.set(questionId, (version = makeVersion(banks, questionId)));
	return version;
}

function makeVersion(banks: CurrentBanks, questionId: string): QuestionVersion {
	const en = banks.en.byId.get(questionId);
	if (!en) throw new Error(`The question "${questionId}" is not in the bank`);
	return versionOf({
		en: presented(en),
		ru: banks.ru?.byId.get(questionId) ? presented(banks.ru.byId.get(questionId)!) : null,
	});
}

const ofContent = new WeakMap<VersionContent, QuestionVersion>();

/** The version of a content (as read back from the database, or made of a bank). */
export function versionOf(content: VersionContent): QuestionVersion {
	let version = ofContent.get(content);
	if (!version) ofContent.set(content, (version = makeVersionOf(content)));
	return version;
}

function makeVersionOf(content: VersionContent): QuestionVersion {
	return {
		questionId: content.en.id,
		hash: digest(content),
		keyHash: keyHash(content.en),
		type: content.en.type,
		content,
	};
}

/** The question without where it stood in its file: moving a question in the bank is no new version. */
function presented(question: BankQuestion): BankQuestion {
	const { line: _line, ...rest } = question;
	return rest;
}

/**
 * The plan with each slot's version, and those versions, to be recorded before the attempt is.
 * Every slot's question must be in the banks (the plan was just drawn from them).
 */
export function versionedPlan(
	plan: AttemptPlan,
	banks: CurrentBanks,
): { plan: AttemptPlan; versions: QuestionVersion[] } {
	const versions = plan.slots.map((slot) => questionVersion(banks, slot.questionId));
	return { plan: { slots: plan.slots.map((slot, index) => ({ ...slot, version: versions[index]!.hash })) }, versions };
}

/** Why an attempt's question cannot be shown as it was asked. */
export type MissingReason =
	/** The bank no longer has a question of that id. */
	| "removed"
	/** The bank's question of that id is not the one the attempt presented (its choices or key differ). */
	| "changed";

/** What an attempt stored that tells whether the bank's question is still the one it presented. */
export interface AttemptEvidence {
	responses: AttemptResponses;
	/** Each question's mark as graded at submission (QuizAttempt.questionMarks); absent for an open attempt. */
	marks?: Readonly<Record<string, number | null | undefined>> | null;
}

/** An attempt's own questions: the banks it is shown and graded in, and the questions it can no longer show. */
export interface AttemptQuestions {
	/** The key of the attempt: its questions as presented, in the plan's order. */
	en: QuestionBank;
	/** The Russian texts on that key; null when one of its questions had no Russian text. */
	ru: QuestionBank | null;
	/** The version of each question shown, by question id. */
	versions: ReadonlyMap<string, QuestionVersion>;
	/** The questions it cannot show, by question id. */
	missing: ReadonlyMap<string, MissingReason>;
	/**
	 * Versions taken from the current bank for slots that had none (attempts made before versions
	 * were kept), and the plan with them and with `gone` on the slots found missing: what the
	 * backfill records.
	 */
	found: { versions: QuestionVersion[]; plan: AttemptPlan };
}

/**
 * The questions of an attempt. A slot with a version reads it from `stored` (by
 * `versionKey`). A slot without one (an attempt made before versions were kept), or whose version
 * is not stored, takes the current bank's question when it still fits what the attempt stored:
 * the same choice and stem ids as the stored order, a response of the kind it takes, and, once
 * submitted, the same mark for the stored response (an essay's mark is its trainer's, so only its
 * kind is compared); without `regrade` (item analysis over many attempts), the ids alone.
 * Otherwise the question is missing: "removed" when the bank has no such id. A slot the backfill
 * found gone (`gone`) stays missing.
 */
export function attemptQuestions(
	plan: AttemptPlan,
	stored: ReadonlyMap<string, VersionContent>,
	current: CurrentBanks | null,
	evidence: AttemptEvidence,
	{ regrade = true }: { regrade?: boolean } = {},
): AttemptQuestions {
	const versions = new Map<string, QuestionVersion>();
	const missing = new Map<string, MissingReason>();
	const found: QuestionVersion[] = [];
	const slots = plan.slots.map((slot): AttemptSlot => {
		if (slot.gone) {
			missing.set(slot.questionId, slot.gone);
			return slot;
		}
		const content = slot.version === undefined ? undefined : stored.get(versionKey(slot.questionId, slot.version));
		if (content) {
			versions.set(slot.questionId, { ...versionOf(content), hash: slot.version! });
			return slot;
		}
		if (!current?.en.byId.has(slot.questionId)) {
			missing.set(slot.questionId, "removed");
			return slot.version === undefined ? { ...slot, gone: "removed" } : slot;
		}
		const candidate = questionVersion(current, slot.questionId);
		const fits =
			slot.version === undefined
				? fitsAttempt(candidate.content.en, slot, evidence, regrade)
				: candidate.hash === slot.version;
		if (!fits) {
			missing.set(slot.questionId, "changed");
			return slot.version === undefined ? { ...slot, gone: "changed" } : slot;
		}
		versions.set(slot.questionId, candidate);
		if (slot.version !== undefined) return slot;
		found.push(candidate);
		return { ...slot, version: candidate.hash };
	});
	const shown = plan.slots.flatMap((slot) => versions.get(slot.questionId) ?? []);
	const ru = shown.every((version) => version.content.ru) ? bankOf(shown.map((v) => v.content.ru!)) : null;
	return {
		en: bankOf(shown.map((version) => version.content.en)),
		ru,
		versions,
		missing,
		found: { versions: found, plan: { slots } },
	};
}

/** How stored versions are looked up: a question id and a hash. */
export function versionKey(questionId: string, hash: string): string {
	return `${questionId}\u0000${hash}`;
}

function bankOf(questions: BankQuestion[]): QuestionBank {
	return { questions, byId: new Map(questions.map((question) => [question.id, question])) };
}

/**
 * Whether the bank's question is the one the slot presented, as far as the attempt can tell;
 * without `regrade`, by its choices and stems alone.
 */
function fitsAttempt(question: BankQuestion, slot: AttemptSlot, evidence: AttemptEvidence, regrade: boolean): boolean {
	if (!sameOptions(question, slot)) return false;
	if (!regrade) return true;
	let grade;
	try {
		grade = gradeQuestion(question, evidence.responses[question.id]);
	} catch {
		// A response of another kind than the question takes: another question.
		return false;
	}
	if (!evidence.marks || question.type === "essay") return true;
	const mark = evidence.marks[question.id];
	const regraded = grade.maxMark === 0 ? undefined : grade.fraction === null ? null : grade.fraction * grade.maxMark;
	return (
		mark === regraded || (typeof mark === "number" && typeof regraded === "number" && Math.abs(mark - regraded) < 1e-9)
	);
}

/** The slot's stored orders hold the question's choice and stem ids, no more and no fewer. */
export function sameOptions(question: BankQuestion, slot: AttemptSlot): boolean {
	switch (question.type) {
		case "multichoice":
			return slot.stemOrder.length === 0 && sameIds(slot.choiceOrder, answerChoiceIds(question));
		case "match": {
			const ids = matchIds(question);
			return sameIds(slot.choiceOrder, ids.choices) && sameIds(slot.stemOrder, ids.stems);
		}
		default:
			return slot.choiceOrder.length === 0 && slot.stemOrder.length === 0;
	}
}

const idsOf = new WeakMap<BankQuestion, { choices: string[]; stems: string[] }>();

function answerChoiceIds(question: BankQuestion & { type: "multichoice" }): string[] {
	let ids = idsOf.get(question);
	if (!ids) idsOf.set(question, (ids = { choices: answerChoices(question).map((c) => c.id), stems: [] }));
	return ids.choices;
}

function matchIds(question: BankQuestion & { type: "match" }): { choices: string[]; stems: string[] } {
	let ids = idsOf.get(question);
	if (!ids) {
		const { stems, choices } = matchParts(question);
		idsOf.set(question, (ids = { choices: choices.map((c) => c.id), stems: stems.map((s) => s.id) }));
	}
	return ids;
}

function sameIds(order: readonly string[], ids: readonly string[]): boolean {
	if (order.length !== ids.length) return false;
	for (const id of ids) if (!order.includes(id)) return false;
	return true;
}

/**
 * What grades a question, and nothing else: its type and mark, the ids of its choices and stems
 * with their weights or pairs, its numbers and accepted answers. Two versions with one key hash
 * grade every response alike and count its answers under the same ids; wording, feedback and
 * translations may differ.
 */
export function keyHash(question: BankQuestion): string {
	return digest([question.type, gradingKey(question)]);
}

function gradingKey(question: BankQuestion): unknown {
	switch (question.type) {
		case "multichoice":
			return [question.single, answerChoices(question).map(({ id, answer }) => [id, answer.fraction])];
		case "truefalse":
			return question.correct;
		case "shortanswer":
			return [
				question.answers.map((answer) => [answer.text, answer.fraction]),
				(question.otherAnswers ?? []).map((answer) => answer.text),
			];
		case "numerical":
			return question.answers.map((answer) => [answer.match, answer.fraction]);
		case "match": {
			const { stems, choices } = matchParts(question);
			return [stems.map((stem) => [stem.id, stem.choiceId]), choices.map((choice) => choice.id)];
		}
		case "essay":
		case "description":
			return null;
	}
}

/** SHA-256 of the value's JSON with its keys sorted, 16 hex digits: stable across processes and key orders. */
function digest(value: unknown): string {
	return createHash("sha256").update(stableJson(value)).digest("hex").slice(0, 16);
}

function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
	if (value && typeof value === "object") {
		const entries = Object.entries(value)
			.filter(([, inner]) => inner !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(",")}}`;
	}
	return JSON.stringify(value) ?? "null";
}
