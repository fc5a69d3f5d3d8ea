import type { DimensionId, IndicatorId } from "../model";
import { describeKey, dimensionOf, type Observation } from "../observation";
import { formatPeriod, parsePeriod, previousPeriod } from "../periods";
import { entryOf, slicesAlong } from "../entries";
import { cellOf, type Check, type Entry, type ValidationContext } from "./check";
import { defineRule } from "./rule";

/** DSM rules 19 to 21: indicators agree with each other and with the previous period. */

type Place = { readonly area: string; readonly period: string; readonly citizen: string };

/** The observations of one indicator at the given codes, by reporting state, period and citizenship. */
function totalsByCitizen(
	entries: readonly Entry[],
	indicator: IndicatorId,
	codes: Readonly<Partial<Record<DimensionId, string>>>,
): Map<string, Entry> {
	const found = new Map<string, Entry>();
	const fixed = Object.entries(codes) as Array<[DimensionId, string]>;
	for (const entry of entries) {
		const { observation } = entry;
		if (observation.indicator !== indicator || entry.amount === undefined) continue;
		if (!fixed.every(([dimension, code]) => observation.dimensions[dimension] === code)) continue;
		const place = placeKey(observation);
		if (!found.has(place)) found.set(place, entry);
	}
	return found;
}

function placeKey(observation: Observation): string {
	return [
		dimensionOf(observation, "REF_AREA"),
		dimensionOf(observation, "TIME_PERIOD"),
		dimensionOf(observation, "CITIZEN"),
	].join("|");
}

function placeOf(observation: Observation): Place {
	return {
		area: dimensionOf(observation, "REF_AREA"),
		period: dimensionOf(observation, "TIME_PERIOD"),
		citizen: dimensionOf(observation, "CITIZEN"),
	};
}

const sameUnit = (...entries: Entry[]) =>
	entries.every((entry) => entry.observation.attributes.UNIT === entries[0]?.observation.attributes.UNIT);

export const CROSS_DECISIONS = defineRule<Place & { decisions: number; applications: number; pending: number }>({
	id: "CROSS-DECISIONS",
	number: 19,
	severity: "warning",
	section: "data-collection-and-processing/checking-and-documenting",
	requirement: {
		en: "IND6 decisions of the period ≤ IND5 applications of the period plus cases pending at its start.",
		ru: "Решения IND6 за период ≤ заявления IND5 за период плюс дела, не рассмотренные на его начало.",
	},
	message: ({ area, period, citizen, decisions, applications, pending }) => ({
		en: `${area} ${period} CITIZEN=${citizen}: ${decisions} first-instance decisions (IND6) exceed ${applications} applications (IND5) plus ${pending} cases pending at the start.`,
		ru: `${area} ${period} CITIZEN=${citizen}: решений первой инстанции (IND6) ${decisions}, это больше, чем заявлений (IND5) ${applications} плюс ${pending} нерассмотренных на начало периода.`,
	}),
});

export const checkDecisionsAgainstApplications: Check = ({ entries, context }, report) => {
	const all = { SEX: "T", AGE: "TOTAL" } as const;
	const applications = totalsByCitizen(entries, "IND5", { ...all, APPLICANT: "TOTAL" });
	const decisions = totalsByCitizen(entries, "IND6", { ...all, INSTANCE: "FIRST", DECISION: "TOTAL" });
	for (const [place, decided] of decisions) {
		const applied = applications.get(place);
		if (!applied || !sameUnit(decided, applied)) continue;
		const where = placeOf(decided.observation);
		const pending = context.pendingCasesAtStart?.[where.citizen] ?? 0;
		const [decisionCount, applicationCount] = [decided.amount ?? 0, applied.amount ?? 0];
		if (decisionCount > applicationCount + pending) {
			report(CROSS_DECISIONS, { ...where, decisions: decisionCount, applications: applicationCount, pending }, [
				cellOf(decided.observation, "OBS_VALUE"),
				cellOf(applied.observation, "OBS_VALUE"),
			]);
		}
	}
};

export const CROSS_EXITS = defineRule<Place & { exits: number; stock: number; entries: number }>({
	id: "CROSS-EXITS",
	number: 20,
	severity: "warning",
	section: "data-collection-and-processing/checking-and-documenting",
	requirement: {
		en: "IND4 exits of a citizenship ≤ IND1 stock at the start plus IND3 entries.",
		ru: "Выезды IND4 по гражданству ≤ численность IND1 на начало плюс въезды IND3.",
	},
	message: ({ area, period, citizen, exits, stock, entries }) => ({
		en: `${area} ${period} CITIZEN=${citizen}: ${exits} persons left (IND4), more than the ${stock} present at the start (IND1) plus ${entries} who entered (IND3).`,
		ru: `${area} ${period} CITIZEN=${citizen}: выехало ${exits} человек (IND4) — больше, чем ${stock} на начало периода (IND1) плюс ${entries} въехавших (IND3).`,
	}),
});

export const checkExitsAgainstStockAndEntries: Check = ({ entries }, report) => {
	const all = { SEX: "T", AGE: "TOTAL" } as const;
	const stocks = totalsByCitizen(entries, "IND1", all);
	const arrivals = totalsByCitizen(entries, "IND3", all);
	const departures = totalsByCitizen(entries, "IND4", all);
	for (const [place, left] of departures) {
		const stock = stocks.get(place);
		const entered = arrivals.get(place);
		if (!stock || !entered || !sameUnit(left, stock, entered) || left.observation.attributes.UNIT !== "PER") continue;
		const [exitCount, stockCount, entryCount] = [left.amount ?? 0, stock.amount ?? 0, entered.amount ?? 0];
		if (exitCount > stockCount + entryCount) {
			report(CROSS_EXITS, { ...placeOf(left.observation), exits: exitCount, stock: stockCount, entries: entryCount }, [
				cellOf(left.observation, "OBS_VALUE"),
				cellOf(stock.observation, "OBS_VALUE"),
				cellOf(entered.observation, "OBS_VALUE"),
			]);
		}
	}
};

export const CHANGE = defineRule<{ key: string; previousPeriod: string; previous: number; current: number }>({
	id: "CHANGE",
	number: 21,
	severity: "warning",
	section: "policy-legal-issues-and-data/when-the-law-changes",
	requirement: {
		en: "A change of more than 50 % and more than 50 persons from the previous period needs a note.",
		ru: "Изменение более чем на 50 % и более чем на 50 человек по сравнению с прошлым периодом требует пояснения.",
	},
	message: ({ key, previousPeriod, previous, current }) => {
		const percent =
			previous === 0
				? ""
				: ` (${current > previous ? "+" : ""}${Math.round(((current - previous) / previous) * 100)} %)`;
		return {
			en: `${key}: ${current} against ${previous} in ${previousPeriod}${percent}. Explain the change in the NOTE.`,
			ru: `${key}: ${current} против ${previous} в ${previousPeriod}${percent}. Поясните изменение в пояснительной записке (NOTE).`,
		};
	},
});

const CHANGE_SHARE = 0.5;
const CHANGE_PERSONS = 50;

/** The period before, per TIME_PERIOD met, when it is well formed. */
function previousPeriods(periods: Iterable<string>): Map<string, string> {
	const previous = new Map<string, string>();
	for (const text of periods) {
		const period = parsePeriod(text);
		if (period && !previous.has(text)) previous.set(text, formatPeriod(previousPeriod(period)));
	}
	return previous;
}

/** Whether any observation has its previous period in the submission or in the context: else CHANGE has nothing to compare. */
function hasPreviousPeriods(entries: readonly Entry[], context: ValidationContext): boolean {
	if ((context.previous ?? []).length > 0) return true;
	const periods = new Set(entries.map(({ observation }) => dimensionOf(observation, "TIME_PERIOD")));
	return [...previousPeriods(periods).values()].some((previous) => periods.has(previous));
}

export const checkChanges: Check = ({ entries, slices, context }, report) => {
	if (!hasPreviousPeriods(entries, context)) return;
	const earlier = context.previous
		? slicesAlong(context.previous.map(entryOf), "TIME_PERIOD")
		: new Map<string, never>();
	for (const [sliceKey, slice] of slices("TIME_PERIOD")) {
		const before = previousPeriods(slice.keys());
		for (const [period, { observation, amount }] of slice) {
			const previousText = before.get(period);
			if (
				amount === undefined ||
				previousText === undefined ||
				parsePeriod(period)?.frequency !== dimensionOf(observation, "FREQ")
			)
				continue;
			const previous = (slice.get(previousText) ?? earlier.get(sliceKey)?.get(previousText))?.amount;
			if (previous === undefined) continue;
			const change = Math.abs(amount - previous);
			if (change > CHANGE_PERSONS && change > CHANGE_SHARE * previous) {
				report(CHANGE, { key: describeKey(observation), previousPeriod: previousText, previous, current: amount }, [
					cellOf(observation, "OBS_VALUE"),
				]);
			}
		}
	}
};
