/**
 * Item analysis of a quiz with Moodle's definitions (docs/decisions/0054-item-analysis.md): the
 * test statistics of mod/quiz/report/statistics/classes/calculator.php and the question
 * statistics of question/classes/statistics/questions/calculator.php, with sample variances
 * (n − 1). Figures come out as Moodle's report shows them: the test's mean, median, standard
 * deviation and standard error in percent of the maximum mark; skewness and kurtosis as plain
 * numbers; alpha and the error ratio in percent; per question the facility, standard deviation,
 * discrimination index, discriminative efficiency and effective weight in percent. A figure that
 * is undefined for the data (one attempt, no variance) is null.
 */

/**
 * What the statistics read of a graded attempt: each question's mark (fraction × its maximum) by
 * id, null while it awaits a trainer; descriptions, worth nothing, are left out. Stored with the
 * attempt (QuizAttempt.questionMarks) so that item analysis reads a few bytes per attempt.
 */
export function questionMarks(
	grades: ReadonlyArray<{ questionId: string; fraction: number | null; maxMark: number }>,
): Record<string, number | null> {
	return Object.fromEntries(
		grades.filter((g) => g.maxMark > 0).map((g) => [g.questionId, g.fraction === null ? null : g.fraction * g.maxMark]),
	);
}

export interface StatisticsQuestion {
	id: string;
	/** What the question is worth (Moodle's maxmark); 1 for every question of our banks. */
	maxMark: number;
}

export interface StatisticsAttempt {
	userId: string;
	/** Whether this is the user's first attempt; when left out, the user's first attempt in the list is. */
	first?: boolean;
	/** Marks by question id; a missing mark (or null: awaiting a trainer) counts as 0. */
	marks: Readonly<Record<string, number | null | undefined>>;
	/** The questions this attempt presented, when it drew some of the bank; left out, it presented them all. */
	questionIds?: readonly string[];
}

/** Moodle's default is the first attempt of each user; "all" treats every attempt as another user's. */
export type WhichAttempts = "first" | "all";

export interface QuestionStatistics {
	id: string;
	/** Attempts that presented the question. */
	attempts: number;
	facility: number | null;
	sd: number | null;
	discrimination: number | null;
	discriminativeEfficiency: number | null;
	effectiveWeight: number | null;
	/** The mark goes down as the total goes up (Moodle's negcovar): the question works against the test. */
	negativeCovariance: boolean;
}

export interface QuizStatistics {
	attempts: number;
	mean: number | null;
	median: number | null;
	sd: number | null;
	skewness: number | null;
	kurtosis: number | null;
	/** Coefficient of internal consistency (Cronbach's alpha), percent. */
	alpha: number | null;
	errorRatio: number | null;
	standardError: number | null;
	questions: QuestionStatistics[];
}

/** The attempts the statistics use: every one, or each user's first. */
export function selectAttempts<T extends StatisticsAttempt>(attempts: readonly T[], which: WhichAttempts): T[] {
	if (which === "all") return [...attempts];
	const seen = new Set<string>();
	return attempts.filter((attempt) => {
		const firstOfUser = !seen.has(attempt.userId);
		seen.add(attempt.userId);
		return attempt.first ?? firstOfUser;
	});
}

/** The attempts used, flat: attempt a presented questions index[offset[a]…offset[a+1]) with those marks. */
type Flat = {
	count: number;
	offset: Int32Array;
	index: Int32Array;
	marks: Float64Array;
	totals: Float64Array;
	maxima: Float64Array;
};

export function quizStatistics(
	questions: readonly StatisticsQuestion[],
	attempts: readonly StatisticsAttempt[],
	which: WhichAttempts = "first",
): QuizStatistics {
	const flat = flatten(questions, selectAttempts(attempts, which));
	const s = flat.count;
	const withEffectiveWeights = effectiveWeights(questionStatistics(questions, flat));
	const result: QuizStatistics = {
		attempts: s,
		mean: null,
		median: null,
		sd: null,
		skewness: null,
		kurtosis: null,
		alpha: null,
		errorRatio: null,
		standardError: null,
		questions: withEffectiveWeights,
	};
	if (s === 0) return result;
	// Each attempt's total in percent of its maximum: Moodle's quiz_report_scale_summarks_as_percentage
	// of sumgrades, since every attempt of a quiz has the same maximum.
	const scores = new Float64Array(s);
	for (let a = 0; a < s; a++) scores[a] = flat.maxima[a]! > 0 ? (100 * flat.totals[a]!) / flat.maxima[a]! : 0;
	const mean = sum(scores) / s;
	const sorted = Float64Array.from(scores).sort();
	result.mean = mean;
	result.median = s % 2 === 0 ? (sorted[s / 2 - 1]! + sorted[s / 2]!) / 2 : sorted[(s - 1) / 2]!;
	if (s < 2) return result;
	let power2 = 0;
	let power3 = 0;
	let power4 = 0;
	for (const score of scores) {
		const d = score - mean;
		power2 += d * d;
		power3 += d * d * d;
		power4 += d * d * d * d;
	}
	result.sd = Math.sqrt(power2 / (s - 1));
	if (s < 3) return result;
	const m2 = power2 / s;
	const m3 = power3 / s;
	const m4 = power4 / s;
	const k2 = (s * m2) / (s - 1);
	const k3 = (s * s * m3) / ((s - 1) * (s - 2));
	if (k2 === 0) return result;
	result.skewness = k3 / Math.pow(k2, 3 / 2);
	if (s > 3) {
		const k4 = (s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2)) / ((s - 1) * (s - 2) * (s - 3));
		result.kurtosis = k4 / (k2 * k2);
	}
	const slots = slotVariances(questions.length, flat);
	if (slots && slots.p > 1) {
		const alpha = ((100 * slots.p) / (slots.p - 1)) * (1 - slots.sumOfVariances / k2);
		const errorRatio = 100 * Math.sqrt(1 - alpha / 100);
		result.alpha = alpha;
		result.errorRatio = Number.isFinite(errorRatio) ? errorRatio : null;
		result.standardError = result.errorRatio === null ? null : (result.errorRatio * result.sd) / 100;
	}
	return result;
}

function flatten(questions: readonly StatisticsQuestion[], attempts: readonly StatisticsAttempt[]): Flat {
	const indexOf = new Map(questions.map((question, index) => [question.id, index]));
	const count = attempts.length;
	const offset = new Int32Array(count + 1);
	const index: number[] = [];
	for (let a = 0; a < count; a++) {
		const attempt = attempts[a]!;
		const start = index.length;
		if (attempt.questionIds) {
			for (const id of attempt.questionIds) {
				const at = indexOf.get(id);
				if (at !== undefined) index.push(at);
			}
		} else {
			for (let q = 0; q < questions.length; q++) index.push(q);
		}
		offset[a + 1] = index.length;
		if (attempt.questionIds && index.length - start > 1) {
			const own = index.slice(start).sort((x, y) => x - y);
			for (let i = 0; i < own.length; i++) index[start + i] = own[i]!;
		}
	}
	const flatIndex = Int32Array.from(index);
	const marks = new Float64Array(flatIndex.length);
	const totals = new Float64Array(count);
	const maxima = new Float64Array(count);
	for (let a = 0; a < count; a++) {
		const attemptMarks = attempts[a]!.marks;
		let total = 0;
		let maximum = 0;
		for (let i = offset[a]!; i < offset[a + 1]!; i++) {
			const question = questions[flatIndex[i]!]!;
			const mark = attemptMarks[question.id] ?? 0;
			marks[i] = mark;
			total += mark;
			maximum += question.maxMark;
		}
		totals[a] = total;
		maxima[a] = maximum;
	}
	return { count, offset, index: flatIndex, marks, totals, maxima };
}

type Walked = QuestionStatistics & { covarianceWithTotal: number | null };

/**
 * Moodle's initial and secondary walkers, for every question at once, over the attempts that
 * presented it: its mark against the rest of the test (the total without this question).
 */
function questionStatistics(questions: readonly StatisticsQuestion[], flat: Flat): Walked[] {
	const presentations = new Int32Array(questions.length);
	for (const q of flat.index) presentations[q]!++;
	const marks = questions.map((_, q) => new Float64Array(presentations[q]!));
	const totals = questions.map((_, q) => new Float64Array(presentations[q]!));
	const filled = new Int32Array(questions.length);
	for (let a = 0; a < flat.count; a++) {
		for (let i = flat.offset[a]!; i < flat.offset[a + 1]!; i++) {
			const q = flat.index[i]!;
			const at = filled[q]!++;
			marks[q]![at] = flat.marks[i]!;
			totals[q]![at] = flat.totals[a]!;
		}
	}
	return questions.map((question, q) => walk(question, marks[q]!, totals[q]!));
}

function walk(question: StatisticsQuestion, marks: Float64Array, totals: Float64Array): Walked {
	const s = marks.length;
	const empty: Walked = {
		id: question.id,
		attempts: s,
		facility: null,
		sd: null,
		discrimination: null,
		discriminativeEfficiency: null,
		effectiveWeight: null,
		negativeCovariance: false,
		covarianceWithTotal: null,
	};
	if (s === 0) return empty;
	const rests = new Float64Array(s);
	for (let i = 0; i < s; i++) rests[i] = totals[i]! - marks[i]!;
	const markAverage = sum(marks) / s;
	const restAverage = sum(rests) / s;
	const totalAverage = sum(totals) / s;
	const facility = question.maxMark !== 0 ? (100 * markAverage) / question.maxMark : null;
	if (s < 2) return { ...empty, facility };

	const sortedMarks = Float64Array.from(marks).sort();
	const sortedRests = Float64Array.from(rests).sort();
	let markVarianceSum = 0;
	let restVarianceSum = 0;
	let covarianceSum = 0;
	let covarianceMaxSum = 0;
	let covarianceWithTotalSum = 0;
	for (let i = 0; i < s; i++) {
		const dm = marks[i]! - markAverage;
		const dr = rests[i]! - restAverage;
		markVarianceSum += dm * dm;
		restVarianceSum += dr * dr;
		covarianceSum += dm * dr;
		covarianceMaxSum += (sortedMarks[i]! - markAverage) * (sortedRests[i]! - restAverage);
		covarianceWithTotalSum += dm * (totals[i]! - totalAverage);
	}
	const markVariance = markVarianceSum / (s - 1);
	const restVariance = restVarianceSum / (s - 1);
	const covariance = snap(covarianceSum / (s - 1));
	const covarianceMax = snap(covarianceMaxSum / (s - 1));
	const covarianceWithTotal = snap(covarianceWithTotalSum / (s - 1));
	const sd = Math.sqrt(markVariance);
	return {
		...empty,
		facility,
		sd: question.maxMark !== 0 ? (100 * sd) / question.maxMark : null,
		discrimination:
			markVariance * restVariance !== 0 ? (100 * covariance) / Math.sqrt(markVariance * restVariance) : null,
		discriminativeEfficiency: covarianceMax !== 0 ? (100 * covariance) / covarianceMax : null,
		negativeCovariance: covarianceWithTotal < 0,
		covarianceWithTotal,
	};
}

/**
 * A question's share of the spread of the totals: the square root of its covariance with the
 * total over the sum of those roots (questions with a negative covariance have none and add
 * nothing).
 */
function effectiveWeights(walked: readonly Walked[]): QuestionStatistics[] {
	const sumOfRoots = walked.reduce(
		(total, q) =>
			q.covarianceWithTotal !== null && q.covarianceWithTotal >= 0 ? total + Math.sqrt(q.covarianceWithTotal) : total,
		0,
	);
	return walked.map(({ covarianceWithTotal, ...question }) => ({
		...question,
		effectiveWeight:
			sumOfRoots !== 0 && covarianceWithTotal !== null && covarianceWithTotal >= 0
				? (100 * Math.sqrt(covarianceWithTotal)) / sumOfRoots
				: null,
	}));
}

/**
 * Moodle's p and sum of mark variances for alpha, in the percent units of the scores. A question
 * every attempt presented is a slot of its own; questions drawn at random fill the remaining
 * slots, each as likely in one slot as another, so each such slot's variance is the pooled
 * variance of the drawn marks. Null when attempts drew different numbers of questions.
 */
function slotVariances(questionCount: number, flat: Flat) {
	const presentedBy = new Int32Array(questionCount);
	for (const q of flat.index) presentedBy[q]!++;
	const fixed = new Uint8Array(questionCount);
	let fixedCount = 0;
	presentedBy.forEach((count, q) => {
		if (count === flat.count) {
			fixed[q] = 1;
			fixedCount++;
		}
	});
	// Sums and sums of squares, per fixed question and for the drawn pool, in percent units.
	const fixedSum = new Float64Array(questionCount);
	const fixedSquares = new Float64Array(questionCount);
	let drawnSum = 0;
	let drawnSquares = 0;
	let drawnCount = 0;
	let drawnPerAttempt = -1;
	for (let a = 0; a < flat.count; a++) {
		const scale = flat.maxima[a]! > 0 ? 100 / flat.maxima[a]! : 0;
		let drawnHere = 0;
		for (let i = flat.offset[a]!; i < flat.offset[a + 1]!; i++) {
			const q = flat.index[i]!;
			const mark = flat.marks[i]! * scale;
			if (fixed[q]) {
				fixedSum[q]! += mark;
				fixedSquares[q]! += mark * mark;
			} else {
				drawnSum += mark;
				drawnSquares += mark * mark;
				drawnCount++;
				drawnHere++;
			}
		}
		if (drawnPerAttempt === -1) drawnPerAttempt = drawnHere;
		else if (drawnPerAttempt !== drawnHere) return null;
	}
	const variance = (total: number, squares: number, n: number) =>
		n < 2 ? 0 : Math.max(0, (squares - (total * total) / n) / (n - 1));
	let sumOfVariances = 0;
	for (let q = 0; q < questionCount; q++) {
		if (fixed[q]) sumOfVariances += variance(fixedSum[q]!, fixedSquares[q]!, flat.count);
	}
	const drawn = Math.max(drawnPerAttempt, 0);
	if (drawn) sumOfVariances += drawn * variance(drawnSum, drawnSquares, drawnCount);
	return { p: fixedCount + drawn, sumOfVariances };
}

function sum(values: ArrayLike<number>): number {
	let total = 0;
	for (let i = 0; i < values.length; i++) total += values[i]!;
	return total;
}

/** Binary rounding leaves ±1e-17 where a covariance is 0; it must not read as negative. */
function snap(value: number): number {
	return Math.abs(value) < 1e-12 ? 0 : value;
}

/**
 * The flags Moodle's users are taught to read the table by: a question that hardly separates
 * stronger from weaker trainees, one nearly everybody or nearly nobody gets right, and one that
 * works against the rest of the test.
 */
export type QuestionFlag = "low-discrimination" | "too-easy" | "too-hard" | "negative-covariance";

export const FLAG_LIMITS = { discrimination: 20, easy: 90, hard: 20 } as const;

export function questionFlags(question: QuestionStatistics): QuestionFlag[] {
	const flags: QuestionFlag[] = [];
	if (question.discrimination !== null && question.discrimination < FLAG_LIMITS.discrimination)
		flags.push("low-discrimination");
	if (question.facility !== null && question.facility > FLAG_LIMITS.easy) flags.push("too-easy");
	if (question.facility !== null && question.facility < FLAG_LIMITS.hard) flags.push("too-hard");
	if (question.negativeCovariance) flags.push("negative-covariance");
	return flags;
}
