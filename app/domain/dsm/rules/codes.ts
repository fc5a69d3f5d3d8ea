import { CODELISTS, isCode, type CodelistId } from "../codelists";
import { ATTRIBUTE_CODELIST, ATTRIBUTES, DIMENSION_CODELIST, INDICATORS, dimensionsOf } from "../model";
import { describeKey, dimensionOf } from "../observation";
import { isoDate, parsePeriod, periodEnd, periodStart, utcDay, type Frequency, type Period } from "../periods";
import { cellOf, type Check } from "./check";
import { defineRule } from "./rule";

/** DSM rules 3 to 7: codes, the reporting state, foreigners only, periods, one row per key. */

const LONG_LIST_SUMMARY: Partial<Record<CodelistId, { en: string; ru: string }>> = {
	CITIZEN: { en: "ISO 3166-1 alpha-2, STLS, UNK or TOTAL", ru: "ISO 3166-1 alpha-2, STLS, UNK или TOTAL" },
};

function allowedCodes(list: CodelistId): { en: string; ru: string } {
	const summary = LONG_LIST_SUMMARY[list];
	if (summary) return summary;
	const codes = CODELISTS[list].codes.map((entry) => entry.code).join(", ");
	return { en: codes, ru: codes };
}

export const CODE = defineRule<{ field: string; value: string; list: CodelistId }>({
	id: "CODE",
	number: 3,
	severity: "error",
	section: "data-sharing-mechanism/dimensions-and-codelists",
	requirement: { en: "Every code is in its codelist.", ru: "Каждый код есть в своём классификаторе." },
	message: ({ field, value, list }) => ({
		en: `${field} "${value}" is not in the ${CODELISTS[list].name.en} codelist (${allowedCodes(list).en}).`,
		ru: `${field} «${value}» нет в классификаторе «${CODELISTS[list].name.ru}» (${allowedCodes(list).ru}).`,
	}),
});

export const checkCodes: Check = ({ entries }, report) => {
	for (const { observation } of entries) {
		for (const dimension of dimensionsOf(observation.indicator)) {
			if (dimension === "TIME_PERIOD") continue;
			const value = dimensionOf(observation, dimension);
			const list = DIMENSION_CODELIST[dimension];
			if (!isCode(list, value)) report(CODE, { field: dimension, value, list }, [cellOf(observation, dimension)]);
		}
		for (const attribute of ATTRIBUTES) {
			const list = ATTRIBUTE_CODELIST[attribute];
			const value = observation.attributes[attribute];
			if (list && !isCode(list, value))
				report(CODE, { field: attribute, value, list }, [cellOf(observation, attribute)]);
		}
		if (!isCode("ACTION", observation.action)) {
			report(CODE, { field: "ACTION", value: observation.action, list: "ACTION" }, [cellOf(observation, "ACTION")]);
		}
	}
};

export const AREA = defineRule<{ value: string; country: string }>({
	id: "AREA",
	number: 4,
	severity: "error",
	section: "data-sharing-mechanism/dimensions-and-codelists",
	requirement: { en: "REF_AREA is the submitting state.", ru: "REF_AREA — это отчитывающееся государство." },
	message: ({ value, country }) => ({
		en: `REF_AREA "${value}" is not the submitting state (${country}).`,
		ru: `REF_AREA «${value}» не совпадает с отчитывающимся государством (${country}).`,
	}),
});

export const checkArea: Check = ({ entries, context }, report) => {
	const { country } = context;
	if (!country) return;
	for (const { observation } of entries) {
		if (observation.action === "D") continue; // a deletion elsewhere is REVISION's finding
		const value = dimensionOf(observation, "REF_AREA");
		if (value !== country && isCode("REF_AREA", value)) {
			report(AREA, { value, country }, [cellOf(observation, "REF_AREA")]);
		}
	}
};

export const CITIZEN_SELF = defineRule<{ citizen: string }>({
	id: "CITIZEN-SELF",
	number: 5,
	severity: "error",
	section: "basic-concepts-and-categories/foreigners-and-foreign-born",
	requirement: {
		en: "CITIZEN is never REF_AREA: foreigners only.",
		ru: "CITIZEN никогда не равен REF_AREA: только иностранцы.",
	},
	message: ({ citizen }) => ({
		en: `CITIZEN "${citizen}" is the reporting state itself; the DSM counts foreigners only, so leave nationals out.`,
		ru: `CITIZEN «${citizen}» — само отчитывающееся государство; МОД учитывает только иностранцев, граждан страны не включайте.`,
	}),
});

export const checkCitizenSelf: Check = ({ entries }, report) => {
	for (const { observation } of entries) {
		const citizen = dimensionOf(observation, "CITIZEN");
		if (citizen !== "" && citizen === dimensionOf(observation, "REF_AREA")) {
			report(CITIZEN_SELF, { citizen }, [cellOf(observation, "CITIZEN")]);
		}
	}
};

export type TimeProblem =
	| { kind: "format"; value: string; frequency: string }
	| { kind: "other-frequency"; value: string; frequency: string; actual: Frequency }
	| { kind: "window"; value: string; from: string; to: string }
	| { kind: "future-stock"; value: string; today: string }
	| { kind: "future-flow"; value: string; today: string };

const FORMAT: Readonly<Record<string, string>> = { A: "YYYY", Q: "YYYY-Qn", M: "YYYY-MM" };

const FREQUENCY_NAME: Readonly<Record<Frequency, { en: string; ru: string }>> = {
	A: { en: "an annual", ru: "годовой" },
	Q: { en: "a quarterly", ru: "квартальный" },
	M: { en: "a monthly", ru: "месячный" },
};

const FREQUENCY_WORD: Readonly<Record<string, { en: string; ru: string }>> = {
	A: { en: "annual", ru: "годовая" },
	Q: { en: "quarterly", ru: "квартальная" },
	M: { en: "monthly", ru: "месячная" },
};

/** The frequency's format with an example in the value's own year, when it has one: "YYYY-Qn, e.g. 2025-Q1". */
function formatHint(value: string, frequency: string): { en: string; ru: string } {
	const year = /\b(\d{4})\b/.exec(value)?.[1] ?? "2024";
	const example = frequency === "A" ? year : frequency === "Q" ? `${year}-Q1` : `${year}-01`;
	const format = FORMAT[frequency] ?? "YYYY";
	return { en: `${format}, e.g. ${example}`, ru: `${format}, например ${example}` };
}

export const TIME = defineRule<TimeProblem>({
	id: "TIME",
	number: 6,
	severity: "error",
	section: "basic-concepts-and-categories/stocks-and-flows",
	requirement: {
		en: "TIME_PERIOD matches FREQ, lies in the exercise's window and not in the future.",
		ru: "TIME_PERIOD соответствует FREQ, входит в период упражнения и не относится к будущему.",
	},
	message: (problem) => {
		switch (problem.kind) {
			case "format": {
				const hint = formatHint(problem.value, problem.frequency);
				return {
					en: `TIME_PERIOD "${problem.value}" is not a period in the format of FREQ=${problem.frequency}: write it as ${hint.en}.`,
					ru: `TIME_PERIOD «${problem.value}» — не период в формате для FREQ=${problem.frequency}: запишите его как ${hint.ru}.`,
				};
			}
			case "other-frequency": {
				// A quarter under FREQ=A is most likely a wrong FREQ, not a wrong period: say both, the FREQ first.
				const { value, frequency, actual } = problem;
				const declared = FREQUENCY_WORD[frequency] ?? { en: frequency, ru: frequency };
				return {
					en: `TIME_PERIOD ${value} is ${FREQUENCY_NAME[actual].en} period, but FREQ=${frequency} (${declared.en}): if the figure covers ${value}, set FREQ=${actual}; otherwise give the period as ${formatHint(value, frequency).en}.`,
					ru: `TIME_PERIOD ${value} — ${FREQUENCY_NAME[actual].ru} период, а FREQ=${frequency} (${declared.ru} периодичность): если значение относится к ${value}, укажите FREQ=${actual}; иначе запишите период как ${formatHint(value, frequency).ru}.`,
				};
			}
			case "window":
				return {
					en: `TIME_PERIOD ${problem.value} lies outside the exercise's period, ${problem.from} to ${problem.to}.`,
					ru: `TIME_PERIOD ${problem.value} вне периода упражнения: с ${problem.from} по ${problem.to}.`,
				};
			case "future-stock":
				return {
					en: `TIME_PERIOD ${problem.value}: a stock is counted on the first day of the period, which is after today (${problem.today}).`,
					ru: `TIME_PERIOD ${problem.value}: численность считается на первый день периода, а он позже сегодняшнего дня (${problem.today}).`,
				};
			case "future-flow":
				return {
					en: `TIME_PERIOD ${problem.value}: a flow covers the whole period, which has not ended yet (today is ${problem.today}).`,
					ru: `TIME_PERIOD ${problem.value}: поток охватывает весь период, а он ещё не закончился (сегодня ${problem.today}).`,
				};
		}
	},
});

type Window = { readonly from: string; readonly to: string; readonly start: Date; readonly end: Date };

function windowOf(window: { from: string; to: string } | undefined): Window | undefined {
	if (!window) return undefined;
	const from = parsePeriod(window.from);
	const to = parsePeriod(window.to);
	if (!from || !to) throw new RangeError(`The time window ${window.from} to ${window.to} is not two periods`);
	return { ...window, start: periodStart(from), end: periodEnd(to) };
}

function timeProblemOf(value: string, period: Period, stock: boolean, window: Window | undefined, today: Date) {
	const start = periodStart(period);
	const end = periodEnd(period);
	if (window && (start < window.start || end > window.end)) {
		return { kind: "window", value, from: window.from, to: window.to } as const;
	}
	if (stock && start > today) return { kind: "future-stock", value, today: isoDate(today) } as const;
	if (!stock && end >= today) return { kind: "future-flow", value, today: isoDate(today) } as const;
	return undefined;
}

function timeProblem(
	value: string,
	frequency: string,
	stock: boolean,
	window: Window | undefined,
	today: Date,
): TimeProblem | undefined {
	const period = parsePeriod(value);
	if (!period) return { kind: "format", value, frequency };
	if (period.frequency !== frequency) return { kind: "other-frequency", value, frequency, actual: period.frequency };
	return timeProblemOf(value, period, stock, window, today);
}

export const checkTime: Check = ({ entries, context }, report) => {
	const window = windowOf(context.window);
	const today = utcDay(context.today ?? new Date());
	const judged = new Map<string, TimeProblem | undefined>();
	for (const { observation } of entries) {
		const frequency = dimensionOf(observation, "FREQ");
		if (!isCode("FREQ", frequency)) continue;
		const value = dimensionOf(observation, "TIME_PERIOD");
		const stock = INDICATORS[observation.indicator].kind === "stock";
		const key = `${frequency} ${value} ${stock}`;
		if (!judged.has(key)) judged.set(key, timeProblem(value, frequency, stock, window, today));
		const problem = judged.get(key);
		if (problem) report(TIME, problem, [cellOf(observation, "TIME_PERIOD")]);
	}
};

export const UNIQUE = defineRule<{ key: string; firstRow: number }>({
	id: "UNIQUE",
	number: 7,
	severity: "error",
	section: "data-sharing-mechanism/sdmx-csv-files",
	requirement: { en: "One row per full key and period.", ru: "Одна строка на каждый полный ключ и период." },
	message: ({ key, firstRow }) => ({
		en: `${key} is given twice: here and at row ${firstRow}.`,
		ru: `${key} указан дважды: здесь и в строке ${firstRow}.`,
	}),
});

export const checkUnique: Check = ({ entries, byKey }, report) => {
	for (const entry of entries) {
		const first = byKey.get(entry.key);
		if (!first || first === entry) continue;
		const { observation } = entry;
		report(UNIQUE, { key: describeKey(observation), firstRow: first.observation.origin.row }, [
			cellOf(observation, "OBS_VALUE"),
			cellOf(first.observation, "OBS_VALUE"),
		]);
	}
};
