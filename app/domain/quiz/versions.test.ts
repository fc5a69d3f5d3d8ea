import { describe, expect, it } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt } from "./attempt";
import { gradeAttempt } from "./attempt-grade";
import { bilingualBanks } from "./bilingual";
import { answerChoices } from "./choices";
import { publicQuestions } from "./public-view";
import { questionMarks } from "./statistics";
import { attemptQuestions, keyHash, questionVersion, versionedPlan, versionKey, type VersionContent } from "./versions";

const ENGLISH = `
::m01-q01 Stock::Which is a stock?{=Residents on 1 January#Counted at a date~Entries during the year#Counted over a period}

::m01-q02 Count::How many indicators does the DSM exchange?{#6:0#Six}

::m01-q03 Essay::Describe the flow.{}
`;

const RUSSIAN = `
::m01-q01 Запас::Что такое запас?{=Жители на 1 января#На дату~Прибывшие за год#За период}

::m01-q02 Число::Сколько показателей передаёт МОД?{#6:0#Шесть}

::m01-q03 Эссе::Опишите поток.{}
`;

const banksOf = (english: string, russian: string | null = RUSSIAN) =>
	bilingualBanks(parseGift(english).questions, russian === null ? null : parseGift(russian).questions);
const banks = banksOf(ENGLISH);
const WHOLE = { questionsPerAttempt: null, shuffle: false } as const;

/** The versions as the database keeps them, read back through JSON. */
function storedOf(versions: ReturnType<typeof versionedPlan>["versions"]) {
	return new Map(
		versions.map((v) => [versionKey(v.questionId, v.hash), JSON.parse(JSON.stringify(v.content)) as VersionContent]),
	);
}

describe("a question's version", () => {
	it("is the same for the same question, wherever it stands in the file", () => {
		const moved = banksOf(`\n\n\n${ENGLISH}`);
		expect(questionVersion(moved, "m01-q01").hash).toBe(questionVersion(banks, "m01-q01").hash);
		expect(questionVersion(banks, "m01-q01").hash).toMatch(/^[0-9a-f]{16}$/);
		expect(questionVersion(banks, "m01-q01").content.ru!.text.text).toBe("Что такое запас?");
	});

	it("changes with the wording, the feedback or the translation, its key only with what grades it", () => {
		const base = questionVersion(banks, "m01-q01");
		const reworded = questionVersion(banksOf(ENGLISH.replace("Which is a stock?", "Which one is a stock?")), "m01-q01");
		const feedback = questionVersion(banksOf(ENGLISH.replace("#Counted at a date", "#A date")), "m01-q01");
		const translated = questionVersion(banksOf(ENGLISH, RUSSIAN.replace("Что такое", "Что есть")), "m01-q01");
		for (const other of [reworded, feedback, translated]) {
			expect(other.hash).not.toBe(base.hash);
			expect(other.keyHash).toBe(base.keyHash);
		}
		// A reworded choice has another id; a moved weight grades otherwise; another number too.
		const choice = questionVersion(banksOf(ENGLISH.replace("Entries during", "Arrivals during"), null), "m01-q01");
		const weight = questionVersion(
			banksOf(ENGLISH.replace("{=Residents", "{~Residents").replace("~Entries", "=Entries"), null),
			"m01-q01",
		);
		const number = questionVersion(banksOf(ENGLISH.replace("#6:0", "#7:0"), null), "m01-q02");
		expect(choice.keyHash).not.toBe(base.keyHash);
		expect(weight.keyHash).not.toBe(base.keyHash);
		expect(number.keyHash).not.toBe(questionVersion(banks, "m01-q02").keyHash);
		expect(keyHash(banks.en.byId.get("m01-q03")!)).toBe(
			keyHash(banksOf(ENGLISH.replace("Describe", "Tell")).en.byId.get("m01-q03")!),
		);
	});
});

describe("an attempt's questions", () => {
	const { plan, versions } = versionedPlan(buildAttempt(banks.en, WHOLE), banks);
	const stock = answerChoices(banks.en.byId.get("m01-q01") as never);
	const responses = {
		"m01-q01": { kind: "choice" as const, choiceId: stock[0]!.id },
		"m01-q02": { kind: "number" as const, value: 6 },
		"m01-q03": { kind: "text" as const, text: "It moves." },
	};
	const graded = gradeAttempt({ bank: banks.en, plan, responses, passMark: 50 });
	const marks = questionMarks(graded.questions);

	it("refer to their versions from the plan", () => {
		expect(plan.slots.map((s) => s.version)).toEqual(versions.map((v) => v.hash));
		expect(versions.map((v) => v.type)).toEqual(["multichoice", "numerical", "essay"]);
	});

	it("are the versions they presented, in both languages, whatever the bank says now", () => {
		const now = banksOf(ENGLISH.replace(/::m01-q01[^\n]*\n/, "").replace("How many", "How many, today,"), null);
		const own = attemptQuestions(plan, storedOf(versions), now, { responses, marks });
		expect(own.missing.size).toBe(0);
		expect(own.en.byId.get("m01-q01")!.text.text).toBe("Which is a stock?");
		expect(own.en.byId.get("m01-q02")!.text.text).toBe("How many indicators does the DSM exchange?");
		expect(own.ru!.byId.get("m01-q02")!.text.text).toBe("Сколько показателей передаёт МОД?");
		expect(own.found.versions).toEqual([]);
		// Graded again by them, the attempt grades as it did.
		expect(gradeAttempt({ bank: own.en, plan, responses, passMark: 50 })).toEqual(graded);
		expect(publicQuestions(own.en, plan, own.missing).map((q) => q.type)).toEqual([
			"multichoice",
			"numerical",
			"essay",
		]);
	});

	describe("made before versions were kept", () => {
		const old = { slots: plan.slots.map(({ version: _version, ...slot }) => slot) };

		it("take the bank's questions that still fit, for the backfill to record", () => {
			const own = attemptQuestions(old, new Map(), banks, { responses, marks });
			expect(own.missing.size).toBe(0);
			expect(own.found.versions.map((v) => v.hash)).toEqual(versions.map((v) => v.hash));
			expect(own.found.plan).toEqual(plan);
		});

		it("say which question was removed and which changed, and show them as such without their text", () => {
			const now = banksOf(ENGLISH.replace(/::m01-q01[^\n]*\n/, "").replace("#6:0#Six", "#7:0#Seven"), null);
			const own = attemptQuestions(old, new Map(), now, { responses, marks });
			expect([...own.missing]).toEqual([
				["m01-q01", "removed"],
				["m01-q02", "changed"],
			]);
			expect(own.found.versions.map((v) => v.questionId)).toEqual(["m01-q03"]);
			const shown = publicQuestions(own.en, old, own.missing);
			expect(shown.map((q) => q.type)).toEqual(["removed", "removed", "essay"]);
			expect(JSON.stringify(shown)).not.toContain("Which is a stock?");
			expect(() => publicQuestions(own.en, old)).toThrow(/no longer in the bank/);
		});

		it("mark the questions found gone, for good, so that the backfill judges each attempt once", () => {
			const now = banksOf(ENGLISH.replace(/::m01-q01[^\n]*\n/, ""), null);
			const judged = attemptQuestions(old, new Map(), now, { responses, marks }).found.plan;
			expect(judged.slots.map((slot) => slot.gone ?? slot.version)).toEqual([
				"removed",
				questionVersion(now, "m01-q02").hash,
				questionVersion(now, "m01-q03").hash,
			]);
			// Back in the bank, the question is still not taken: the attempt cannot tell it was the same.
			const back = attemptQuestions(judged, new Map(), banksOf(ENGLISH, null), { responses, marks });
			expect([...back.missing]).toEqual([["m01-q01", "removed"]]);
		});

		it("do not take a question whose choices were reworded, or whose key now grades the answer otherwise", () => {
			const reworded = banksOf(ENGLISH.replace("Entries during", "Arrivals during"), null);
			expect(attemptQuestions(old, new Map(), reworded, { responses, marks }).missing.get("m01-q01")).toBe("changed");
			const swapped = banksOf(ENGLISH.replace("{=Residents", "{~Residents").replace("~Entries", "=Entries"), null);
			expect(attemptQuestions(old, new Map(), swapped, { responses, marks }).missing.get("m01-q01")).toBe("changed");
			// Open (no marks yet), or read without grading again, the same choices are all it can tell.
			expect(attemptQuestions(old, new Map(), swapped, { responses }).missing.size).toBe(0);
			expect(attemptQuestions(old, new Map(), swapped, { responses, marks }, { regrade: false }).missing.size).toBe(0);
			expect(attemptQuestions(old, new Map(), reworded, { responses, marks }, { regrade: false }).missing.size).toBe(1);
		});

		it("keep the stored grade of a question they can no longer show, and take a trainer's mark for it", () => {
			const now = banksOf(ENGLISH.replace(/::m01-q03[^\n]*\n/, ""), null);
			const own = attemptQuestions(old, new Map(), now, { responses, marks });
			expect([...own.missing]).toEqual([["m01-q03", "removed"]]);
			const again = gradeAttempt({
				bank: own.en,
				plan: old,
				responses,
				passMark: 50,
				missing: own.missing,
				stored: graded.questions,
			});
			expect(again).toEqual(graded);
			expect(again.needsGrading).toBe(true);
			const marked = gradeAttempt({
				bank: own.en,
				plan: old,
				responses,
				passMark: 50,
				missing: own.missing,
				stored: graded.questions,
				manualGrades: { "m01-q03": 0.5 },
			});
			expect(marked.score).toBe(2.5);
			expect(marked.needsGrading).toBe(false);
			expect(marked.questions[2]).toMatchObject({ questionId: "m01-q03", state: "partial", fraction: 0.5 });
			// Open, a question it can no longer show does not count.
			const open = gradeAttempt({ bank: own.en, plan: old, responses, passMark: 50, missing: own.missing });
			expect(open.maxScore).toBe(2);
			expect(open.questions[2]).toMatchObject({ state: "no-mark", maxMark: 0 });
		});
	});
});
