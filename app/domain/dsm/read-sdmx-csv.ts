import { parseCsv, detectDelimiter, unescapeFormula, type CsvRow } from "./csv";
import type { Issue } from "./issues";
import {
	ATTRIBUTES,
	BREAKDOWNS,
	COMMON_DIMENSIONS,
	INDICATORS,
	OPTIONAL_ATTRIBUTE_DEFAULTS,
	dimensionsOf,
	indicatorOfStructureId,
	type AttributeId,
	type BreakdownId,
	type DimensionId,
	type IndicatorId,
} from "./model";
import type { Observation } from "./observation";
import { failedRead, type ReadResult } from "./read-result";
import { FILE_CUSTOM_COLUMNS, FILE_EMPTY, FILE_NO_DATA, FILE_SYNTAX } from "./rules/file";
import { issueOf } from "./rules/rule";
import { cellCountIssue, STRUCT_COLUMNS, STRUCT_HEADER } from "./rules/structure";

/**
 * SDMX-CSV 2.0 (STRUCTURE, STRUCTURE_ID, optional ACTION) and 1.0 (DATAFLOW) files of the DSM
 * dataflows, as the SDMX-CSV 2.0 field guide has them: columns in any order, their names exact;
 * the attribute columns after OBS_VALUE may be left out, and an empty attribute cell is an
 * omitted value, with the same default as an absent column. Beyond that, what the guide allows:
 * `STRUCTURE[;]` (or `[|]`) declaring the sub-field separator, multi-valued (`NOTE[]`) and
 * multilingual (`NOTE[en;ru]`) columns, the condensed flavour (`ACTION=I` in the header fills
 * empty cells), labels in "both" mode (`SEX: Sex` in the header, `F: Female` in cells), custom
 * columns (ignored, with a note), reporting periods such as `2024-M01`, and ACTION=D rows with
 * `-` as the delete marker and empty dimensions as wildcards.
 */

type Version = "2.0" | "1.0";

/** One header cell, read as the field guide writes it: `ID[sub-fields]: Label=fixed value`. */
type HeaderCell = {
	readonly id: string;
	/** The condensed flavour's value for every row whose cell is empty. */
	readonly fixed?: string;
	/** "multi" for `NOTE[]`, the languages for `NOTE[en;ru]`. */
	readonly subfields?: "multi" | readonly string[];
	/** The header gave a label after the ID ("SEX: Sex"): labels=both. */
	readonly labelled: boolean;
	/** For STRUCTURE: the sub-field separator in its brackets. */
	readonly separator?: string;
};

const HEADER_CELL = /^([^[\]=:]+?)(?:\[((?:[^\]]|\]\])*)\])?(: [^=]*)?(?:=(.*))?$/s;

function headerCell(text: string, separator: string): HeaderCell {
	const match = HEADER_CELL.exec(text);
	if (!match) return { id: text, labelled: false };
	const [, id = text, brackets, label, fixed] = match;
	const base = { id, fixed, labelled: label !== undefined };
	if (brackets === undefined) return base;
	if (id === "STRUCTURE") return { ...base, separator: brackets.replaceAll("]]", "]") || undefined };
	if (brackets === "") return { ...base, subfields: "multi" };
	return { ...base, subfields: brackets.split(separator).filter((language) => language !== "") };
}

/** The header's cells, the sub-field separator STRUCTURE[x] declares first (";" when none is). */
function readHeader(cells: readonly string[]): { cells: HeaderCell[]; separator: string } {
	const first = headerCell(cells[0] ?? "", ";");
	const separator = first.separator ?? ";";
	return { cells: [first, ...cells.slice(1).map((cell) => headerCell(cell, separator))], separator };
}

/** Columns the field guide defines beside the components, which carry nothing the DSM reads. */
const STANDARD_EXTRAS: ReadonlySet<string> = new Set(["SERIES_KEY", "OBS_KEY", "STRUCTURE_NAME"]);

/** Coded columns, whose cells in labels=both mode are `CODE: Label`. */
const CODED: ReadonlySet<string> = new Set([
	"STRUCTURE",
	"ACTION",
	...COMMON_DIMENSIONS,
	...BREAKDOWNS,
	...ATTRIBUTES.filter((attribute) => attribute !== "SOURCE_AGENCY" && attribute !== "NOTE"),
]);

/** "F: Female" → "F"; a code never holds ": ". */
function codeOf(cell: string): string {
	const end = cell.indexOf(": ");
	return end > 0 ? cell.slice(0, end) : cell;
}

/** SDMX 3.0 reporting periods as the DSM writes periods: 2024-M01 → 2024-01, 2024-A1 → 2024. */
export function dsmPeriod(text: string): string {
	const monthly = /^(\d{4})-M(0[1-9]|1[0-2])$/.exec(text);
	if (monthly) return `${monthly[1]}-${monthly[2]}`;
	const annual = /^(\d{4})-A1$/.exec(text);
	if (annual) return annual[1]!;
	return text;
}

const KNOWN_COLUMNS: ReadonlySet<string> = new Set([
	"STRUCTURE",
	"STRUCTURE_ID",
	"ACTION",
	...COMMON_DIMENSIONS,
	...BREAKDOWNS,
	...ATTRIBUTES,
	"OBS_VALUE",
]);

function versionOf(cells: readonly HeaderCell[]): Version | undefined {
	if (cells[0]?.id === "STRUCTURE" && cells[1]?.id === "STRUCTURE_ID") return "2.0";
	if (cells[0]?.id === "DATAFLOW") return "1.0";
	return undefined;
}

type Unknown = { readonly column: string; readonly suggestion?: string };

/** Column positions by ID, the columns the DSM does not know, or the issues that make the header unusable. */
function indexColumns(header: readonly HeaderCell[], version: Version) {
	const columns = new Map<string, number>();
	const issues: Issue[] = [];
	const unknown: Unknown[] = [];
	let duplicated = false;
	const known = version === "1.0" ? new Set([...KNOWN_COLUMNS, "DATAFLOW"]) : KNOWN_COLUMNS;
	header.forEach(({ id: name }, index) => {
		if (columns.has(name)) {
			duplicated = true;
			issues.push(issueOf(STRUCT_COLUMNS, { kind: "duplicate", column: name }, [{ row: 1, column: name }]));
			return;
		}
		columns.set(name, index);
		if (!known.has(name) && !STANDARD_EXTRAS.has(name)) {
			const suggestion = [...known].find((column) => column === name.trim().toUpperCase());
			unknown.push({ column: name, suggestion });
		}
	});
	return { columns, issues, unknown, duplicated };
}

/**
 * Columns the DSM does not know: custom columns, which the field guide allows, are ignored with
 * a note; but one that looks like a misspelt DSM column, or any in a file that misses a required
 * column, is the error it most likely is.
 */
function unknownColumnIssues(unknown: readonly Unknown[], columnsMissing: boolean): Issue[] {
	const misspelt = unknown.filter((column) => column.suggestion || columnsMissing);
	const custom = unknown.filter((column) => !misspelt.includes(column));
	const issues = misspelt.map(({ column, suggestion }) =>
		issueOf(STRUCT_COLUMNS, { kind: "unknown", column, suggestion }, [{ row: 1, column }]),
	);
	if (custom.length > 0) {
		const names = custom.map(({ column }) => column);
		issues.push(
			issueOf(
				FILE_CUSTOM_COLUMNS,
				{ columns: names },
				names.map((column) => ({ row: 1, column })),
			),
		);
	}
	return issues;
}

/** How to read the rows of one indicator from this file's columns. */
type Plan = {
	readonly indicator: IndicatorId;
	readonly dimensions: ReadonlyArray<readonly [DimensionId, number]>;
	readonly attributes: ReadonlyArray<readonly [AttributeId, number | undefined]>;
	readonly value: number;
	readonly action: number | undefined;
	/** Breakdown columns of other indicators, which this indicator's rows leave empty. */
	readonly foreign: ReadonlyArray<readonly [BreakdownId, number]>;
};

function planFor(indicator: IndicatorId, columns: ReadonlyMap<string, number>): Plan | { missing: string[] } {
	const required = [...dimensionsOf(indicator), "UNIT", "OBS_VALUE"];
	const missing = required.filter((column) => !columns.has(column));
	if (missing.length > 0) return { missing };
	const position = (column: string) => columns.get(column) ?? -1;
	const own = INDICATORS[indicator].breakdowns;
	return {
		indicator,
		dimensions: dimensionsOf(indicator).map((dimension) => [dimension, position(dimension)] as const),
		attributes: ATTRIBUTES.map((attribute) => [attribute, columns.get(attribute)] as const),
		value: position("OBS_VALUE"),
		action: columns.get("ACTION"),
		foreign: BREAKDOWNS.filter((dimension) => !own.includes(dimension) && columns.has(dimension)).map(
			(dimension) => [dimension, position(dimension)] as const,
		),
	};
}

/** How the cells of one file's columns are read: fixed values, labels, sub-fields. */
type Reading = {
	readonly header: readonly HeaderCell[];
	readonly separator: string;
	readonly labels: boolean;
	/** Per column: nothing to do beyond undoing formula escaping (no fixed value, sub-fields or labels). */
	readonly plain: readonly boolean[];
};

/** A cell as the DSM reads it: the condensed header's value when empty, formula escaping undone, codes without labels. */
function cellValue(reading: Reading, cells: readonly string[], index: number): string {
	const raw = cells[index] ?? "";
	if (reading.plain[index]) return raw.charCodeAt(0) === 39 ? unescapeFormula(raw) : raw;
	const column = reading.header[index];
	const text = unescapeFormula(raw === "" ? (column?.fixed ?? "") : raw);
	if (!column) return text;
	const coded = CODED.has(column.id);
	const { subfields } = column;
	if (subfields === undefined || text === "") return coded && reading.labels ? codeOf(text) : text;
	const parts = text.split(reading.separator);
	if (subfields === "multi") {
		// A code list stays one cell that CODE judges ("PER;CASE"); text values are kept side by side.
		return coded ? parts.map((part) => (reading.labels ? codeOf(part) : part)).join(";") : parts.join(" | ");
	}
	// NOTE[en;ru]: "en:Foreigners …;ru:Иностранцы …" → "en: Foreigners … | ru: Иностранцы …".
	return parts
		.map((part) => {
			const language = /^([a-z]{2}):/i.exec(part);
			return language ? `${language[1]}: ${part.slice(3)}` : part;
		})
		.join(" | ");
}

function observationOf(plan: Plan, row: CsvRow, reading: Reading): Observation {
	const { cells } = row;
	const dimensions: Partial<Record<DimensionId, string>> = {};
	for (const [dimension, index] of plan.dimensions) dimensions[dimension] = cellValue(reading, cells, index);
	if (dimensions.TIME_PERIOD !== undefined) dimensions.TIME_PERIOD = dsmPeriod(dimensions.TIME_PERIOD);
	const action = plan.action === undefined ? "I" : cellValue(reading, cells, plan.action);
	const attributes = {} as Record<AttributeId, string>;
	for (const [attribute, index] of plan.attributes) {
		const value = index === undefined ? "" : cellValue(reading, cells, index);
		// An empty cell is an omitted value: the default of an absent column (not for deletions, where "" means "keep").
		attributes[attribute] = value === "" && action !== "D" ? (OPTIONAL_ATTRIBUTE_DEFAULTS[attribute] ?? "") : value;
	}
	return {
		indicator: plan.indicator,
		action,
		dimensions,
		value: cellValue(reading, cells, plan.value),
		attributes,
		origin: { row: row.line },
	};
}

/** Counts rows that share a problem, so that one issue stands for all of them. */
class Tally {
	readonly #seen = new Map<string, { rows: number; firstRow: number }>();
	add(value: string, row: number): void {
		const seen = this.#seen.get(value);
		this.#seen.set(value, { rows: (seen?.rows ?? 0) + 1, firstRow: seen?.firstRow ?? row });
	}
	entries() {
		return this.#seen.entries();
	}
}

/** Reads the rows of an SDMX-CSV file, header first. */
export function readSdmxRows(rows: readonly CsvRow[]): ReadResult {
	const [header, ...data] = rows;
	if (!header) return failedRead(issueOf(FILE_EMPTY, {}));
	const { cells: headerCells, separator } = readHeader(header.cells);
	const version = versionOf(headerCells);
	if (!version)
		return failedRead(
			issueOf(STRUCT_HEADER, { kind: "not-sdmx", firstColumns: header.cells.slice(0, 3) }, [{ row: header.line }]),
		);
	const format = version === "2.0" ? "sdmx-csv-2.0" : "sdmx-csv-1.0";
	const { columns, issues, unknown, duplicated } = indexColumns(headerCells, version);
	if (duplicated)
		return { format, observations: [], issues: [...issues, ...unknownColumnIssues(unknown, false)], defaulted: [] };
	const labels = headerCells.some((cell) => cell.labelled);
	const reading: Reading = {
		header: headerCells,
		separator,
		labels,
		plain: headerCells.map(
			(cell) => cell.fixed === undefined && cell.subfields === undefined && !(labels && CODED.has(cell.id)),
		),
	};
	if (data.length === 0)
		return {
			format,
			observations: [],
			issues: [...issues, ...unknownColumnIssues(unknown, false), issueOf(FILE_NO_DATA, {})],
			defaulted: [],
		};

	const structureColumn = columns.get(version === "2.0" ? "STRUCTURE_ID" : "DATAFLOW") ?? 0;
	const kindColumn = version === "2.0" ? columns.get("STRUCTURE") : undefined;
	const plans = new Map<string, Plan | undefined>();
	const unknownDataflows = new Tally();
	const observations: Observation[] = [];

	for (const row of data) {
		if (row.cells.length !== header.cells.length) {
			issues.push(cellCountIssue(row, header));
			continue;
		}
		const kind = kindColumn === undefined ? "dataflow" : cellValue(reading, row.cells, kindColumn);
		if (kind.toLowerCase() !== "dataflow") {
			issues.push(
				issueOf(STRUCT_HEADER, { kind: "structure", value: kind, row: row.line }, [
					{ row: row.line, column: "STRUCTURE" },
				]),
			);
			continue;
		}
		const structureId = codeOf(cellValue(reading, row.cells, structureColumn));
		if (!plans.has(structureId)) plans.set(structureId, resolvePlan(structureId, columns, issues));
		const plan = plans.get(structureId);
		if (!plan) {
			if (!indicatorOfStructureId(structureId)) unknownDataflows.add(structureId, row.line);
			continue;
		}
		for (const [dimension, index] of plan.foreign) {
			const value = cellValue(reading, row.cells, index);
			if (value !== "") {
				issues.push(
					issueOf(
						STRUCT_COLUMNS,
						{ kind: "foreign", row: row.line, column: dimension, indicator: plan.indicator, value },
						[{ row: row.line, column: dimension }],
					),
				);
			}
		}
		observations.push(observationOf(plan, row, reading));
	}
	for (const [value, { rows: count, firstRow }] of unknownDataflows.entries()) {
		issues.push(
			issueOf(STRUCT_HEADER, { kind: "dataflow", value, rows: count, firstRow }, [
				{ row: firstRow, column: version === "2.0" ? "STRUCTURE_ID" : "DATAFLOW" },
			]),
		);
	}
	const columnsMissing = issues.some((issue) => issue.rule === "STRUCT-COLUMNS" && issue.cells[0]?.row === 1);
	issues.unshift(...unknownColumnIssues(unknown, columnsMissing));
	const defaulted = ATTRIBUTES.filter((attribute) => attribute !== "UNIT" && !columns.has(attribute));
	return { format, observations, issues, defaulted };
}

function resolvePlan(structureId: string, columns: ReadonlyMap<string, number>, issues: Issue[]): Plan | undefined {
	const indicator = indicatorOfStructureId(structureId);
	if (!indicator) return undefined;
	const plan = planFor(indicator, columns);
	if ("missing" in plan) {
		issues.push(issueOf(STRUCT_COLUMNS, { kind: "missing", indicator, columns: plan.missing }, [{ row: 1 }]));
		return undefined;
	}
	return plan;
}

/** Reads SDMX-CSV text (already decoded, see encoding.ts). */
export function readSdmxCsv(text: string): ReadResult {
	const { rows, error } = parseCsv(text, detectDelimiter(text));
	const result = readSdmxRows(rows);
	return error ? { ...result, issues: [issueOf(FILE_SYNTAX, error, [{ row: error.line }]), ...result.issues] } : result;
}
