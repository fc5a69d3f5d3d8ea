import type { PrismaClient } from "../app/generated/prisma/client";
import { ageBand } from "../app/domain/dsm/exercises/aggregate";
import { compileExercise } from "../app/domain/dsm/exercises/compile";
import { findAndFixExercise } from "../app/domain/dsm/exercises/find-and-fix";
import type { Observation } from "../app/domain/dsm/observation";
import { completeTable } from "../app/domain/dsm/table";
import { exerciseById } from "../app/domain/sandbox/exercises";
import type { Finding } from "../app/domain/sandbox/findings";
import { warningsOf } from "../app/domain/sandbox/submit";

/**
 * The demo's DSM practice sandbox (issue 9): every figure comes from the engine (the generator,
 * the validator, the scores), nothing is written by hand.
 *
 * - trainee@example.org (Ukraine cohort, trainer@example.org): a practice workspace of Arcadia with
 *   three revisions (the first with errors), submission 1 returned with a comment on a cell and
 *   one on the whole, submission 2 waiting in the trainer's queue; and the IND3 compile exercise
 *   submitted with the classic mistake (crossings counted, not persons) and its score.
 * - trainee5@example.org (Kyrgyz cohort, trainer2@example.org, in Russian): the find-and-fix
 *   exercise fixed, scored and accepted with a comment in Russian.
 */

/** IND5 and IND6 of this seed's Arcadia validate with one warning (CROSS-DECISIONS) and no error. */
const PRACTICE_SEED = 2;

/** The trainee's IND3 counting every entry, not every person: it adds up, yet most cells are wrong. */
function crossingsCounted(seed: number): Observation[] {
	const exercise = compileExercise(seed);
	const state = exercise.state.code;
	const entries = exercise.sources.borderCrossings.filter(
		(crossing) =>
			crossing.direction === "IN" && crossing.citizenship !== state && crossing.date.startsWith(`${exercise.year}-`),
	);
	const answer = exercise.answer.filter((observation) => observation.indicator === "IND3");
	const first = answer[0]!;
	const citizens = [...new Set(answer.map((observation) => observation.dimensions.CITIZEN ?? ""))]
		.filter((code) => code !== "TOTAL")
		.sort();
	return completeTable(
		"IND3",
		citizens,
		entries.map((crossing) => ({
			codes: {
				CITIZEN: crossing.citizenship,
				SEX: crossing.sex === "U" ? "UNK" : crossing.sex,
				AGE: ageBand(crossing.birthDate, crossing.date),
			},
			count: 1,
		})),
		{ refArea: state, period: String(exercise.year), frequency: "A", attributes: first.attributes },
	);
}

export async function seedDemoSandbox(prisma: PrismaClient) {
	// The app's own sandbox code, on the same database file (DATABASE_URL), so that the demo goes
	// through the same validation, numbering and scoring as the pages.
	const { createPracticeWorkspace, saveRevision } = await import("../app/utils/sandbox.server");
	const { addComment, decide, openExercise, submitRevision } = await import("../app/utils/sandbox-review.server");
	const userId = async (email: string) =>
		(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
	const workspaceOf = (id: string) =>
		prisma.sandboxWorkspace.findUniqueOrThrow({
			where: { id },
			select: { id: true, ownerId: true, kind: true, exerciseId: true, seed: true, refArea: true },
		});
	const upload = (name: string, incoming: Observation[]) => ({
		source: "upload" as const,
		fileName: name,
		fileBytes: incoming.length * 120,
		format: "sdmx-csv-2.0",
		encoding: "utf-8",
		readIssues: [],
		incoming,
	});

	// trainee@example.org: a practice workspace, three revisions, returned then submitted again.
	const trainee = await userId("trainee@example.org");
	const trainer = await userId("trainer@example.org");
	const year = compileExercise(PRACTICE_SEED);
	const tables = year.answer.filter((o) => o.indicator === "IND5" || o.indicator === "IND6");
	const practice = await workspaceOf(await createPracticeWorkspace(trainee, "XA", String(year.year)));
	// Revision 1: a detailed cell typed wrong and a sex code mistyped (errors of ADD-… and CODE).
	const firstTry = tables.map((o, index) =>
		index === 40
			? { ...o, value: String(Number(o.value) + 3) }
			: index === 60
				? { ...o, dimensions: { ...o.dimensions, SEX: "W" } }
				: o,
	);
	await saveRevision(practice, trainee, upload("arcadia-ind5-ind6.csv", firstTry));
	// Revision 2: fixed; one warning is left, explained in the note.
	await saveRevision(practice, trainee, upload("arcadia-ind5-ind6-fixed.csv", tables));
	const revision2 = await prisma.sandboxRevision.findFirstOrThrow({
		where: { workspaceId: practice.id, number: 2 },
		select: { id: true, findings: true },
	});
	const warnings = warningsOf(JSON.parse(revision2.findings) as Finding[]);
	const note = "Decisions of the year include cases lodged the year before and pending on 1 January.";
	const first = await submitRevision(practice, trainee, Object.fromEntries(warnings.map((w) => [w.id, note])));
	if (!first.ok) throw new Error(`demo sandbox: submission refused (${first.refusal.reason})`);
	const submission1 = await prisma.sandboxSubmission.findFirstOrThrow({
		where: { workspaceId: practice.id, number: 1 },
		select: { id: true },
	});
	const warnedCell = warnings[0]?.finding.cells.find((cell) => cell.key)?.key ?? null;
	await addComment({
		revisionId: revision2.id,
		submissionId: submission1.id,
		authorId: trainer,
		cellKey: warnedCell,
		body: "Right to keep this figure, but the note should give the number of cases pending on 1 January, so that a reader can check the sum.",
	});
	await addComment({
		revisionId: revision2.id,
		submissionId: submission1.id,
		authorId: trainer,
		cellKey: null,
		body: "The tables add up now. Say in the NOTE which instance the decisions are, and the source agency of each table.",
	});
	await decide(submission1.id, trainer, "returned", "Please complete the note as in my two comments and submit again.");
	// Revision 3: the answer, with the NOTE completed; submitted again and waiting in the queue.
	const pendingNote =
		"Decisions of the year, first instance and final, persons; they include cases lodged in the year before and pending on 1 January.";
	const noted = tables.map((o) =>
		o.indicator === "IND6" ? { ...o, attributes: { ...o.attributes, NOTE: pendingNote } } : o,
	);
	await saveRevision(practice, trainee, upload("arcadia-ind5-ind6-note.csv", noted));
	const revision3 = await prisma.sandboxRevision.findFirstOrThrow({
		where: { workspaceId: practice.id, number: 3 },
		select: { findings: true },
	});
	const warnings3 = warningsOf(JSON.parse(revision3.findings) as Finding[]);
	const second = await submitRevision(
		practice,
		trainee,
		Object.fromEntries(warnings3.map((w) => [w.id, `${note} The note now gives them.`])),
	);
	if (!second.ok) throw new Error(`demo sandbox: second submission refused (${second.refusal.reason})`);

	// trainee@example.org: the IND3 compile exercise with crossings counted, scored.
	const compile = await workspaceOf(await openExercise(trainee, exerciseById("compile-ind3")!));
	await saveRevision(compile, trainee, upload("ind3.csv", crossingsCounted(compile.seed!)));
	const scored = await submitRevision(compile, trainee, {});
	if (!scored.ok) throw new Error(`demo sandbox: compile submission refused (${scored.refusal.reason})`);

	// trainee5@example.org, in Russian: find and fix done, accepted.
	const aizada = await userId("trainee5@example.org");
	const trainer2 = await userId("trainer2@example.org");
	const fix = await workspaceOf(await openExercise(aizada, exerciseById("find-and-fix")!));
	await saveRevision(fix, aizada, upload("arkadiya-ispravleno.csv", findAndFixExercise(fix.seed!, 5).answer));
	const fixed = await submitRevision(fix, aizada, {});
	if (!fixed.ok) throw new Error(`demo sandbox: find-and-fix submission refused (${fixed.refusal.reason})`);
	const fixedSubmission = await prisma.sandboxSubmission.findFirstOrThrow({
		where: { workspaceId: fix.id },
		select: { id: true },
	});
	await decide(
		fixedSubmission.id,
		trainer2,
		"accepted",
		"Все пять ошибок исправлены, правильные ячейки не тронуты. Хорошая работа: обратите внимание, как строка не того года исчезла только после загрузки исправленного файла целиком.",
	);
	return {
		practiceRevisions: 3,
		compileScore: scored.score ? `${scored.score.score}/${scored.score.maxScore}` : "",
		findAndFixScore: fixed.score ? `${fixed.score.score}/${fixed.score.maxScore}` : "",
	};
}
