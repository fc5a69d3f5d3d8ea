import { isCode } from "../codelists";
import { INDICATORS, MISSING_STATUSES, type IndicatorId } from "../model";
import { cellOf, type Check } from "./check";
import { defineRule } from "./rule";

/** DSM rules 8 to 11: values, missing values, units, rounding. */

const THOUSANDS = /^\d{1,3}([,. \u00a0]\d{3})+$/;

export const VALUE = defineRule<{ value: string }>({
	id: "VALUE",
	number: 8,
	severity: "error",
	section: "data-sharing-mechanism/validation-rules",
	requirement: {
		en: "OBS_VALUE is a whole number ≥ 0 written without separators.",
		ru: "OBS_VALUE — целое число ≥ 0 без разделителей.",
	},
	message: ({ value }) => {
		const digits = value.replace(/\D/g, "");
		const hint = THOUSANDS.test(value) ? { en: ` Write ${digits}.`, ru: ` Запишите ${digits}.` } : { en: "", ru: "" };
		return {
			en: `OBS_VALUE "${value}" is not a whole number ≥ 0 in digits only (no separators, signs, decimals or words).${hint.en}`,
			ru: `OBS_VALUE «${value}» — не целое число ≥ 0 из одних цифр (без разделителей, знаков, дробей и слов).${hint.ru}`,
		};
	},
});

export const checkValues: Check = ({ entries }, report) => {
	for (const { observation, valueState } of entries) {
		if (valueState === "invalid") report(VALUE, { value: observation.value }, [cellOf(observation, "OBS_VALUE")]);
	}
};

export const MISSING = defineRule<{ kind: "empty"; status: string } | { kind: "filled"; status: string }>({
	id: "MISSING",
	number: 9,
	severity: "error",
	section: "additional-technical-data-issues/additivity-missing-and-zero",
	requirement: {
		en: "A value is empty if and only if OBS_STATUS is O (missing value) or M (missing value; data cannot exist).",
		ru: "Значение пустое тогда и только тогда, когда OBS_STATUS равен O (отсутствующее значение) или M (отсутствующее значение; данные не могут существовать).",
	},
	message: ({ kind, status }) =>
		kind === "empty"
			? {
					en: `The value is empty, but OBS_STATUS ${status} says it is given. Enter the number (0 if nothing happened), or keep the cell empty and set OBS_STATUS to O if the number exists but is not known, or to M if it cannot exist because the category does not apply.`,
					ru: `Значение пустое, но OBS_STATUS ${status} говорит, что оно указано. Введите число (0, если событий не было) или оставьте ячейку пустой и укажите OBS_STATUS O, если число существует, но неизвестно, или M, если его не может быть, потому что категория неприменима.`,
				}
			: {
					en: `The value is filled, but OBS_STATUS ${status} says there is none (${status === "M" ? "M: data cannot exist" : "O: missing value"}). Keep the number and set OBS_STATUS to A (or E, P, B), or empty the cell if the number is not real.`,
					ru: `Значение заполнено, но OBS_STATUS ${status} говорит, что его нет (${status === "M" ? "M — данные не могут существовать" : "O — отсутствующее значение"}). Оставьте число и укажите OBS_STATUS A (или E, P, B) либо очистите ячейку, если число ненастоящее.`,
				},
});

export const checkMissing: Check = ({ entries }, report) => {
	for (const { observation, valueState } of entries) {
		const status = observation.attributes.OBS_STATUS;
		if (!isCode("OBS_STATUS", status)) continue;
		const marksMissing = MISSING_STATUSES.has(status);
		if (valueState === "empty" && !marksMissing) {
			report(MISSING, { kind: "empty", status }, [cellOf(observation, "OBS_VALUE")]);
		} else if (valueState !== "empty" && marksMissing) {
			report(MISSING, { kind: "filled", status }, [
				cellOf(observation, "OBS_VALUE"),
				cellOf(observation, "OBS_STATUS"),
			]);
		}
	}
};

export const UNIT = defineRule<
	| { kind: "not-allowed"; indicator: IndicatorId; unit: string; allowed: readonly string[] }
	| { kind: "mixed"; indicator: IndicatorId; unit: string; main: string }
>({
	id: "UNIT",
	number: 10,
	severity: "error",
	section: "data-collection-and-processing/units-periods-and-counting-rules",
	requirement: {
		en: "One unit per indicator and submission, among those the indicator allows.",
		ru: "Одна единица измерения на показатель в представлении, из допустимых для показателя.",
	},
	message: (problem) =>
		problem.kind === "not-allowed"
			? {
					en: `UNIT ${problem.unit} is not used for ${problem.indicator} (allowed: ${problem.allowed.join(", ")}).`,
					ru: `UNIT ${problem.unit} не применяется для ${problem.indicator} (допустимо: ${problem.allowed.join(", ")}).`,
				}
			: {
					en: `${problem.indicator} mixes units: this row has ${problem.unit}, the others ${problem.main}. Count one way in one submission.`,
					ru: `В ${problem.indicator} смешаны единицы: в этой строке ${problem.unit}, в остальных ${problem.main}. В одном представлении считайте одинаково.`,
				},
});

/** The unit most rows of each indicator use, among the allowed ones. */
function mainUnits(units: ReadonlyMap<IndicatorId, ReadonlyMap<string, number>>): Map<IndicatorId, string> {
	const main = new Map<IndicatorId, string>();
	for (const [indicator, counts] of units) {
		let best: [string, number] | undefined;
		for (const [unit, count] of counts) {
			if (INDICATORS[indicator].units.includes(unit) && (!best || count > best[1])) best = [unit, count];
		}
		if (best) main.set(indicator, best[0]);
	}
	return main;
}

export const checkUnits: Check = ({ entries }, report) => {
	const counts = new Map<IndicatorId, Map<string, number>>();
	for (const { observation } of entries) {
		const perUnit = counts.get(observation.indicator) ?? new Map<string, number>();
		const unit = observation.attributes.UNIT;
		perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
		counts.set(observation.indicator, perUnit);
	}
	const main = mainUnits(counts);
	for (const { observation } of entries) {
		const { indicator } = observation;
		const unit = observation.attributes.UNIT;
		if (!isCode("UNIT", unit)) continue;
		const allowed = INDICATORS[indicator].units;
		const cells = [cellOf(observation, "UNIT")];
		if (!allowed.includes(unit)) report(UNIT, { kind: "not-allowed", indicator, unit, allowed }, cells);
		else if (unit !== main.get(indicator))
			report(UNIT, { kind: "mixed", indicator, unit, main: main.get(indicator) ?? "" }, cells);
	}
};

export const ROUND5 = defineRule<{ value: number }>({
	id: "ROUND5",
	number: 11,
	severity: "error",
	section: "additional-technical-data-issues/rounding-and-tolerance",
	requirement: {
		en: "With ROUNDING=R5 every value is a multiple of 5.",
		ru: "При ROUNDING=R5 каждое значение кратно 5.",
	},
	message: ({ value }) => ({
		en: `ROUNDING is R5 but ${value} is not a multiple of 5: round it, or declare ROUNDING=NONE if figures are exact.`,
		ru: `ROUNDING = R5, но ${value} не кратно 5: округлите его или укажите ROUNDING=NONE, если данные точные.`,
	}),
});

export const checkRounding: Check = ({ entries }, report) => {
	for (const { observation, amount } of entries) {
		if (observation.attributes.ROUNDING === "R5" && amount !== undefined && amount % 5 !== 0) {
			report(ROUND5, { value: amount }, [cellOf(observation, "OBS_VALUE")]);
		}
	}
};
