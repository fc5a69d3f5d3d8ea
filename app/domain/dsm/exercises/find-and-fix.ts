import type { Code } from "../codelists";
import { hasErrors, type Issue } from "../issues";
import type { Localized } from "../localized";
import { INDICATORS } from "../model";
import { describeKey, dimensionOf, type Observation } from "../observation";
import type { ValidationContext } from "../rules/check";
import { detailedCodes } from "../table";
import { validate } from "../validate";
import { asWrittenLines } from "../write-sdmx-csv";
import { compileExercise } from "./compile";
import { seededRandom, type Random } from "./random";
import { scoreTable, type CellDifference, type TableScore } from "./score";

/**
 * A find-and-fix exercise: a clean submission (a compile exercise's answer) with known errors
 * planted in it. The trainee reaches a clean validation without changing correct cells.
 */

type Plant = {
	readonly kind: string;
	/** The rule the error raises at its own cell. */
	readonly rule: string;
	readonly description: Localized;
	readonly fits: (observation: Observation) => boolean;
	readonly apply: (observation: Observation, random: Random, year: number) => Observation;
	/** The error is an extra row (the original stays). */
	readonly adds?: true;
};

const withDimension = (observation: Observation, dimension: string, code: string): Observation => ({
	...observation,
	dimensions: { ...observation.dimensions, [dimension]: code },
});

/** A cell that is no total: a change to it shows in every sum it belongs to. */
const isDetailed = (observation: Observation) =>
	INDICATORS[observation.indicator].breakdowns.every((dimension) => {
		const code = dimensionOf(observation, dimension);
		return dimension === "CITIZEN" ? code !== "TOTAL" : detailedCodes(dimension).includes(code);
	});

const PLANTS: readonly Plant[] = [
	{
		kind: "code-sex",
		rule: "CODE",
		description: { en: "a sex code mistyped", ru: "опечатка в коде пола" },
		fits: (observation) => dimensionOf(observation, "SEX") === "F",
		apply: (observation) => withDimension(observation, "SEX", "X"),
	},
	{
		kind: "code-age",
		rule: "CODE",
		description: { en: "an age band outside the codelist", ru: "возрастная группа не из классификатора" },
		fits: (observation) => dimensionOf(observation, "AGE") === "Y14-17",
		apply: (observation) => withDimension(observation, "AGE", "Y14-18"),
	},
	{
		kind: "separator",
		rule: "VALUE",
		description: { en: "a thousands separator in a value", ru: "разделитель тысяч в значении" },
		fits: (observation) => Number(observation.value) >= 1000,
		apply: (observation) => ({ ...observation, value: Number(observation.value).toLocaleString("en") }),
	},
	{
		kind: "negative",
		rule: "VALUE",
		description: { en: "a negative value", ru: "отрицательное значение" },
		fits: (observation) => Number(observation.value) > 0,
		apply: (observation) => ({ ...observation, value: `-${observation.value}` }),
	},
	{
		kind: "blank",
		rule: "MISSING",
		description: { en: "a value left empty", ru: "незаполненное значение" },
		fits: () => true,
		apply: (observation) => ({ ...observation, value: "" }),
	},
	{
		kind: "sum",
		rule: "ADD-SEX",
		description: {
			en: "a detailed cell that no longer adds up to its totals",
			ru: "детальная ячейка, не сходящаяся с итогами",
		},
		fits: isDetailed,
		apply: (observation, random) => ({ ...observation, value: String(Number(observation.value) + random.int(1, 9)) }),
	},
	{
		kind: "duplicate",
		rule: "UNIQUE",
		description: { en: "a row given twice", ru: "строка, повторённая дважды" },
		fits: () => true,
		apply: (observation) => ({ ...observation }),
		adds: true,
	},
	{
		kind: "period",
		rule: "TIME",
		description: { en: "a row of the wrong year", ru: "строка не того года" },
		fits: () => true,
		apply: (observation, _random, year) => withDimension(observation, "TIME_PERIOD", String(year - 1)),
	},
	{
		kind: "area",
		rule: "AREA",
		description: {
			en: "another state's code as reporting state",
			ru: "код другого государства в качестве отчитывающегося",
		},
		fits: (observation) => dimensionOf(observation, "CITIZEN") !== "KZ",
		apply: (observation) => withDimension(observation, "REF_AREA", "KZ"),
	},
	{
		kind: "unit",
		rule: "UNIT",
		description: {
			en: "crossings counted in one row of a table of persons",
			ru: "пересечения в одной строке таблицы, где считают людей",
		},
		fits: (observation) => observation.indicator === "IND3" || observation.indicator === "IND4",
		apply: (observation) => ({ ...observation, attributes: { ...observation.attributes, UNIT: "CROSS" } }),
	},
];

export type PlantedError = {
	readonly kind: string;
	readonly rule: string;
	readonly description: Localized;
	/** The line of the planted row in the submission written as SDMX-CSV. */
	readonly row: number;
	/** The cell as it should be. */
	readonly key: string;
};

export type FindAndFixExercise = {
	readonly seed: number;
	readonly state: Code;
	readonly year: number;
	readonly task: Localized;
	readonly submission: Observation[];
	readonly answer: Observation[];
	readonly planted: readonly PlantedError[];
	readonly context: ValidationContext;
};

/** Each error goes into its own indicator and citizenship, so that no error hides another. */
const blockOf = (observation: Observation) => `${observation.indicator} ${dimensionOf(observation, "CITIZEN")}`;

export function findAndFixExercise(seed: number, errors = 5): FindAndFixExercise {
	const base = compileExercise(seed);
	const random = seededRandom(seed ^ 0x5eed);
	const rows: Observation[] = [...base.answer];
	const added: Observation[] = [];
	const usedBlocks = new Set<string>();
	const plantedAt = new Map<Observation, { plant: Plant; key: string }>();
	for (const plant of random.shuffle(PLANTS)) {
		if (plantedAt.size >= errors) break;
		const candidates = random.shuffle(rows.map((_, index) => index));
		const index = candidates.find((candidate) => {
			const observation = rows[candidate];
			return observation !== undefined && !usedBlocks.has(blockOf(observation)) && plant.fits(observation);
		});
		const original = index === undefined ? undefined : rows[index];
		if (index === undefined || !original) continue;
		usedBlocks.add(blockOf(original));
		const planted = plant.apply(original, random, base.year);
		if (plant.adds) added.push(planted);
		else rows[index] = planted;
		plantedAt.set(planted, { plant, key: describeKey(original) });
	}
	const written = [...rows, ...added];
	const planted = written.flatMap((observation, index) => {
		const found = plantedAt.get(observation);
		return found
			? [
					{
						kind: found.plant.kind,
						rule: found.plant.rule,
						description: found.plant.description,
						row: index + 2,
						key: found.key,
					},
				]
			: [];
	});
	return {
		seed,
		state: base.state,
		year: base.year,
		task: {
			en: `${base.state.en}, ${base.year}: this submission has ${planted.length} errors. Validate it, find them and fix them, without changing any correct cell.`,
			ru: `${base.state.ru}, ${base.year}: в этом представлении ${planted.length} ошибок. Проверьте его, найдите и исправьте ошибки, не меняя правильных ячеек.`,
		},
		submission: asWrittenLines(written),
		answer: base.answer,
		planted,
		context: base.context,
	};
}

export type FindAndFixScore = {
	/** No error left in validation. */
	readonly clean: boolean;
	readonly issues: readonly Issue[];
	readonly table: TableScore;
	/** Planted cells still not as they should be. */
	readonly unfixed: readonly CellDifference[];
	/** Correct cells the trainee changed. */
	readonly changedCorrectCells: readonly CellDifference[];
};

export function scoreFindAndFix(exercise: FindAndFixExercise, submission: readonly Observation[]): FindAndFixScore {
	const issues = validate(submission, exercise.context);
	const table = scoreTable(exercise.answer, submission);
	const plantedKeys = new Set([
		...exercise.planted.map((error) => error.key),
		...exercise.planted.flatMap((error) => {
			const observation = exercise.submission[error.row - 2];
			return observation ? [describeKey(observation)] : [];
		}),
	]);
	const differences = [...table.wrong, ...table.missing, ...table.extra];
	return {
		clean: !hasErrors(issues),
		issues,
		table,
		unfixed: differences.filter((difference) => plantedKeys.has(difference.key)),
		changedCorrectCells: differences.filter((difference) => !plantedKeys.has(difference.key)),
	};
}
