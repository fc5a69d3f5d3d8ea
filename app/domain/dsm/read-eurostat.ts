import { detectDelimiter, parseCsv, type CsvRow } from "./csv";
import { EUROSTAT_DATASETS, EUROSTAT_FLAGS, EUROSTAT_LABELS, normalizeLabel, type EurostatDataset } from "./eurostat";
import type { Issue } from "./issues";
import type { AttributeId, DimensionId } from "./model";
import type { Observation } from "./observation";
import { failedRead, type ReadResult } from "./read-result";
import { FILE_NO_DATA, FILE_SYNTAX, IMPORT_MAPPING } from "./rules/file";
import { issueOf } from "./rules/rule";
import { cellCountIssue, STRUCT_COLUMNS, STRUCT_HEADER } from "./rules/structure";

/**
 * Eurostat's CSV exports: the old Data Explorer layout with labels (TIME, GEO, …, Value,
 * "Flag and Footnotes") and the SDMX-CSV 1.0 download (DATAFLOW=ESTAT:…, OBS_VALUE, OBS_FLAG).
 * Labels become codes where the mapping is sure; the rest is kept as written and reported, so
 * that the validator still sees every row.
 */

export type EurostatOptions = {
	/** Overrides the dataset's known rounding (Eurostat rounds asylum figures to 5). */
	readonly rounding?: "R5" | "NONE";
};

const SOURCE_AGENCY = "Eurostat";

export function isEurostatHeader(header: readonly string[], firstRow: readonly string[] | undefined): boolean {
	const names = header.map((name) => name.trim().toLowerCase());
	if (names.includes("flag and footnotes")) return true;
	if (names.includes("time") && names.includes("geo") && names.includes("value")) return true;
	return names[0] === "dataflow" && (firstRow?.[0] ?? "").startsWith("ESTAT:");
}

function datasetOf(names: readonly string[], firstRow: readonly string[] | undefined): EurostatDataset | string {
	if (names[0] === "dataflow") {
		const code = /^ESTAT:([^(]+)/.exec(firstRow?.[0] ?? "")?.[1]?.toUpperCase() ?? "";
		return EUROSTAT_DATASETS.find((dataset) => dataset.code === code) ?? code;
	}
	const found = EUROSTAT_DATASETS.find((dataset) => dataset.signature && names.includes(dataset.signature));
	return found ?? `(${names.join(",")})`;
}

/** Eurostat writes 2015, 2015Q1 or 2015-Q1, 2015M01 or 2015-01. */
function periodOf(time: string): { frequency: string; period: string } | undefined {
	const match = /^(\d{4})(?:-?Q([1-4])|-?M?(0[1-9]|1[0-2]))?$/.exec(time.trim());
	if (!match) return undefined;
	const [, year, quarter, month] = match;
	if (quarter) return { frequency: "Q", period: `${year}-Q${quarter}` };
	if (month) return { frequency: "M", period: `${year}-${month}` };
	return { frequency: "A", period: year ?? "" };
}

/** "213,925" → "213925"; ":" → missing. Anything less sure is kept for the validator to judge. */
function valueOf(text: string): { value: string; missing: boolean } {
	const trimmed = text.trim();
	if (trimmed === ":" || trimmed === "") return { value: "", missing: true };
	if (/^\d{1,3}(,\d{3})+$/.test(trimmed)) return { value: trimmed.replaceAll(",", ""), missing: false };
	return { value: trimmed, missing: false };
}

type Tallied = { rows: number; firstRow: number };

class Tally<Key> {
	readonly seen = new Map<string, { key: Key } & Tallied>();
	add(id: string, key: Key, row: number): void {
		const seen = this.seen.get(id);
		this.seen.set(id, { key, rows: (seen?.rows ?? 0) + 1, firstRow: seen?.firstRow ?? row });
	}
}

type Columns = {
	readonly time: number;
	readonly value: number;
	readonly flag: number | undefined;
	readonly confidentiality: number | undefined;
	readonly frequency: number | undefined;
	readonly mapped: ReadonlyArray<readonly [field: DimensionId | "UNIT", index: number, name: string]>;
	readonly totalOnly: ReadonlyArray<readonly [index: number, name: string]>;
};

function columnsOf(header: readonly string[], dataset: EurostatDataset): Columns | string[] {
	const names = header.map((name) => name.trim().toLowerCase());
	const find = (...candidates: string[]) => {
		const index = names.findIndex((name) => candidates.includes(name));
		return index === -1 ? undefined : index;
	};
	const time = find("time", "time_period");
	const value = find("value", "obs_value");
	const mapped = Object.entries(dataset.columns).flatMap(([name, field]) => {
		const index = names.indexOf(name);
		return index === -1 ? [] : [[field, index, header[index] ?? name] as const];
	});
	const fields = new Set(mapped.map(([field]) => field));
	const missing = [
		...(time === undefined ? ["TIME"] : []),
		...(value === undefined ? ["Value"] : []),
		...[...new Set(Object.values(dataset.columns))].filter((field) => !fields.has(field)),
	];
	if (time === undefined || value === undefined || missing.length > 0) return missing;
	const totalOnly = dataset.totalOnly.flatMap((name) => {
		const index = names.indexOf(name);
		return index === -1 ? [] : [[index, header[index] ?? name] as const];
	});
	return {
		time,
		value,
		flag: find("flag and footnotes", "obs_flag"),
		confidentiality: find("conf_status"),
		frequency: find("freq"),
		mapped,
		totalOnly,
	};
}

type Flags = { status: string; confidential: boolean; unmapped: string[] };

function flagsOf(text: string): Flags {
	const flags: Flags = { status: "A", confidential: false, unmapped: [] };
	for (const letter of text.trim().toLowerCase()) {
		const flag = EUROSTAT_FLAGS[letter];
		if (flag?.confidential) flags.confidential = true;
		else if (flag?.status && flags.status === "A") flags.status = flag.status;
		else flags.unmapped.push(letter);
	}
	return flags;
}

type Context = {
	readonly dataset: EurostatDataset;
	readonly columns: Columns;
	readonly rounding: string;
	readonly unmappedLabels: Tally<{ column: string; label: string }>;
	readonly unmappedFlags: Tally<string>;
};

function observationOf(row: CsvRow, context: Context): Observation {
	const { dataset, columns } = context;
	const cell = (index: number | undefined) => (index === undefined ? "" : (row.cells[index] ?? ""));
	const dimensions: Partial<Record<DimensionId, string>> = { ...dataset.fixed };
	let unit = "";
	for (const [field, index, name] of columns.mapped) {
		const label = cell(index);
		const code = EUROSTAT_LABELS[field]?.get(normalizeLabel(label));
		if (code === undefined) context.unmappedLabels.add(`${name}\u001f${label}`, { column: name, label }, row.line);
		if (field === "UNIT") unit = code ?? label;
		else dimensions[field] = code ?? label;
	}
	const time = cell(columns.time);
	const period = periodOf(time);
	dimensions.TIME_PERIOD = period?.period ?? time;
	dimensions.FREQ = period?.frequency ?? EUROSTAT_LABELS.FREQ?.get(cell(columns.frequency)) ?? "";
	const { value, missing } = valueOf(cell(columns.value));
	const flags = flagsOf(cell(columns.flag));
	for (const letter of flags.unmapped) context.unmappedFlags.add(letter, letter, row.line);
	const confidential = flags.confidential || cell(columns.confidentiality).trim().toUpperCase() === "C";
	// ":" is a value Eurostat does not give: missing (O) unless a flag says it cannot exist (M). A
	// value Eurostat kept confidential is one the trainee does not have either: O, not CONF_STATUS C.
	const attributes: Record<AttributeId, string> = {
		UNIT: unit,
		OBS_STATUS: missing && flags.status !== "M" ? "O" : flags.status,
		CONF_STATUS: confidential && !missing ? "C" : "F",
		ROUNDING: context.rounding,
		SOURCE_AGENCY,
		NOTE: `Eurostat ${dataset.code}: ${dataset.description}.`,
	};
	return { indicator: dataset.indicator, action: "I", dimensions, value, attributes, origin: { row: row.line } };
}

function mappingIssues(context: Context): Issue[] {
	const issues: Issue[] = [];
	if (context.dataset.proxy)
		issues.push(
			issueOf(IMPORT_MAPPING, { kind: "proxy", dataset: context.dataset.code, reading: context.dataset.proxy }),
		);
	for (const { key, rows, firstRow } of context.unmappedLabels.seen.values()) {
		issues.push(
			issueOf(IMPORT_MAPPING, { kind: "label", ...key, rows, firstRow }, [{ row: firstRow, column: key.column }]),
		);
	}
	for (const { key: flag, rows, firstRow } of context.unmappedFlags.seen.values()) {
		const meaning = EUROSTAT_FLAGS[flag]?.meaning ?? { en: "unknown flag", ru: "неизвестная отметка" };
		issues.push(issueOf(IMPORT_MAPPING, { kind: "flag", flag, meaning, rows, firstRow }, [{ row: firstRow }]));
	}
	return issues;
}

export function readEurostatRows(rows: readonly CsvRow[], options: EurostatOptions = {}): ReadResult {
	const [header, ...data] = rows;
	const format = header?.cells[0]?.trim().toLowerCase() === "dataflow" ? "eurostat-sdmx-csv" : "eurostat-labels";
	if (!header || data.length === 0) return failedRead(issueOf(FILE_NO_DATA, {}), format);
	const names = header.cells.map((name) => name.trim().toLowerCase());
	const dataset = datasetOf(names, data[0]?.cells);
	if (typeof dataset === "string") {
		const known = EUROSTAT_DATASETS.map(({ code }) => code);
		return failedRead(
			issueOf(STRUCT_HEADER, { kind: "eurostat-dataset", dataset, known }, [{ row: header.line }]),
			format,
		);
	}
	const columns = columnsOf(header.cells, dataset);
	if (Array.isArray(columns)) {
		return failedRead(
			issueOf(STRUCT_COLUMNS, { kind: "missing", indicator: dataset.code, columns }, [{ row: header.line }]),
			format,
		);
	}
	const context: Context = {
		dataset,
		columns,
		rounding: options.rounding ?? dataset.rounding,
		unmappedLabels: new Tally(),
		unmappedFlags: new Tally(),
	};
	const issues: Issue[] = [];
	const outside = new Tally<{ column: string; label: string }>();
	const observations: Observation[] = [];
	for (const row of data) {
		if (row.cells.length !== header.cells.length) {
			issues.push(cellCountIssue(row, header));
			continue;
		}
		const notTotal = columns.totalOnly.find(([index]) => (row.cells[index] ?? "").trim().toLowerCase() !== "total");
		if (notTotal) {
			const [index, column] = notTotal;
			const label = row.cells[index] ?? "";
			outside.add(`${column}\u001f${label}`, { column, label }, row.line);
			continue;
		}
		observations.push(observationOf(row, context));
	}
	for (const { key, rows: count, firstRow } of outside.seen.values()) {
		issues.push(
			issueOf(IMPORT_MAPPING, { kind: "outside", ...key, indicator: dataset.indicator, rows: count, firstRow }, [
				{ row: firstRow, column: key.column },
			]),
		);
	}
	return { format, observations, issues: [...issues, ...mappingIssues(context)], defaulted: [] };
}

export function readEurostatCsv(text: string, options: EurostatOptions = {}): ReadResult {
	const { rows, error } = parseCsv(text, detectDelimiter(text));
	const result = readEurostatRows(rows, options);
	return error ? { ...result, issues: [issueOf(FILE_SYNTAX, error, [{ row: error.line }]), ...result.issues] } : result;
}
