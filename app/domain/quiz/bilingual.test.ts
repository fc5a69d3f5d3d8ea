import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { parseGift } from "~/domain/gift/parse";
import { buildAttempt } from "./attempt";
import { gradeAttempt } from "./attempt-grade";
import { bilingualBanks, gradesInBank, translationProblems } from "./bilingual";
import { publicQuestions, type PublicQuestion } from "./public-view";
import { seededRandom } from "./random";
import { parseAttemptForm, type AttemptResponses, type FormInput } from "./response";

/** The valid fixture's banks: quiz.gift and its twin quiz.ru.gift. */
const DIR = "tests/fixtures/content/valid/modules/01.counting-migrants";
const english = parseGift(fs.readFileSync(`${DIR}/quiz.gift`, "utf8")).questions;
const russian = parseGift(fs.readFileSync(`${DIR}/quiz.ru.gift`, "utf8")).questions;
const banks = bilingualBanks(english, russian);
const ru = banks.ru!;
const plan = buildAttempt(banks.en, { questionsPerAttempt: null, shuffle: true }, seededRandom(4));

/** The texts of a question's choices, by id. */
function choiceTexts(question: PublicQuestion) {
	if (question.type === "multichoice") return question.choices.map((choice) => [choice.id, choice.text.text]);
	if (question.type === "match") return question.choices.map((choice) => [choice.id, choice.text]);
	return [];
}

/**
 * A form as a trainee fills it in seeing `view`: for every question, the choice at `pick` in the
 * order shown (the same ids whatever the language), and `text` for short and numerical answers.
 */
function form(view: readonly PublicQuestion[], pick: number, texts: Record<string, string>): FormInput {
	const input: FormInput = {};
	for (const question of view) {
		if (question.type === "multichoice") {
			const id = question.choices[pick % question.choices.length]!.id;
			input[question.field] = question.single ? id : [id];
		} else if (question.type === "truefalse") input[question.field] = pick % 2 ? "false" : "true";
		else if (question.type === "match") {
			for (const [index, stem] of question.stems.entries())
				input[stem.field] = question.choices[(pick + index) % question.choices.length]!.id;
		} else if (question.type === "shortanswer" || question.type === "numerical")
			input[question.field] = texts[question.id] ?? "";
	}
	return input;
}

function responses(view: readonly PublicQuestion[], input: FormInput): AttemptResponses {
	const parsed = parseAttemptForm(view, input);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
	return parsed.responses;
}

describe("a Russian bank on the English key", () => {
	test("the fixture's twin keeps in step, so it is used", () => {
		expect(translationProblems(english, russian)).toEqual([]);
		expect(banks.ru).not.toBeNull();
	});

	test("the same attempt shows the same choice ids, with the texts of each language in the same positions", () => {
		const en = publicQuestions(banks.en, plan);
		const shown = publicQuestions(ru, plan);
		expect(shown.map((q) => [q.id, q.field, q.type, choiceTexts(q).map(([id]) => id)])).toEqual(
			en.map((q) => [q.id, q.field, q.type, choiceTexts(q).map(([id]) => id)]),
		);
		const q01 = shown.find((q) => q.id === "m01-q01")!;
		expect(q01.text.text).toBe(
			"Работник уезжает за рубеж по контракту на 18 месяцев. При прибытии страна назначения учитывает его как",
		);
		const english01 = new Map(choiceTexts(en.find((q) => q.id === "m01-q01")!) as [string, string][]);
		expect(choiceTexts(q01).map(([id, text]) => [english01.get(id!), text])).toEqual(
			expect.arrayContaining([
				["a long-term immigrant", "долгосрочного иммигранта"],
				["not a migrant", "не мигранта"],
			]),
		);
		const q08 = shown.find((q) => q.id === "m01-q08");
		expect(q08?.type === "match" && q08.choices.map((choice) => choice.text).sort()).toEqual([
			"коэффициент",
			"поток",
			"численность",
		]);
	});

	test.each([0, 1, 2])(
		"an attempt answered in Russian (pattern %i) grades exactly as the same answers in English",
		(pick) => {
			const enView = publicQuestions(banks.en, plan);
			const ruView = publicQuestions(ru, plan);
			const texts = {
				"m01-q04": "12",
				"m01-q07": pick === 1 ? "4 600" : "4550",
				"m01-q10": ["метаданные", "метаописание", "данные"][pick]!,
			};
			const englishTexts = { ...texts, "m01-q10": ["metadata", "meta-description", "data"][pick]! };
			const inRussian = gradeAttempt({
				bank: ru,
				plan,
				responses: responses(ruView, form(ruView, pick, texts)),
				passMark: 70,
			});
			const inEnglish = gradeAttempt({
				bank: banks.en,
				plan,
				responses: responses(enView, form(enView, pick, englishTexts)),
				passMark: 70,
			});
			const marks = (grade: typeof inRussian) => grade.questions.map((q) => [q.questionId, q.state, q.fraction]);
			expect(marks(inRussian)).toEqual(marks(inEnglish));
			expect(inRussian.percent).toBe(inEnglish.percent);
			// The key itself grades the Russian answers the same: statistics pool both languages.
			const keyGrade = gradeAttempt({
				bank: banks.en,
				plan,
				responses: responses(ruView, form(ruView, pick, texts)),
				passMark: 70,
			});
			expect(marks(keyGrade)).toEqual(marks(inRussian));
		},
	);

	test("short answers accept both languages' answers, each at its own position's mark, with the reader's feedback", () => {
		const question = (bank: typeof ru) => bank.byId.get("m01-q10")!;
		const grade = (bank: typeof ru, text: string) => {
			const g = gradeAttempt({
				bank,
				plan: { slots: [{ questionId: "m01-q10", choiceOrder: [], stemOrder: [] }] },
				responses: { "m01-q10": { kind: "text", text } },
				passMark: 70,
			});
			return [g.questions[0]!.fraction, g.questions[0]!.feedback.map((f) => f.text)];
		};
		expect(question(ru).type).toBe("shortanswer");
		expect(grade(ru, "metadata")).toEqual([1, ["Верно."]]);
		expect(grade(ru, "МЕТАДАННЫЕ")).toEqual([1, ["Верно."]]);
		expect(grade(ru, "метаописание")).toEqual([0.5, ["Почти: это слово «метаданные»."]]);
		expect(grade(banks.en, "метаданные")).toEqual([1, ["Right."]]);
		expect(grade(banks.en, "meta-description")).toEqual([0.5, ["Nearly: the word is metadata."]]);
		expect(grade(banks.en, "данные")).toEqual([0, ["No: data about data are metadata."]]);
	});

	test("a review shows the reader's feedback and keeps the stored marks", () => {
		const enView = publicQuestions(banks.en, plan);
		const answers = responses(enView, form(enView, 0, { "m01-q10": "metadata" }));
		const stored = gradeAttempt({ bank: banks.en, plan, responses: answers, passMark: 70 }).questions;
		const shown = gradesInBank(stored, ru, answers);
		expect(shown.map((g) => [g.questionId, g.state, g.fraction])).toEqual(
			stored.map((g) => [g.questionId, g.state, g.fraction]),
		);
		expect(shown.find((g) => g.questionId === "m01-q10")!.feedback.map((f) => f.text)).toEqual(["Верно."]);
		expect(shown.find((g) => g.questionId === "m01-q08")!.generalFeedback?.text).toMatch(/^Жители на дату/);
		expect(shown.find((g) => g.questionId === "m01-q10")!.rightAnswer).toEqual({
			kind: "texts",
			texts: ["метаданные"],
		});
	});
});

describe("a Russian bank that diverges is refused, not graded", () => {
	test.each([
		[
			"an answer moved",
			(gift: string) =>
				gift
					.replace("\t=долгосрочного иммигранта", "\t~долгосрочного иммигранта")
					.replace("\t~краткосрочного", "\t=краткосрочного"),
		],
		["a fraction changed", (gift: string) => gift.replace("=%50%мета*", "=%40%мета*")],
		["a question left out", (gift: string) => gift.replace(/\/\/ \[id:m01-q05\][\s\S]*?\n\n/, "")],
	])("%s", (_name, change) => {
		const changed = parseGift(change(fs.readFileSync(`${DIR}/quiz.ru.gift`, "utf8"))).questions;
		expect(translationProblems(english, changed)).not.toEqual([]);
		const fallback = bilingualBanks(english, changed);
		expect(fallback.ru).toBeNull();
		// The key accepts no Russian short answer it has not checked.
		const g = gradeAttempt({
			bank: fallback.en,
			plan: { slots: [{ questionId: "m01-q10", choiceOrder: [], stemOrder: [] }] },
			responses: { "m01-q10": { kind: "text", text: "метаданные" } },
			passMark: 70,
		});
		expect(g.questions[0]!.fraction).toBe(0);
	});
});
