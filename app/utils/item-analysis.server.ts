import { answerCounts } from "~/domain/quiz/option-counts";
import type { AttemptResponses } from "~/domain/quiz/response";
import { questionTitle } from "~/domain/gift/summary";
import {
	questionFlags,
	questionMarks,
	quizStatistics,
	selectAttempts,
	type StatisticsAttempt,
	type WhichAttempts,
} from "~/domain/quiz/statistics";
import type { QuestionGrade } from "~/domain/quiz/grade";
import type { AttemptPlan, AttemptSlot } from "~/domain/quiz/attempt";
import type { BankQuestion } from "~/domain/quiz/bank";
import {
	keyHash,
	questionVersion,
	sameOptions,
	versionKey,
	type CurrentBanks,
	type VersionContent,
} from "~/domain/quiz/versions";
import { getModule, getQuestionBank, type ModuleInfo } from "./content.server";
import { prisma } from "./db.server";
import { moduleVersions } from "./question-versions.server";

/**
 * Item analysis of one module's quiz (docs/decisions/0054-item-analysis.md) over the submitted
 * attempts of a cohort's members, or of everyone (an admin's view of the whole module). Reading
 * and computing are apart, so that the bench can time each.
 */

export type AnalysisScope = { cohortId: string } | { everyone: true };

/**
 * The version of a question an attempt presented, as item analysis tells versions apart
 * (docs/decisions/0057-item-analysis-across-versions.md): `number` counts the question id's
 * recorded versions, oldest first (null for one not recorded); one object per version, shared by
 * every attempt that presented it.
 */
export type ItemVersion = { hash: string; keyHash: string; number: number | null; question: BankQuestion };

export type AnalysedAttempt = StatisticsAttempt & {
	questionIds: readonly string[];
	responses: AttemptResponses;
	/** The version of each question presented, by question id; null when the attempt can no longer tell it. */
	versions: Readonly<Record<string, ItemVersion | null>>;
};

/** The submitted attempts, each user's in the order they were submitted (so that the first is first). */
export async function readAttempts(moduleSlug: string, scope: AnalysisScope): Promise<AnalysedAttempt[]> {
	const where = {
		moduleSlug,
		submittedAt: { not: null },
		...("cohortId" in scope
			? { user: { cohortMemberships: { some: { cohortId: scope.cohortId, removedAt: null } } } }
			: {}),
	};
	const [rows, recorded, module] = await Promise.all([
		prisma.quizAttempt.findMany({
			where,
			select: { id: true, userId: true, questionMarks: true, responses: true, plan: true },
			orderBy: { submittedAt: "asc" },
		}),
		moduleVersions(moduleSlug),
		getModule(moduleSlug),
	]);
	// Attempts graded before their marks were kept apart (none since migration 0005) read them from the grades.
	const unkept = rows.filter((row) => row.questionMarks === null);
	const grades = unkept.length
		? new Map(
				(
					await prisma.quizAttempt.findMany({
						where: { id: { in: unkept.map((row) => row.id) } },
						select: { id: true, grades: true },
					})
				).map((row) => [row.id, row.grades]),
			)
		: new Map<string, string | null>();
	const catalogue = versionCatalogue(recorded);
	return rows.map((row) => {
		const marks: Record<string, number | null> = row.questionMarks
			? JSON.parse(row.questionMarks)
			: questionMarks(JSON.parse(grades.get(row.id) ?? "[]") as QuestionGrade[]);
		// Written by the quiz engine through its schemas; read back as they were stored.
		const responses = JSON.parse(row.responses) as AttemptResponses;
		const plan = JSON.parse(row.plan) as AttemptPlan;
		return {
			userId: row.userId,
			marks,
			questionIds: Object.keys(marks),
			responses,
			versions: catalogue.of(plan, module?.banks ?? null),
		};
	});
}

/** The recorded versions by key, numbered per question id, and each attempt's versions read through them. */
function versionCatalogue(recorded: Awaited<ReturnType<typeof moduleVersions>>) {
	const counts = new Map<string, number>();
	const byKey = new Map<string, ItemVersion>();
	for (const row of recorded) {
		const number = (counts.get(row.questionId) ?? 0) + 1;
		counts.set(row.questionId, number);
		// Written by recordVersions from the engine's own questions; read back as stored.
		const content = JSON.parse(row.content) as VersionContent;
		byKey.set(versionKey(row.questionId, row.hash), {
			hash: row.hash,
			keyHash: row.keyHash,
			number,
			question: content.en,
		});
	}
	const ofBank = new Map<string, ItemVersion | null>();
	/** The bank's version of the slot's question, when it is the one the slot presented. */
	const currentEntry = (current: CurrentBanks | null, slot: AttemptSlot, hash: string | undefined) => {
		const question = current?.en.byId.get(slot.questionId);
		if (!current || !question || !sameOptions(question, slot)) return null;
		if (!ofBank.has(slot.questionId)) {
			const version = questionVersion(current, slot.questionId);
			const known = byKey.get(versionKey(slot.questionId, version.hash));
			ofBank.set(
				slot.questionId,
				known ?? { hash: version.hash, keyHash: version.keyHash, number: null, question: version.content.en },
			);
		}
		const entry = ofBank.get(slot.questionId)!;
		return hash === undefined || entry?.hash === hash ? entry : null;
	};
	return {
		/**
		 * The version of each question of the plan: the recorded one; for a slot without one (a plan
		 * the backfill has not seen, written by a tool since the start) the bank's question when its
		 * choice ids fit: 10,000 attempts are read here at once, and the backfill, grading again, has
		 * judged every attempt made before versions. A slot found gone, or not fitting, has none.
		 */
		of(plan: AttemptPlan, current: CurrentBanks | null) {
			const versions: Record<string, ItemVersion | null> = {};
			for (const slot of plan.slots) {
				const recorded = slot.version === undefined ? undefined : byKey.get(versionKey(slot.questionId, slot.version));
				versions[slot.questionId] = slot.gone ? null : (recorded ?? currentEntry(current, slot, slot.version));
			}
			return versions;
		},
	};
}

/**
 * One row of the analysis: a question id and the versions of it pooled together, those that
 * share its key (docs/decisions/0057), or the attempts that can no longer tell their version.
 */
type Row = {
	/** Unique in the analysis: the question id, or with the versions' number when a question has several rows. */
	key: string;
	questionId: string;
	keyHash: string | null;
	/** The recorded versions pooled in the row, by number. */
	versions: number[];
	/** The question as its latest pooled version (or the bank, when the row holds the bank's key) has it; null when unknown. */
	question: BankQuestion | null;
	/** The row holds the question as the bank has it now. */
	current: boolean;
};

export function analyse(module: ModuleInfo, attempts: readonly AnalysedAttempt[], which: WhichAttempts) {
	const bank = getQuestionBank(module);
	const rows = analysisRows(module, attempts);
	const rowOf = (attempt: AnalysedAttempt, questionId: string) => {
		const version = attempt.versions[questionId];
		return rows.byGroup.get(groupOf(questionId, version?.keyHash ?? null))!;
	};
	// Mostly every question has one row, under its own id: the attempts are read as they are.
	const pooled = rows.list.every((row) => row.key === row.questionId)
		? attempts
		: attempts.map((attempt) => {
				const marks: Record<string, number | null> = {};
				const responses: AttemptResponses = {};
				for (const [id, mark] of Object.entries(attempt.marks)) {
					const row = rowOf(attempt, id);
					marks[row.key] = mark ?? null;
					const response = attempt.responses[id];
					if (response) responses[row.key] = response;
				}
				return { ...attempt, marks, responses, questionIds: Object.keys(marks) };
			});
	const statistics = quizStatistics(
		rows.list.map((row) => ({ id: row.key, maxMark: 1 })),
		pooled,
		which,
	);
	const asked = rows.list.flatMap((row) => (row.question ? [{ ...row.question, id: row.key }] : []));
	const answers = answerCounts(
		{ questions: asked, byId: new Map(asked.map((q) => [q.id, q])) },
		selectAttempts(pooled, which),
	);
	return { bank, rows: rows.list, statistics, answers };
}

function groupOf(questionId: string, keyHash: string | null) {
	return `${questionId}\u0000${keyHash ?? ""}`;
}

/**
 * The rows: the bank's questions in its order, each with its versions grouped by key (the bank's
 * own key first), then questions no longer in the bank; attempts that cannot tell their version
 * make a row of their own.
 */
function analysisRows(module: ModuleInfo, attempts: readonly AnalysedAttempt[]) {
	const bank = getQuestionBank(module);
	const groups = new Map<string, Row>();
	const add = (questionId: string, keyHash: string | null, version: ItemVersion | null, current: boolean) => {
		const group = groupOf(questionId, keyHash);
		let row = groups.get(group);
		if (!row) {
			row = { key: "", questionId, keyHash, versions: [], question: null, current: false };
			groups.set(group, row);
		}
		if (current) row.current = true;
		if (version?.number && !row.versions.includes(version.number)) row.versions.push(version.number);
		if (version && !row.current && (row.question === null || (version.number ?? Infinity) >= Math.max(...row.versions)))
			row.question = version.question;
	};
	for (const question of bank.questions) {
		if (question.type === "description") continue;
		add(question.id, keyHash(question), null, true);
		groups.get(groupOf(question.id, keyHash(question)))!.question = question;
	}
	// Each version once: the attempts share one object per version (readAttempts).
	const seen = new Set<ItemVersion>();
	const unknown = new Set<string>();
	for (const attempt of attempts)
		for (const id in attempt.marks) {
			const version = attempt.versions[id] ?? null;
			const known = version ? seen.has(version) : unknown.has(id);
			if (known) continue;
			if (version) seen.add(version);
			else unknown.add(id);
			add(id, version?.keyHash ?? null, version, false);
		}
	const order = new Map(bank.questions.map((q, index) => [q.id, index]));
	const list = [...groups.values()]
		.map((row) => ({ ...row, versions: row.versions.sort((a, b) => a - b) }))
		.sort(
			(a, b) =>
				(order.get(a.questionId) ?? Infinity) - (order.get(b.questionId) ?? Infinity) ||
				(a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0) ||
				Number(b.current) - Number(a.current) ||
				Number(a.keyHash === null) - Number(b.keyHash === null) ||
				(a.versions[0] ?? Infinity) - (b.versions[0] ?? Infinity),
		);
	const perQuestion = new Map<string, number>();
	for (const row of list) perQuestion.set(row.questionId, (perQuestion.get(row.questionId) ?? 0) + 1);
	for (const row of list) {
		row.key =
			perQuestion.get(row.questionId) === 1
				? row.questionId
				: `${row.questionId}-${row.keyHash === null ? "unknown" : `v${row.versions[0] ?? "now"}`}`;
	}
	return { list, byGroup: new Map(list.map((row) => [groupOf(row.questionId, row.keyHash), row])) };
}

/** The analysis as the page and the exports show it: test figures, then each question with its figures, flags and answers. */
export async function itemAnalysis(module: ModuleInfo, scope: AnalysisScope, which: WhichAttempts) {
	const attempts = await readAttempts(module.slug, scope);
	const { rows, statistics, answers } = analyse(module, attempts, which);
	const byId = new Map(statistics.questions.map((q) => [q.id, q]));
	const questions = rows.map((row, index) => {
		const stats = byId.get(row.key)!;
		const counted = answers.get(row.key);
		return {
			/** Unique in the analysis (an anchor on the page). */
			id: row.key,
			questionId: row.questionId,
			number: index + 1,
			type: row.question?.type ?? null,
			title: row.question ? questionTitle(row.question) : row.questionId,
			text: row.question?.text.text ?? "",
			/** The recorded versions pooled in this row; `current`: it holds the bank's question as it is now. */
			version: {
				numbers: row.versions,
				current: row.current,
				removed: !module.banks?.en.byId.has(row.questionId),
				known: row.keyHash !== null,
			},
			stats,
			flags: questionFlags(stats),
			presented: counted?.presented ?? stats.attempts,
			answered: counted?.answered ?? 0,
			answers: (counted?.counts ?? []).map((c) => ({
				key: c.key,
				text: typeof c.text === "string" ? c.text : c.text.text,
				count: c.count,
				right: c.right,
			})),
		};
	});
	const { questions: _perQuestion, ...test } = statistics;
	return { which, total: attempts.length, test, questions };
}

export type ItemAnalysis = Awaited<ReturnType<typeof itemAnalysis>>;

/** First attempts unless the address asks for all (`?attempts=all`). */
export function whichAttempts(params: URLSearchParams): WhichAttempts {
	return params.get("attempts") === "all" ? "all" : "first";
}
