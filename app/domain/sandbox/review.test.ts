import { describe, expect, it } from "vitest";
import { findAndFixExercise } from "../dsm/exercises/find-and-fix";
import { describeKey, type Observation } from "../dsm/observation";
import { EXERCISES, exerciseById, mergeByIndicator, scoreExercise, seedFor, startingContent } from "./exercises";
import type { Finding } from "./findings";
import { notesFromForm, notesToKeep, submitRefusal, warningsOf } from "./submit";

const finding = (severity: Finding["severity"], rule = "X"): Finding => ({
	rule,
	severity,
	message: { en: rule, ru: rule },
	section: "/modules/x",
	cells: [],
});

describe("submitting", () => {
	const findings = [finding("warning", "CHANGE"), finding("warning", "CROSS-EXITS")];

	it("is blocked by errors, by a submission waiting for review, and by a warning without its note", () => {
		expect(submitRefusal(null, {}, false)).toEqual({ reason: "no-revision" });
		expect(submitRefusal({ findings: [finding("error"), ...findings] }, {}, false)).toEqual({
			reason: "errors",
			errors: 1,
		});
		expect(submitRefusal({ findings }, { w0: "ok", w1: "ok" }, true)).toEqual({ reason: "pending" });
		expect(submitRefusal({ findings }, { w0: "Real change: a new law.", w1: "  " }, false)).toEqual({
			reason: "notes",
			missing: ["w1"],
			tooLong: [],
		});
		expect(submitRefusal({ findings }, { w0: "a", w1: "x".repeat(2001) }, false)).toMatchObject({ tooLong: ["w1"] });
		expect(submitRefusal({ findings }, { w0: "a", w1: "b" }, false)).toBeUndefined();
		expect(submitRefusal({ findings: [] }, {}, false)).toBeUndefined();
	});

	it("keeps one trimmed note per warning and drops anything else sent", () => {
		const form = new FormData();
		form.append("note.w0", "  Explained. ");
		form.append("note.w9", "not a warning");
		form.append("intent", "submit");
		const notes = notesFromForm(form.entries());
		expect(notes).toEqual({ w0: "  Explained. ", w9: "not a warning" });
		expect(notesToKeep(findings, notes)).toEqual({ w0: "Explained.", w1: "" });
		expect(warningsOf([finding("error"), ...findings]).map((w) => w.id)).toEqual(["w1", "w2"]);
	});
});

describe("exercises", () => {
	it("give each trainee a seed of their own, the same every time", () => {
		expect(seedFor("user-a", "compile-ind3")).toBe(seedFor("user-a", "compile-ind3"));
		expect(seedFor("user-a", "compile-ind3")).not.toBe(seedFor("user-b", "compile-ind3"));
		expect(seedFor("user-a", "compile-ind3")).not.toBe(seedFor("user-a", "find-and-fix"));
		expect(seedFor("user-a", "x")).toBeGreaterThanOrEqual(0);
		expect(new Set(EXERCISES.map((exercise) => exercise.id)).size).toBe(EXERCISES.length);
	});

	it("score find and fix as errors fixed less correct cells changed", () => {
		const exercise = exerciseById("find-and-fix")!;
		const seed = 11;
		const generated = findAndFixExercise(seed, 5);
		expect(startingContent(exercise, seed)).toEqual(generated.submission);
		const plantedKeys = new Set(generated.planted.map((error) => error.key));
		const correct = generated.answer.filter(
			(o) => !plantedKeys.has(describeKey(o)) && o.indicator === "IND1" && o.value !== "0",
		);
		const spoil = new Set(correct.slice(0, 2));
		const overEager: Observation[] = generated.answer.map((o) => (spoil.has(o) ? { ...o, value: "0" } : o));
		expect(scoreExercise(exercise, seed, overEager)).toMatchObject({
			score: 3,
			maxScore: 5,
			fixed: 5,
			leftAlone: expect.any(Number),
			cellsWrongTotal: 2,
		});
		expect(scoreExercise(exercise, seed, overEager)?.cellsWrong.every((cell) => cell.why === "changed")).toBe(true);
	});

	it("replace, on upload, every row of the indicators a file brings, whatever their period", () => {
		const row = (indicator: "IND1" | "IND3", period: string, value: string): Observation => ({
			indicator,
			action: "I",
			dimensions: { FREQ: "A", REF_AREA: "XA", TIME_PERIOD: period, CITIZEN: "TOTAL", SEX: "T", AGE: "TOTAL" },
			value,
			attributes: { UNIT: "PER", OBS_STATUS: "A", CONF_STATUS: "F", ROUNDING: "NONE", SOURCE_AGENCY: "", NOTE: "" },
			origin: { row: 2 },
		});
		const before = [row("IND1", "2024", "1"), row("IND3", "2023", "2"), row("IND3", "2024", "3")];
		expect(mergeByIndicator(before, [row("IND3", "2024", "4")]).map((o) => o.value)).toEqual(["1", "4"]);
	});
});
