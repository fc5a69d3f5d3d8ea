import { PRACTICE_STATE, type Code } from "../codelists";
import { formatCsv } from "../csv";
import type { Localized } from "../localized";
import type { AttributeId, IndicatorId } from "../model";
import type { Observation } from "../observation";
import type { ValidationContext } from "../rules/check";
import { completeTable } from "../table";
import { asWrittenLines } from "../write-sdmx-csv";
import {
	asylumApplications,
	asylumDecisions,
	foreignersOnReferenceDate,
	pendingCasesAtStart,
	personsCrossing,
	type Tally,
} from "./aggregate";
import { seededRandom, type Random } from "./random";
import type { AsylumCase, AsylumOutcome, BorderCrossing, RecordedSex, RegisterEntry, Sources } from "./sources";

/**
 * A compile exercise: a fictional state's raw records for one year, generated from a seed, and
 * the indicator tables they aggregate to. The records hold the traps of real data: nationals
 * among the records, crossings and registrations outside the year, repeated crossings of one
 * person, unknown sex and birth dates, stateless and unknown citizenships.
 */

export type CompileExercise = {
	readonly seed: number;
	readonly state: Code;
	readonly year: number;
	readonly task: Localized;
	readonly sources: Sources;
	/** IND1, IND3, IND4 (persons), IND5 and IND6, every cell filled, totals included. */
	readonly answer: Observation[];
	/** What validating a trainee's table for this exercise needs. */
	readonly context: ValidationContext;
};

const CITIZENSHIP_POOL = [
	"UZ",
	"TJ",
	"KG",
	"KZ",
	"RU",
	"UA",
	"AZ",
	"AM",
	"GE",
	"AF",
	"CN",
	"TR",
	"IN",
	"SY",
	"IR",
	"VN",
] as const;
const CHECKPOINTS = ["Airport", "Northern road", "River port", "Railway station"] as const;
const DAY = 24 * 60 * 60 * 1000;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const timeOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

type Person = { citizenship: string; sex: RecordedSex; birthDate: string };

function personMaker(random: Random, state: string, year: number) {
	const weights: Array<readonly [string, number]> = [
		...random
			.shuffle(CITIZENSHIP_POOL)
			.slice(0, 7)
			.map((code) => [code, random.int(1, 10)] as const),
		["STLS", 1],
		["UNK", 0.5],
	];
	return (nationalShare: number): Person => {
		const citizenship = random.chance(nationalShare) ? state : random.weighted(weights);
		const sex = random.weighted<RecordedSex>([
			["F", 47],
			["M", 50],
			["U", 3],
		]);
		const age = random.weighted([
			[random.int(0, 13), 15],
			[random.int(14, 17), 8],
			[random.int(18, 34), 40],
			[random.int(35, 64), 30],
			[random.int(65, 85), 7],
		] as const);
		const born = timeOf(`${year - age}-01-01`) - random.int(0, 364) * DAY;
		return { citizenship, sex, birthDate: random.chance(0.04) ? "" : isoDay(born) };
	};
}

function dateBetween(random: Random, from: string, to: string): string {
	return isoDay(timeOf(from) + random.int(0, Math.round((timeOf(to) - timeOf(from)) / DAY)) * DAY);
}

function residenceRegister(random: Random, person: (nationalShare: number) => Person, year: number): RegisterEntry[] {
	return Array.from({ length: random.int(250, 400) }, (_, index) => {
		const registeredFrom = dateBetween(random, `${year - 5}-01-01`, `${year}-12-31`);
		const registeredUntil = random.chance(0.35) ? dateBetween(random, registeredFrom, `${year + 1}-12-31`) : "";
		const permit = random.chance(0.3) ? "PERMANENT" : "TEMPORARY";
		return {
			personId: `R${String(index + 1).padStart(5, "0")}`,
			...person(0.08),
			registeredFrom,
			registeredUntil,
			permit,
		};
	});
}

function borderCrossings(random: Random, person: (nationalShare: number) => Person, year: number): BorderCrossing[] {
	const crossings: Array<Omit<BorderCrossing, "crossingId">> = [];
	const travellers = random.int(150, 250);
	for (let index = 0; index < travellers; index++) {
		const traveller = { personId: `P${String(index + 1).padStart(5, "0")}`, ...person(0.15) };
		const tripYear = random.chance(0.2) ? year - 1 : year;
		let day = dateBetween(random, `${tripYear}-01-01`, `${tripYear}-10-31`);
		for (let trip = random.int(1, 3); trip > 0 && day.startsWith(String(tripYear)); trip--) {
			crossings.push({ ...traveller, date: day, direction: "IN", checkpoint: random.pick(CHECKPOINTS) });
			day = isoDay(timeOf(day) + random.int(1, 60) * DAY);
			crossings.push({ ...traveller, date: day, direction: "OUT", checkpoint: random.pick(CHECKPOINTS) });
			day = isoDay(timeOf(day) + random.int(5, 90) * DAY);
		}
	}
	crossings.sort((a, b) => a.date.localeCompare(b.date) || a.personId.localeCompare(b.personId));
	return crossings.map((crossing, index) => ({ crossingId: `C${String(index + 1).padStart(6, "0")}`, ...crossing }));
}

function decisionAfter(
	random: Random,
	day: string,
	minDays: number,
	maxDays: number,
	outcomes: ReadonlyArray<readonly [AsylumOutcome, number]>,
) {
	return { date: isoDay(timeOf(day) + random.int(minDays, maxDays) * DAY), outcome: random.weighted(outcomes) };
}

function asylumCases(random: Random, person: (nationalShare: number) => Person, year: number): AsylumCase[] {
	return Array.from({ length: random.int(80, 140) }, (_, index) => {
		const lodged = dateBetween(random, `${year - 1}-01-01`, `${year}-12-31`);
		const first = random.chance(0.75)
			? decisionAfter(random, lodged, 20, 400, [
					["GENCONV", 25],
					["SUB_PROT", 15],
					["HUMSTAT", 5],
					["REJECTED", 55],
				])
			: undefined;
		const final =
			first?.outcome === "REJECTED" && random.chance(0.5)
				? decisionAfter(random, first.date, 30, 250, [
						["GENCONV", 15],
						["SUB_PROT", 10],
						["HUMSTAT", 5],
						["REJECTED", 70],
					])
				: undefined;
		return {
			caseId: `A${String(index + 1).padStart(5, "0")}`,
			...person(0),
			lodged,
			applicantType: random.chance(0.85) ? "FIRST" : "SUBSEQ",
			firstDecisionDate: first?.date ?? "",
			firstDecision: first?.outcome ?? "",
			finalDecisionDate: final?.date ?? "",
			finalDecision: final?.outcome ?? "",
		};
	});
}

const NOTES: Readonly<Record<IndicatorId, string>> = {
	IND1: "Foreigners: persons without Arcadian citizenship, incl. stateless. Stock on 1 January from the residence register; persons, family members included.",
	IND2: "Work permits: applications and decisions of the year; persons.",
	IND3: "Foreigners entering: persons (not crossings) with at least one entry in the year, from the border-crossing log.",
	IND4: "Foreigners leaving: persons (not crossings) with at least one exit in the year, from the border-crossing log.",
	IND5: "Asylum applications lodged in the year, persons; first-time and subsequent applicants.",
	IND6: "Decisions of the year: first instance and final (appeal); persons.",
};

const AGENCIES: Readonly<Record<IndicatorId, string>> = {
	IND1: "Arcadia Migration Service",
	IND2: "Arcadia Ministry of Labour",
	IND3: "Arcadia Border Guard",
	IND4: "Arcadia Border Guard",
	IND5: "Arcadia Asylum Office",
	IND6: "Arcadia Asylum Office",
};

function attributesFor(indicator: IndicatorId): Record<AttributeId, string> {
	return {
		UNIT: "PER",
		OBS_STATUS: "A",
		CONF_STATUS: "F",
		ROUNDING: "NONE",
		SOURCE_AGENCY: AGENCIES[indicator],
		NOTE: NOTES[indicator],
	};
}

function tableOf(indicator: IndicatorId, tally: Tally, year: number): Observation[] {
	const header = {
		refArea: PRACTICE_STATE.code,
		period: String(year),
		frequency: "A",
		attributes: attributesFor(indicator),
	};
	return completeTable(indicator, tally.citizens, tally.cells, header);
}

export function compileExercise(seed: number): CompileExercise {
	const random = seededRandom(seed);
	const year = 2019 + random.int(0, 5);
	const state = PRACTICE_STATE.code;
	const person = personMaker(random, state, year);
	const sources: Sources = {
		residenceRegister: residenceRegister(random, person, year),
		borderCrossings: borderCrossings(random, person, year),
		asylumCases: asylumCases(random, person, year),
	};
	const answer = asWrittenLines([
		...tableOf("IND1", foreignersOnReferenceDate(sources.residenceRegister, state, `${year}-01-01`), year),
		...tableOf("IND3", personsCrossing(sources.borderCrossings, state, year, "IN"), year),
		...tableOf("IND4", personsCrossing(sources.borderCrossings, state, year, "OUT"), year),
		...tableOf("IND5", asylumApplications(sources.asylumCases, state, year), year),
		...tableOf("IND6", asylumDecisions(sources.asylumCases, state, year), year),
	]);
	const pending = pendingCasesAtStart(sources.asylumCases, state, year);
	return {
		seed,
		state: PRACTICE_STATE,
		year,
		task: {
			en: `${PRACTICE_STATE.en}, ${year}: aggregate the residence register, the border-crossing log and the asylum case records into IND1 (stock on 1 January ${year}), IND3 and IND4 (persons, not crossings), IND5 and IND6. Foreigners only; every citizenship, sex and age band with its totals; write 0 where nobody is counted. ${pending.TOTAL ?? 0} asylum cases were pending on 1 January.`,
			ru: `${PRACTICE_STATE.ru}, ${year}: сведите регистр проживания, журнал пересечений границы и дела о предоставлении убежища в IND1 (численность на 1 января ${year}), IND3 и IND4 (люди, а не пересечения), IND5 и IND6. Только иностранцы; все гражданства, пол и возрастные группы с итогами; пишите 0, где никого нет. На 1 января не рассмотрено дел: ${pending.TOTAL ?? 0}.`,
		},
		sources,
		answer,
		context: {
			country: state,
			window: { from: String(year), to: String(year) },
			pendingCasesAtStart: pending,
			citizenBreakdownComplete: true,
		},
	};
}

/** The raw records as CSV files, as the trainee receives them. */
export function sourceFiles(sources: Sources): Record<string, string> {
	const table = <T extends object>(records: readonly T[], columns: ReadonlyArray<keyof T & string>) =>
		formatCsv([columns, ...records.map((record) => columns.map((column) => String(record[column])))]);
	return {
		"residence-register.csv": table(sources.residenceRegister, [
			"personId",
			"citizenship",
			"sex",
			"birthDate",
			"registeredFrom",
			"registeredUntil",
			"permit",
		]),
		"border-crossings.csv": table(sources.borderCrossings, [
			"crossingId",
			"date",
			"direction",
			"personId",
			"citizenship",
			"sex",
			"birthDate",
			"checkpoint",
		]),
		"asylum-cases.csv": table(sources.asylumCases, [
			"caseId",
			"citizenship",
			"sex",
			"birthDate",
			"lodged",
			"applicantType",
			"firstDecisionDate",
			"firstDecision",
			"finalDecisionDate",
			"finalDecision",
		]),
	};
}
