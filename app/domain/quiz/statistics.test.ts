import { describe, expect, it } from "vitest";
import { questionFlags, quizStatistics, selectAttempts, type StatisticsAttempt } from "./statistics";

const three = [
	{ id: "q1", maxMark: 1 },
	{ id: "q2", maxMark: 1 },
	{ id: "q3", maxMark: 1 },
];

function attempt(userId: string, q1: number, q2: number, q3: number, first?: boolean): StatisticsAttempt {
	return { userId, first, marks: { q1, q2, q3 } };
}

const byId = (stats: ReturnType<typeof quizStatistics>, id: string) => stats.questions.find((q) => q.id === id)!;

describe("Moodle's statistics, worked by hand", () => {
	// Five attempts, three questions of 1 mark:
	//   u1: 1 1 1 = 3    u2: 1 1 0 = 2    u3: 1 0 1 = 2    u4: 0 1 0 = 1    u5: 0 0 0 = 0
	// Totals T = 3 2 2 1 0, s = 5, maximum 3.
	const attempts = [
		attempt("u1", 1, 1, 1),
		attempt("u2", 1, 1, 0),
		attempt("u3", 1, 0, 1),
		attempt("u4", 0, 1, 0),
		attempt("u5", 0, 0, 0),
	];
	const stats = quizStatistics(three, attempts);

	it("gives the test statistics", () => {
		// mean T = 8/5 = 1.6 → 1.6/3 = 53.3333 %; median of 0 1 2 2 3 = 2 → 66.6667 %.
		expect(stats.attempts).toBe(5);
		expect(stats.mean).toBeCloseTo(53.3333, 4);
		expect(stats.median).toBeCloseTo(66.6667, 4);
		// T − mean = 1.4 .4 .4 −.6 −1.6; squares 1.96 .16 .16 .36 2.56, sum 5.2;
		// k2 = 5.2 / 4 = 1.3; sd = √1.3 = 1.140175 → 38.0058 % of 3.
		expect(stats.sd).toBeCloseTo(38.0058, 4);
		// cubes 2.744 .064 .064 −.216 −4.096, sum −1.44: m3 = −.288, k3 = 25 · −.288 / (4 · 3) = −.6;
		// skewness = −.6 / 1.3^1.5 = −.6 / 1.482228 = −.404796.
		expect(stats.skewness).toBeCloseTo(-0.404796, 5);
		// fourth powers sum 10.576: m4 = 2.1152, m2 = 1.04;
		// k4 = 25 · (6 · 2.1152 − 3 · 4 · 1.04²) / (4 · 3 · 2) = 25 · −.288 / 24 = −.3; kurtosis = −.3 / 1.3² = −.177515.
		expect(stats.kurtosis).toBeCloseTo(-0.177515, 5);
		// Each question's marks vary by .3 (q1: 1 1 1 0 0, mean .6, squares 1.2, /4), so Σ = .9;
		// alpha = 100 · 3/2 · (1 − .9/1.3) = 46.1538 %.
		expect(stats.alpha).toBeCloseTo(46.1538, 4);
		// error ratio = 100 · √(1 − .461538) = 73.3799 %;
		// standard error = .733799 · 1.140175 = √.7 = .836660 → 27.8887 % of 3.
		expect(stats.errorRatio).toBeCloseTo(73.3799, 4);
		expect(stats.standardError).toBeCloseTo(27.8887, 4);
	});

	it("gives each question's facility, spread and discrimination against the rest of the test", () => {
		// q1: marks 1 1 1 0 0 (mean .6), rest = T − mark = 2 1 1 1 0 (mean 1).
		//   deviations .4 .4 .4 −.6 −.6 and 1 0 0 0 −1: covariance (.4 + .6)/4 = .25;
		//   variances .3 and 2/4 = .5; discrimination = 100 · .25 / √(.3 · .5) = 64.5497 %.
		//   sorted marks 0 0 1 1 1 against sorted rests 0 1 1 1 2: (.6 + .4)/4 = .25 = the maximum
		//   covariance, so the discriminative efficiency is 100 %. sd = √.3 = 54.7723 %.
		const q1 = byId(stats, "q1");
		expect(q1.attempts).toBe(5);
		expect(q1.facility).toBeCloseTo(60, 6);
		expect(q1.sd).toBeCloseTo(54.7723, 4);
		expect(q1.discrimination).toBeCloseTo(64.5497, 4);
		expect(q1.discriminativeEfficiency).toBeCloseTo(100, 6);
		// q2: marks 1 1 0 1 0, rest 2 1 2 0 0: deviations .4 .4 −.6 .4 −.6 and 1 0 1 −1 −1,
		//   products .4 0 −.6 −.4 .6 sum 0: no discrimination at all, and so no efficiency.
		const q2 = byId(stats, "q2");
		expect(q2.discrimination).toBeCloseTo(0, 10);
		expect(q2.discriminativeEfficiency).toBeCloseTo(0, 10);
		// q3: marks 1 0 1 0 0 (mean .4), rest 2 2 1 1 0 (mean 1.2): deviations .6 −.4 .6 −.4 −.4 and
		//   .8 .8 −.2 −.2 −1.2, products .48 −.32 −.12 .08 .48 sum .6: covariance .15;
		//   rest variance 2.8/4 = .7; discrimination = 15 / √(.3 · .7) = 32.7327 %;
		//   sorted 0 0 0 1 1 against 0 1 1 2 2: (.48 + .08 + .08 + .48 + .48)/4 = .4; efficiency = .15/.4 = 37.5 %.
		const q3 = byId(stats, "q3");
		expect(q3.facility).toBeCloseTo(40, 6);
		expect(q3.discrimination).toBeCloseTo(32.7327, 4);
		expect(q3.discriminativeEfficiency).toBeCloseTo(37.5, 6);
	});

	it("gives effective weights from the covariances with the total", () => {
		// Covariance with T (deviations 1.4 .4 .4 −.6 −1.6): q1 2.2/4 = .55, q2 1.2/4 = .3, q3 1.8/4 = .45.
		// Roots .741620 .547723 .670820, sum 1.960163: weights 37.8346 %, 27.9427 %, 34.2226 %.
		expect(byId(stats, "q1").effectiveWeight).toBeCloseTo(37.8346, 3);
		expect(byId(stats, "q2").effectiveWeight).toBeCloseTo(27.9427, 3);
		expect(byId(stats, "q3").effectiveWeight).toBeCloseTo(34.2226, 3);
		expect(stats.questions.every((q) => !q.negativeCovariance)).toBe(true);
	});
});

describe("partial marks and questions of different weight", () => {
	// q1 worth 2 marks, q2 worth 1. Attempts: (2, 1) = 3, (1, 0) = 1, (0.5, 1) = 1.5. Maximum 3.
	const questions = [
		{ id: "q1", maxMark: 2 },
		{ id: "q2", maxMark: 1 },
	];
	const stats = quizStatistics(questions, [
		{ userId: "a", marks: { q1: 2, q2: 1 } },
		{ userId: "b", marks: { q1: 1, q2: 0 } },
		{ userId: "c", marks: { q1: 0.5, q2: 1 } },
	]);

	it("scales the test statistics to percent of the maximum", () => {
		// mean 5.5/3 = 1.833333 → 61.1111 %; median of 1 1.5 3 is 1.5 → 50 %.
		expect(stats.mean).toBeCloseTo(61.1111, 4);
		expect(stats.median).toBeCloseTo(50, 6);
		// deviations 1.166667 −.833333 −.333333, squares sum 2.166667, k2 = 1.083333, sd 1.040833 → 34.6944 %.
		expect(stats.sd).toBeCloseTo(34.6944, 4);
		// cubes sum .972222: m3 = .324074, k3 = 9 · .324074 / 2 = 1.458333; skewness = 1.458333 / 1.083333^1.5 = 1.293343.
		expect(stats.skewness).toBeCloseTo(1.293343, 5);
		// Three attempts: no kurtosis (Moodle needs four).
		expect(stats.kurtosis).toBeNull();
		// Variances: q1 (2 1 .5) 1.166667/2 = .583333, q2 (1 0 1) .666667/2 = .333333, sum .916667;
		// alpha = 100 · 2 · (1 − .916667/1.083333) = 30.7692 %; error ratio 100 · √.692308 = 83.2050 %;
		// standard error √(1.083333 · .692308) = √.75 = .866025 → 28.8675 % of 3.
		expect(stats.alpha).toBeCloseTo(30.7692, 4);
		expect(stats.errorRatio).toBeCloseTo(83.205, 3);
		expect(stats.standardError).toBeCloseTo(28.8675, 4);
	});

	it("gives question figures in percent of each question's own maximum", () => {
		// q1: mean 1.166667 of 2 = 58.3333 %; sd √.583333 = .763763 of 2 = 38.1881 %.
		// rest of q1 is q2: deviations .833333 −.166667 −.666667 and .333333 −.666667 .333333,
		// products sum .166667, covariance .083333; discrimination = 8.3333 / √(.583333 · .333333) = 18.8982 %.
		// sorted .5 1 2 against 0 1 1: products .444444 −.055556 .277778 = .666667, max covariance .333333,
		// efficiency 25 %.
		const q1 = byId(stats, "q1");
		expect(q1.facility).toBeCloseTo(58.3333, 4);
		expect(q1.sd).toBeCloseTo(38.1881, 4);
		expect(q1.discrimination).toBeCloseTo(18.8982, 4);
		expect(q1.discriminativeEfficiency).toBeCloseTo(25, 6);
		const q2 = byId(stats, "q2");
		expect(q2.facility).toBeCloseTo(66.6667, 4);
		expect(q2.sd).toBeCloseTo(57.735, 3);
		expect(q2.discrimination).toBeCloseTo(18.8982, 4);
		// Covariances with the total: q1 1.333333/2 = .666667, q2 .833333/2 = .416667;
		// weights .816497 and .645497 of 1.461994: 55.8482 % and 44.1518 %.
		expect(q1.effectiveWeight).toBeCloseTo(55.8482, 3);
		expect(q2.effectiveWeight).toBeCloseTo(44.1518, 3);
		// Discrimination under 20: flagged.
		expect(questionFlags(q1)).toContain("low-discrimination");
	});
});

describe("figures that are undefined", () => {
	it("a question everybody got right has no discrimination and no efficiency", () => {
		const stats = quizStatistics(three, [
			attempt("a", 1, 1, 0),
			attempt("b", 1, 0, 0),
			attempt("c", 1, 1, 1),
			attempt("d", 1, 0, 1),
		]);
		const q1 = byId(stats, "q1");
		expect(q1.facility).toBe(100);
		expect(q1.sd).toBe(0);
		expect(q1.discrimination).toBeNull();
		expect(q1.discriminativeEfficiency).toBeNull();
		// Its covariance with the total is 0, so it carries none of the weight.
		expect(q1.effectiveWeight).toBe(0);
		expect(q1.negativeCovariance).toBe(false);
		expect(questionFlags(q1)).toEqual(["too-easy"]);
	});

	it("a test on which everybody scores the same has no skewness, kurtosis or alpha", () => {
		const stats = quizStatistics(three, [attempt("a", 1, 0, 1), attempt("b", 0, 1, 1), attempt("c", 1, 1, 0)]);
		expect(stats.mean).toBeCloseTo(66.6667, 4);
		expect(stats.sd).toBe(0);
		expect(stats.skewness).toBeNull();
		expect(stats.kurtosis).toBeNull();
		expect(stats.alpha).toBeNull();
		expect(stats.errorRatio).toBeNull();
		expect(stats.standardError).toBeNull();
	});

	it("one attempt gives its score and facilities, and nothing that needs a spread", () => {
		const stats = quizStatistics(three, [attempt("a", 1, 0.5, 0)]);
		expect(stats).toMatchObject({
			attempts: 1,
			mean: 50,
			median: 50,
			sd: null,
			skewness: null,
			kurtosis: null,
			alpha: null,
			errorRatio: null,
			standardError: null,
		});
		expect(byId(stats, "q2")).toEqual({
			id: "q2",
			attempts: 1,
			facility: 50,
			sd: null,
			discrimination: null,
			discriminativeEfficiency: null,
			effectiveWeight: null,
			negativeCovariance: false,
		});
	});

	it("no attempt gives nulls and no division by zero", () => {
		const stats = quizStatistics(three, []);
		expect(stats.attempts).toBe(0);
		expect(stats.mean).toBeNull();
		expect(stats.questions.every((q) => q.facility === null && q.attempts === 0)).toBe(true);
	});
});

describe("which attempts count", () => {
	const attempts = [
		attempt("a", 1, 1, 1),
		attempt("b", 0, 0, 0),
		attempt("a", 0, 0, 0), // a's second attempt
	];

	it("takes each user's first attempt by default, and every attempt when asked", () => {
		expect(selectAttempts(attempts, "first").length).toBe(2);
		expect(quizStatistics(three, attempts).mean).toBe(50);
		expect(quizStatistics(three, attempts, "all").attempts).toBe(3);
		expect(quizStatistics(three, attempts, "all").mean).toBeCloseTo(33.3333, 4);
	});

	it("follows the `first` flags where the input gives them", () => {
		const flagged = [attempt("a", 0, 0, 0, false), attempt("a", 1, 1, 1, true), attempt("b", 1, 0, 0, true)];
		expect(quizStatistics(three, flagged).attempts).toBe(2);
		expect(quizStatistics(three, flagged).mean).toBeCloseTo(66.6667, 4);
	});

	it("counts a missing or awaited mark as 0", () => {
		const stats = quizStatistics(three, [
			{ userId: "a", marks: { q1: 1 } },
			{ userId: "b", marks: { q1: 1, q2: null, q3: 1 } },
		]);
		expect(stats.mean).toBeCloseTo(50, 6);
		expect(byId(stats, "q2").facility).toBe(0);
	});
});

describe("questions drawn at random from a bank", () => {
	// Four questions, each attempt draws two. Every question's figures come from the attempts that
	// drew it; the test has p = 2 random slots.
	const bank = [...three, { id: "q4", maxMark: 1 }];
	const drawn = (userId: string, marks: Record<string, number>): StatisticsAttempt => ({
		userId,
		marks,
		questionIds: Object.keys(marks),
	});
	const attempts = [
		drawn("a", { q1: 1, q2: 1 }),
		drawn("b", { q1: 0, q3: 0 }),
		drawn("c", { q2: 1, q4: 0 }),
		drawn("d", { q3: 1, q4: 1 }),
		drawn("e", { q1: 1, q4: 0 }),
		drawn("f", { q2: 0, q3: 0 }),
	];
	const stats = quizStatistics(bank, attempts);

	it("counts each question over the attempts that drew it", () => {
		expect(stats.questions.map((q) => q.attempts)).toEqual([3, 3, 3, 3]);
		// q1 in a, b, e: 1 0 1 → 66.6667 %, not diluted by the attempts that never showed it.
		expect(byId(stats, "q1").facility).toBeCloseTo(66.6667, 4);
		expect(byId(stats, "q4").facility).toBeCloseTo(33.3333, 4);
	});

	it("takes alpha over two slots filled from the pool", () => {
		// Scores (of 2): 2 0 1 2 1 0 → 100 0 50 100 50 0 %, mean 50, squares 2500·4 = 10000, k2 = 2000.
		// The twelve drawn marks in percent (a right answer is 50 % of an attempt): six 50 and six 0,
		// mean 25; squares 12 · 625 = 7500, pooled variance 7500 / 11 = 681.8182 per slot.
		// alpha = 100 · 2 · (1 − 2 · 681.8182 / 2000) = 63.6364 %.
		expect(stats.mean).toBe(50);
		expect(stats.alpha).toBeCloseTo(63.6364, 3);
	});
});
