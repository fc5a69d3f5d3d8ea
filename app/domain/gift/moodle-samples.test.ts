import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { exportGift } from "./export";
import { parseGift } from "./parse";
import { summarizeQuestion } from "./summary";
import type { GiftQuestion } from "./types";

/** Moodle's own GIFT samples, beside the project (../shared, never copied in): see their README.md. */
const SAMPLES = path.resolve("../shared/data/gift-moodle");
const INLINE = path.join(SAMPLES, "giftformat_test_inline");
const present = fs.existsSync(SAMPLES);

function read(file: string): string {
	return fs.readFileSync(path.join(SAMPLES, file), "utf8");
}

function parseValid(file: string): GiftQuestion[] {
	const { questions, errors } = parseGift(read(file));
	expect(errors).toEqual([]);
	return questions;
}

function only(file: string): GiftQuestion {
	const questions = parseValid(path.join("giftformat_test_inline", file));
	expect(questions).toHaveLength(1);
	return questions[0]!;
}

function withoutLines(questions: GiftQuestion[]): GiftQuestion[] {
	return questions.map(({ line: _line, ...question }) => question);
}

describe.skipIf(!present)(
	`Moodle's GIFT samples${present ? "" : " (skipped: ../shared/data/gift-moodle is absent)"}`,
	() => {
		describe("the unit-test imports read as Moodle's assertions say", () => {
			test("essay", () => {
				expect(only("import_essay.gift.txt")).toMatchObject({
					type: "essay",
					title: "Q8",
					text: { text: "How are you?" },
				});
			});

			test("match: per-item formats, and = -> Chat as a distractor", () => {
				const question = only("import_match.gift.txt");
				expect(question).toMatchObject({ type: "match", text: { format: "html" } });
				expect(
					question.type === "match" &&
						question.pairs.map((pair) => [pair.stem.format, pair.stem.text !== "", pair.answer]),
				).toEqual([
					["html", true, "Forum"],
					["moodle", true, "Choice"],
					["plain", true, "Database"],
					["markdown", true, "Wiki"],
					["html", false, "Chat"],
				]);
			});

			test("multichoice: single, fractions [1, 0, 0], feedback trimmed, [html] on feedback", () => {
				expect(only("import_multichoice.gift.txt")).toMatchObject({
					type: "multichoice",
					single: true,
					answers: [
						{ text: { text: "yellow" }, fraction: 1, feedback: { text: "right; good!", format: "moodle" } },
						{ text: { text: "red" }, fraction: 0, feedback: { text: "wrong, it's yellow", format: "html" } },
						{ text: { text: "blue", format: "plain" }, fraction: 0, feedback: { text: "wrong, it's yellow" } },
					],
				});
			});

			test.each([
				["import_multichoice_multi.gift.txt", [0.5, -1, 0.5, -1]],
				["import_multichoice_multi_tricky.gift.txt", [1, -0.5, -0.5]],
			])("%s: multiple response with fractions %j", (file, fractions) => {
				const question = only(file);
				expect(question).toMatchObject({ type: "multichoice", single: false });
				expect(question.type === "multichoice" && question.answers.map((answer) => answer.fraction)).toEqual(fractions);
			});

			test("numerical: 3 ± 2 worth 1, and the catch-all * worth 0 with its feedback", () => {
				expect(only("import_numerical.gift.txt")).toMatchObject({
					type: "numerical",
					answers: [
						{ match: { kind: "value", value: 3, tolerance: 2 }, fraction: 1 },
						{ match: { kind: "any" }, fraction: 0, feedback: { text: "Completely wrong" } },
					],
				});
			});

			test("shortanswer: Frog, Cat, * with fractions 1, 0.5, 0", () => {
				expect(summarizeQuestion(only("import_shortanswer.gift.txt")).answers).toEqual([
					{ text: "Frog", fraction: 1 },
					{ text: "Cat", fraction: 0.5 },
					{ text: "*", fraction: 0 },
				]);
			});

			test("shortanswer with general feedback in html", () => {
				expect(only("import_shortanswer_with_general_feedback.gift.txt").generalFeedback).toEqual({
					text: "Here is some general feedback!",
					format: "html",
				});
			});

			test("truefalse: FALSE, the first feedback for the wrong answer (True)", () => {
				expect(only("import_truefalse.gift.txt")).toMatchObject({
					type: "truefalse",
					correct: false,
					feedbackTrue: { text: "42 is the Ultimate Answer." },
					feedbackFalse: { text: "You gave the right answer." },
				});
			});

			test.each(["import_truefalse_true_answer1.gift.txt", "import_truefalse_true_answer2.gift.txt"])(
				"%s: {T} and {TRUE} are true",
				(file) => {
					expect(only(file)).toMatchObject({ type: "truefalse", correct: true, title: "2-08 TSL" });
				},
			);

			test("backslash: \\\\ is one backslash", () => {
				expect(only("import_backslash.gift.txt").text.text).toBe("A \\ B \\\\ C");
			});

			test("pre content: escaped braces are literal, indentation is kept", () => {
				expect(only("import_pre_content.gift.txt").text).toEqual({
					text: "<p>What would running the test method print?</p>\n<pre>\n    public void test() {\n        method1();\n        method2();\n        method3();\n    }\n</pre>",
					format: "html",
				});
			});

			test("tags and idnumber from the comments", () => {
				expect(only("import_question_with_tags.gift.txt")).toMatchObject({
					tags: ["tag", "other-tag"],
					idNumber: "myid",
				});
			});

			test("comment metadata cases", () => {
				const cases = fs
					.readFileSync(path.join(INLINE, "comment_metadata_cases.jsonl"), "utf8")
					.trim()
					.split("\n")
					.map((line) => JSON.parse(line) as { comment: string; expected_idnumber: string; expected_tags: string[] });
				expect(cases).toHaveLength(9);
				for (const { comment, expected_idnumber, expected_tags } of cases) {
					const [question] = parseGift(`${comment}\nQ{}`).questions;
					expect({ comment, id: question?.idNumber ?? "", tags: question?.tags }).toEqual({
						comment,
						id: expected_idnumber,
						tags: expected_tags,
					});
				}
			});
		});

		describe("the fixture files", () => {
			const nineQuestions = [
				"essay",
				"match",
				"multichoice",
				"multichoice",
				"numerical",
				"shortanswer",
				"truefalse",
				"truefalse",
				"truefalse",
			];

			test.each([
				"moodle__question_format_gift_tests_fixtures__questions.gift.txt",
				"moodle__question_format_gift_simpletest_fixtures__questions.gift.txt",
			])('%s imports 9 questions; a stray "; after } makes a missing word', (file) => {
				const questions = parseValid(file);
				expect(questions.map((question) => question.type)).toEqual(nineQuestions);
				expect(questions.find((question) => question.title === "Q5")?.text.text).toBe(
					'What is a number from 1 to 5? _____";',
				);
			});

			test("questions_in_category: $CATEGORY, tabs, \\= and \\: inside HTML, =%100%Moodler# with empty feedback", () => {
				const questions = parseValid("moodle__question_format_gift_tests_fixtures__questions_in_category.gift.txt");
				expect(questions.map((question) => [question.title, question.type, question.category])).toEqual([
					["Moodle activities", "match", ["$course$", "Default for New Features"]],
					["Greeting", "multichoice", ["$course$", "Default for New Features"]],
					["Moodle user", "shortanswer", ["$course$", "Default for New Features"]],
					["Moodle acronym", "truefalse", ["$course$", "Default for New Features"]],
				]);
				expect(questions[1]?.text.text).toBe(
					'<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3">Listen to this greeting:</a><br /><br />What language is being spoken?',
				);
				expect(questions[2]).toMatchObject({ answers: [{ text: "Moodler", fraction: 1, feedback: { text: "" } }] });
			});

			test("examples.txt: all 43 examples, every type", () => {
				const questions = parseValid("moodle__question_format_gift__examples.txt");
				expect(questions).toHaveLength(43);
				expect(new Set(questions.map((question) => question.type))).toEqual(
					new Set(["multichoice", "truefalse", "shortanswer", "numerical", "match"]),
				);
				const controls = questions.find((question) => question.title === "GIFT Control Characters");
				expect(controls?.type === "multichoice" && controls.answers.map((answer) => answer.text.text)).toEqual([
					"~",
					"=",
					"#",
					"{",
					"}",
					"\\",
				]);
			});

			test("the ordering plugin's file is refused as unsupported, on the question's line", () => {
				const { questions, errors } = parseGift(
					read("moodle__question_type_ordering_tests_fixtures__testexport.gift.txt"),
				);
				expect(questions).toEqual([]);
				expect(errors).toEqual([{ line: 3, message: expect.stringContaining("qtype_ordering plugin") }]);
			});
		});

		describe("export", () => {
			const expectedFiles = fs.existsSync(INLINE)
				? fs.readdirSync(INLINE).filter((file) => file.startsWith("export_"))
				: [];

			test("there are ten expected exports", () => {
				expect(expectedFiles).toHaveLength(10);
			});

			// Moodle's exporter output, read and written again, comes out as Moodle wrote it, less the
			// `// question: <database id>` line that only a database can fill in.
			test.each(expectedFiles)("%s is written as Moodle writes it", (file) => {
				const moodleExport = read(path.join("giftformat_test_inline", file));
				expect(exportGift(parseValid(path.join("giftformat_test_inline", file)))).toBe(
					moodleExport.replace(/^\/\/ question: .*\n/gm, ""),
				);
			});

			const allSamples = present
				? [
						...fs.readdirSync(SAMPLES).filter((file) => file.endsWith(".txt") && !file.includes("ordering")),
						...fs
							.readdirSync(INLINE)
							.filter((file) => file.endsWith(".gift.txt"))
							.map((file) => path.join("giftformat_test_inline", file)),
					]
				: [];

			test.each(allSamples)("%s reads back from its export to the same questions", (file) => {
				const questions = parseValid(file);
				const again = parseGift(exportGift(questions));
				expect(again.errors).toEqual([]);
				expect(withoutLines(again.questions)).toEqual(withoutLines(questions));
			});
		});
	},
);
