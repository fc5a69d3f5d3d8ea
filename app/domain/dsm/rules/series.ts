import { entryOf, slicesAlong } from "../entries";
import type { CellRef } from "../issues";
import { dimensionsOf } from "../model";
import { dimensionOf, type Observation } from "../observation";
import { formatPeriod, parsePeriod, type Frequency, type Period } from "../periods";
import { cellOf, type Check, type Entry } from "./check";
import { defineRule } from "./rule";

/**
 * A hole in a time series: a period absent between two present ones (the Swiss 2020 row missing
 * from Eurostat's first permits, 2012-2023). Not a DSM.md rule: the engine's own (issue 9), a
 * warning, since the period may be sent later or explained.
 */

export type SeriesGap = {
	readonly indicator: string;
	readonly area: string;
	/** The first and last missing period (the same when one is missing). */
	readonly from: string;
	readonly to: string;
	readonly before: string;
	readonly after: string;
	/** How many series (keys without the period) have this gap, and how many the indicator and state have. */
	readonly series: number;
	readonly of: number;
	/** The breakdown of the first series with the gap, e.g. "CITIZEN=TOTAL SEX=T AGE=TOTAL". */
	readonly example: string;
};

const missingText = (gap: SeriesGap, to: string) => (gap.from === gap.to ? gap.from : `${gap.from}${to}${gap.to}`);

export const SERIES_GAP = defineRule<SeriesGap>({
	id: "SERIES-GAP",
	number: 25,
	severity: "warning",
	section: "additional-technical-data-issues/additivity-missing-and-zero",
	requirement: {
		en: "A series has no period missing between two periods it gives.",
		ru: "В ряду нет пропущенного периода между двумя представленными.",
	},
	message: (gap) => {
		const which =
			gap.of === 1
				? { en: "", ru: "" }
				: gap.series === gap.of
					? { en: ` (all ${gap.of} series)`, ru: ` (во всех рядах, их ${gap.of})` }
					: {
							en: ` (${gap.series} of ${gap.of} series, e.g. ${gap.example})`,
							ru: ` (рядов с пропуском: ${gap.series} из ${gap.of}, например ${gap.example})`,
						};
		const single = gap.from === gap.to;
		return {
			en: `${gap.indicator} ${gap.area}: ${single ? "period" : "periods"} ${missingText(gap, " to ")} ${single ? "is" : "are"} missing between ${gap.before} and ${gap.after}${which.en}. An absent row is not a zero: give the period (empty with OBS_STATUS O if the figures are not known), or explain the gap in the NOTE.`,
			ru: `${gap.indicator} ${gap.area}: ${single ? "пропущен период" : "пропущены периоды"} ${missingText(gap, "–")} между ${gap.before} и ${gap.after}${which.ru}. Отсутствующая строка — не ноль: представьте этот период (пустые значения со статусом OBS_STATUS O, если данные неизвестны) или объясните пропуск в пояснительной записке (NOTE).`,
		};
	},
});

const STEPS_PER_YEAR: Readonly<Record<Frequency, number>> = { A: 1, Q: 4, M: 12 };

const ordinal = (period: Period) => period.year * STEPS_PER_YEAR[period.frequency] + period.index - 1;

function periodAt(frequency: Frequency, position: number): string {
	const steps = STEPS_PER_YEAR[frequency];
	return formatPeriod({ frequency, year: Math.floor(position / steps), index: (position % steps) + 1 });
}

/** The breakdown codes of a series, without state, frequency and period. */
function breakdownOf(observation: Observation): string {
	const [, , , ...breakdowns] = dimensionsOf(observation.indicator);
	return breakdowns.map((dimension) => `${dimension}=${dimensionOf(observation, dimension)}`).join(" ");
}

type Found = { place: string; gap: Omit<SeriesGap, "series" | "of">; series: number; cells: CellRef[] };

/** Gaps of more than 20 years are not holes but separate series; they are not reported. */
const LONGEST_GAP_YEARS = 20;

/** Whether the submission and the context give two periods or more: else no series can have a hole. */
function hasSeveralPeriods(entries: readonly Entry[], previous: number): boolean {
	if (previous > 0) return true;
	const first = entries[0] ? dimensionOf(entries[0].observation, "TIME_PERIOD") : "";
	return entries.some(({ observation }) => dimensionOf(observation, "TIME_PERIOD") !== first);
}

export const checkSeriesGaps: Check = ({ entries, slices, context }, report) => {
	if (!hasSeveralPeriods(entries, context.previous?.length ?? 0)) return;
	const current = slices("TIME_PERIOD");
	const earlier = context.previous?.length ? slicesAlong(context.previous.map(entryOf), "TIME_PERIOD") : undefined;
	const seriesPerPlace = new Map<string, number>();
	const found = new Map<string, Found>();
	for (const [sliceKey, slice] of current) {
		const points = new Map<number, { entry: Entry; current: boolean }>();
		let frequency: Frequency | undefined;
		const add = (series: ReadonlyMap<string, Entry>, isCurrent: boolean) => {
			for (const [text, entry] of series) {
				const period = parsePeriod(text);
				if (!period || period.frequency !== dimensionOf(entry.observation, "FREQ")) continue;
				frequency ??= period.frequency;
				if (period.frequency !== frequency) continue;
				const at = ordinal(period);
				if (!points.has(at) || isCurrent) points.set(at, { entry, current: isCurrent });
			}
		};
		const previous = earlier?.get(sliceKey);
		if (previous) add(previous, false);
		add(slice, true);
		const [first] = slice.values();
		if (!first || frequency === undefined) continue;
		const { observation } = first;
		const place = `${observation.indicator} ${dimensionOf(observation, "REF_AREA")} ${frequency}`;
		seriesPerPlace.set(place, (seriesPerPlace.get(place) ?? 0) + 1);
		if (points.size < 2) continue;
		const positions = [...points.keys()].sort((a, b) => a - b);
		for (let index = 1; index < positions.length; index += 1) {
			const before = positions[index - 1]!;
			const after = positions[index]!;
			if (after - before < 2 || after - before > LONGEST_GAP_YEARS * STEPS_PER_YEAR[frequency]) continue;
			const left = points.get(before)!;
			const right = points.get(after)!;
			if (!left.current && !right.current) continue;
			const gap = {
				indicator: observation.indicator,
				area: dimensionOf(observation, "REF_AREA"),
				from: periodAt(frequency, before + 1),
				to: periodAt(frequency, after - 1),
				before: periodAt(frequency, before),
				after: periodAt(frequency, after),
				example: breakdownOf(observation),
			};
			const key = `${place}\u001f${gap.from}\u001f${gap.to}`;
			const known = found.get(key);
			const cells = [left, right]
				.filter((point) => point.current)
				.map((point) => cellOf(point.entry.observation, "TIME_PERIOD"));
			if (known) {
				known.series += 1;
				if (known.cells.length < 10) known.cells.push(...cells);
			} else found.set(key, { place, gap, series: 1, cells });
		}
	}
	for (const { place, gap, series, cells } of found.values()) {
		report(SERIES_GAP, { ...gap, series, of: seriesPerPlace.get(place) ?? series }, cells);
	}
};
