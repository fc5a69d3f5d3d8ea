import { PRACTICE_STATE } from "../dsm/codelists";
import { compileExercise, sourceFiles, type CompileExercise } from "../dsm/exercises/compile";
import { findAndFixExercise, scoreFindAndFix, type FindAndFixExercise } from "../dsm/exercises/find-and-fix";
import { scoreTable, type CellDifference } from "../dsm/exercises/score";
import type { Localized } from "../dsm/localized";
import type { IndicatorId } from "../dsm/model";
import { describeKey, type Observation } from "../dsm/observation";
import type { ValidationContext } from "../dsm/rules/check";

/**
 * The sandbox's exercises (docs/decisions/0065-sandbox-exercises-and-scores.md): what a lesson's
 * `<Exercise link="sandbox" exercise="…">` opens. Each is the engine's generator
 * (app/domain/dsm/exercises) with a seed of the trainee's own, stored with the workspace, so the
 * trainee gets the same records every time and another trainee gets others.
 */

export type ExerciseKind = "compile" | "find-and-fix" | "practice";

export type SandboxExercise = {
	readonly id: string;
	readonly kind: ExerciseKind;
	/** The indicators the trainee fills in and is scored on. */
	readonly indicators: readonly IndicatorId[];
	readonly title: Localized;
	readonly lead: Localized;
	/** The lesson section that sets it. */
	readonly section: string;
	/** Practice workspaces opened from a lesson: their state and period. */
	readonly practice?: { readonly refArea: string; readonly period: string };
};

const ALL_COMPILED: readonly IndicatorId[] = ["IND1", "IND3", "IND4", "IND5", "IND6"];

export const EXERCISES: readonly SandboxExercise[] = [
	{
		id: "compile-ind3",
		kind: "compile",
		indicators: ["IND3"],
		title: { en: "Compile IND3 from the border-crossing log", ru: "Составьте IND3 по журналу пересечений границы" },
		lead: {
			en: "Aggregate Arcadia's border-crossing log into IND3: foreigners entering in the year, each person once.",
			ru: "Сведите журнал пересечений границы Аркадии в IND3: иностранцы, въехавшие за год, каждый человек один раз.",
		},
		section: "/modules/data-collection-and-processing/checking-and-documenting",
	},
	{
		id: "compile-ind1",
		kind: "compile",
		indicators: ["IND1"],
		title: { en: "Compile IND1 from the residence register", ru: "Составьте IND1 по регистру проживания" },
		lead: {
			en: "Count the foreigners registered in Arcadia on 1 January from the residence register extract.",
			ru: "Подсчитайте по выписке из регистра проживания иностранцев, зарегистрированных в Аркадии на 1 января.",
		},
		section: "/modules/data-collection-and-processing/checking-and-documenting",
	},
	{
		id: "compile-arcadia",
		kind: "compile",
		indicators: ALL_COMPILED,
		title: { en: "Compile a year of Arcadia: IND1, IND3–IND6", ru: "Год Аркадии целиком: IND1, IND3–IND6" },
		lead: {
			en: "All three source files of one year aggregated into five indicators, scored cell by cell.",
			ru: "Все три исходных файла одного года, сведённые в пять показателей, с оценкой по каждой ячейке.",
		},
		section: "/modules/data-sharing-mechanism/the-six-indicators",
	},
	{
		id: "find-and-fix",
		kind: "find-and-fix",
		indicators: ALL_COMPILED,
		title: { en: "Find and fix: Arcadia's submission", ru: "Найти и исправить: передача данных Аркадии" },
		lead: {
			en: "A submission of Arcadia with five planted errors. Reach a clean validation without changing a correct cell.",
			ru: "Передача данных Аркадии с пятью внесёнными ошибками. Добейтесь чистой проверки, не изменив ни одной правильной ячейки.",
		},
		section: "/modules/data-sharing-mechanism/confidentiality-and-revisions",
	},
	{
		id: "practice-ind2-xa-2025",
		kind: "practice",
		indicators: ["IND2"],
		title: { en: "Practice: IND2 for Arcadia, 2025", ru: "Практика: IND2 для Аркадии, 2025" },
		lead: {
			en: "A practice workspace for the work-permit table of module 3's exercise.",
			ru: "Практическая рабочая область для таблицы разрешений на работу из упражнения модуля 3.",
		},
		section: "/modules/data-exchange-and-sharing/confidentiality-and-data-protection",
		practice: { refArea: PRACTICE_STATE.code, period: "2025" },
	},
	{
		id: "practice-ind5-xa-2025",
		kind: "practice",
		indicators: ["IND5"],
		title: { en: "Practice: IND5 for Arcadia, 2025", ru: "Практика: IND5 для Аркадии, 2025" },
		lead: {
			en: "A practice workspace for module 12's IND5 file: import it as it is and correct it.",
			ru: "Практическая рабочая область для файла IND5 из модуля 12: загрузите его как есть и исправьте.",
		},
		section: "/modules/data-sharing-mechanism/confidentiality-and-revisions",
		practice: { refArea: PRACTICE_STATE.code, period: "2025" },
	},
	{
		id: "practice-ind6-xa-2025",
		kind: "practice",
		indicators: ["IND6"],
		title: { en: "Practice: IND6 for Arcadia, 2025", ru: "Практика: IND6 для Аркадии, 2025" },
		lead: {
			en: "A practice workspace for module 14's rounded IND6 table.",
			ru: "Практическая рабочая область для округлённой таблицы IND6 из модуля 14.",
		},
		section: "/modules/additional-technical-data-issues/metadata-notes",
		practice: { refArea: PRACTICE_STATE.code, period: "2025" },
	},
];

export function exerciseById(id: string | undefined): SandboxExercise | undefined {
	return EXERCISES.find((exercise) => exercise.id === id);
}

/** The scored exercises (compile and find and fix), as the trainee's list shows them. */
export const SCORED_EXERCISES = EXERCISES.filter((exercise) => exercise.kind !== "practice");

/**
 * The trainee's seed for an exercise: a 31-bit hash (FNV-1a) of their id and the exercise's, so
 * that opening the exercise again, on any machine, gives the same records. Stored with the
 * workspace all the same (ADR 0017: the stored seed is what counts).
 */
export function seedFor(userId: string, exerciseId: string): number {
	let hash = 0x811c9dc5;
	for (const char of `${userId}|${exerciseId}`) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash & 0x7fffffff;
}

const FIND_AND_FIX_ERRORS = 5;

const only = (indicators: readonly IndicatorId[], observations: readonly Observation[]) =>
	observations.filter((observation) => indicators.includes(observation.indicator));

export type Generated =
	| { readonly kind: "compile"; readonly exercise: CompileExercise }
	| { readonly kind: "find-and-fix"; readonly exercise: FindAndFixExercise };

export function generate(exercise: SandboxExercise, seed: number): Generated | undefined {
	if (exercise.kind === "compile") return { kind: "compile", exercise: compileExercise(seed) };
	if (exercise.kind === "find-and-fix")
		return { kind: "find-and-fix", exercise: findAndFixExercise(seed, FIND_AND_FIX_ERRORS) };
	return undefined;
}

/** The state, the reference period and the task the workspace opens with. */
export function exerciseSetting(
	exercise: SandboxExercise,
	seed: number,
): { refArea: string; period: string; task?: Localized } {
	const generated = generate(exercise, seed);
	if (!generated) return exercise.practice ?? { refArea: PRACTICE_STATE.code, period: "2025" };
	return {
		refArea: generated.exercise.state.code,
		period: String(generated.exercise.year),
		task: generated.exercise.task,
	};
}

/** What validating the trainee's table needs beyond the state: the exercise's window, pending cases. */
export function exerciseContext(exercise: SandboxExercise, seed: number): ValidationContext | undefined {
	return generate(exercise, seed)?.exercise.context;
}

/** The observations the workspace starts with: the find-and-fix submission; nothing for the others. */
export function startingContent(exercise: SandboxExercise, seed: number): Observation[] {
	const generated = generate(exercise, seed);
	return generated?.kind === "find-and-fix" ? [...generated.exercise.submission] : [];
}

/** The raw source files of a compile exercise (name → CSV text). */
export function exerciseFiles(exercise: SandboxExercise, seed: number): Record<string, string> {
	const generated = generate(exercise, seed);
	return generated?.kind === "compile" ? sourceFiles(generated.exercise.sources) : {};
}

/** A cell of the score, as stored with the submission (SandboxSubmission.scoring) and shown. */
export type ScoredCell = {
	readonly key: string;
	/** wrong: another value; missing: not given; extra: not in the answer, or given twice; changed: a correct cell changed (find and fix); unfixed: a planted error left. */
	readonly why: "wrong" | "missing" | "extra" | "changed" | "unfixed";
	readonly expected?: string;
	readonly submitted?: string;
};

export type ExerciseScore = {
	readonly kind: "compile" | "find-and-fix";
	readonly score: number;
	readonly maxScore: number;
	/** Compile: cells of the answer and cells right. */
	readonly cells?: number;
	readonly correct?: number;
	/** Find and fix: errors planted and fixed, correct cells and those left alone. */
	readonly planted?: number;
	readonly fixed?: number;
	readonly correctCells?: number;
	readonly leftAlone?: number;
	/** Validation of the submitted table found no error. */
	readonly clean?: boolean;
	/** The cells that lost marks (the first SHOWN_CELLS), and how many there were. */
	readonly cellsWrong: readonly ScoredCell[];
	readonly cellsWrongTotal: number;
};

export const SHOWN_CELLS = 200;

const asScored =
	(why: ScoredCell["why"]) =>
	(difference: CellDifference): ScoredCell => ({
		key: difference.key,
		why,
		...(difference.expected === undefined ? {} : { expected: difference.expected }),
		...(difference.submitted === undefined ? {} : { submitted: difference.submitted }),
	});

/**
 * The score of a submitted table. Compile: the share of the answer's cells (of the exercise's
 * indicators) given right. Find and fix: the planted errors fixed, less one for every correct cell
 * changed (a table forced to add up around a wrong value scores nothing), out of the errors planted.
 */
export function scoreExercise(
	exercise: SandboxExercise,
	seed: number,
	submitted: readonly Observation[],
): ExerciseScore | undefined {
	const generated = generate(exercise, seed);
	if (!generated) return undefined;
	if (generated.kind === "compile") {
		const table = scoreTable(
			only(exercise.indicators, generated.exercise.answer),
			only(exercise.indicators, submitted),
		);
		const lost = [
			...table.wrong.map(asScored("wrong")),
			...table.missing.map(asScored("missing")),
			...table.extra.map(asScored("extra")),
		];
		return {
			kind: "compile",
			score: table.correct,
			maxScore: table.cells,
			cells: table.cells,
			correct: table.correct,
			cellsWrong: lost.slice(0, SHOWN_CELLS),
			cellsWrongTotal: lost.length,
		};
	}
	const found = scoreFindAndFix(generated.exercise, submitted);
	const planted = generated.exercise.planted.length;
	const unfixedKeys = new Set(found.unfixed.map((cell) => cell.key));
	const { planted: errors, submission } = generated.exercise;
	// The unit planted (crossings in a table of persons) is an attribute: the cell's value alone does not show it.
	const unitOf = new Map(generated.exercise.answer.map((o) => [describeKey(o), o.attributes.UNIT]));
	const unitWrong = new Set(
		submitted.filter((o) => unitOf.get(describeKey(o)) !== o.attributes.UNIT).map((o) => describeKey(o)),
	);
	// An error is fixed when neither the cell as it should be nor the planted row is still off.
	const fixed = errors.filter((error) => {
		const plantedRow = submission[error.row - 2];
		const stillOff = (key: string) => unfixedKeys.has(key) || unitWrong.has(key);
		return !stillOff(error.key) && !(plantedRow && stillOff(describeKey(plantedRow)));
	}).length;
	const correctCells = found.table.cells - new Set(errors.map((error) => error.key)).size;
	const changed = found.changedCorrectCells.length;
	const lost = [...found.unfixed.map(asScored("unfixed")), ...found.changedCorrectCells.map(asScored("changed"))];
	return {
		kind: "find-and-fix",
		score: Math.max(0, fixed - changed),
		maxScore: planted,
		planted,
		fixed,
		correctCells,
		leftAlone: Math.max(0, correctCells - changed),
		clean: found.clean,
		cellsWrong: lost.slice(0, SHOWN_CELLS),
		cellsWrongTotal: lost.length,
	};
}

/**
 * An upload into an exercise: every row of the indicators the file brings is replaced, whatever its
 * period or state, so that a corrected file removes a planted row of the wrong year or state (a
 * practice workspace keeps other periods: app/domain/sandbox/content.ts mergeContent).
 */
export function mergeByIndicator(previous: readonly Observation[], incoming: readonly Observation[]): Observation[] {
	const replaced = new Set(incoming.map((observation) => observation.indicator));
	return [...previous.filter((observation) => !replaced.has(observation.indicator)), ...incoming];
}
