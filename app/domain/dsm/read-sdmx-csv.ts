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
import { FILE_EMPTY, FILE_NO_DATA, FILE_SYNTAX } from "./rules/file";
import { issueOf } from "./rules/rule";
import { cellCountIssue, STRUCT_COLUMNS, STRUCT_HEADER } from "./rules/structure";

/**
 * SDMX-CSV 2.0 (STRUCTURE, STRUCTURE_ID, optional ACTION) and 1.0 (DATAFLOW) files of the DSM
 * dataflows. Columns may come in any order; their names are exact. The attribute columns after
 * OBS_VALUE may be left out and then take their defaults.
 */

type Version = "2.0" | "1.0";

const KNOWN_COLUMNS: ReadonlySet<string> = new Set([
	"STRUCTURE",
	"STRUCTURE_ID",
	"ACTION",
	...COMMON_DIMENSIONS,
	...BREAKDOWNS,
	...ATTRIBUTES,
	"OBS_VALUE",
]);

function versionOf(cells: readonly string[]): Version | undefined {
	if (cells[0] === "STRUCTURE" && cells[1] === "STRUCTURE_ID") return "2.0";
	if (cells[0] === "DATAFLOW") return "1.0";
	return undefined;
}

/** Column positions by name, or the issues that make the header unusable. */
function indexColumns(header: readonly string[], version: Version) {
	const columns = new Map<string, number>();
	const issues: Issue[] = [];
	let duplicated = false;
	const known = version === "1.0" ? new Set([...KNOWN_COLUMNS, "DATAFLOW"]) : KNOWN_COLUMNS;
	header.forEach((name, index) => {
		if (columns.has(name)) {
			duplicated = true;
			issues.push(issueOf(STRUCT_COLUMNS, { kind: "duplicate", column: name }, [{ row: 1, column: name }]));
			return;
		}
		columns.set(name, index);
		if (!known.has(name)) {
			const suggestion = [...known].find((column) => column === name.trim().toUpperCase());
			issues.push(issueOf(STRUCT_COLUMNS, { kind: "unknown", column: name, suggestion }, [{ row: 1, column: name }]));
		}
	});
	return { columns, issues, duplicated };
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

function observationOf(plan: Plan, row: CsvRow): Observation {
	const { cells } = row;
	const dimensions: Partial<Record<DimensionId, string>> = {};
	for (const [dimension, index] of plan.dimensions) dimensions[dimension] = cells[index] ?? "";
	const attributes = {} as Record<AttributeId, string>;
	for (const [attribute, index] of plan.attributes) {
		attributes[attribute] =
			index === undefined ? (OPTIONAL_ATTRIBUTE_DEFAULTS[attribute] ?? "") : unescapeFormula(cells[index] ?? "");
	}
	return {
		indicator: plan.indicator,
		action: plan.action === undefined ? "I" : (cells[plan.action] ?? ""),
		dimensions,
		value: cells[plan.value] ?? "",
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
	const version = versionOf(header.cells);
	if (!version)
		return failedRead(
			issueOf(STRUCT_HEADER, { kind: "not-sdmx", firstColumns: header.cells.slice(0, 3) }, [{ row: header.line }]),
		);
	const format = version === "2.0" ? "sdmx-csv-2.0" : "sdmx-csv-1.0";
	const { columns, issues, duplicated } = indexColumns(header.cells, version);
	if (duplicated) return { format, observations: [], issues, defaulted: [] };
	if (data.length === 0)
		return { format, observations: [], issues: [...issues, issueOf(FILE_NO_DATA, {})], defaulted: [] };

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
		const kind = kindColumn === undefined ? "dataflow" : (row.cells[kindColumn] ?? "");
		if (kind !== "dataflow") {
			issues.push(
				issueOf(STRUCT_HEADER, { kind: "structure", value: kind, row: row.line }, [
					{ row: row.line, column: "STRUCTURE" },
				]),
			);
			continue;
		}
		const structureId = row.cells[structureColumn] ?? "";
		if (!plans.has(structureId)) plans.set(structureId, resolvePlan(structureId, columns, issues));
		const plan = plans.get(structureId);
		if (!plan) {
			if (!indicatorOfStructureId(structureId)) unknownDataflows.add(structureId, row.line);
			continue;
		}
		for (const [dimension, index] of plan.foreign) {
			const value = row.cells[index] ?? "";
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
		observations.push(observationOf(plan, row));
	}
	for (const [value, { rows: count, firstRow }] of unknownDataflows.entries()) {
		issues.push(
			issueOf(STRUCT_HEADER, { kind: "dataflow", value, rows: count, firstRow }, [
				{ row: firstRow, column: version === "2.0" ? "STRUCTURE_ID" : "DATAFLOW" },
			]),
		);
	}
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
