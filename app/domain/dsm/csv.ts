import { escapeFormula, unescapeFormula } from "../spreadsheet";
/**
 * RFC 4180 CSV, read and written. Reading keeps the line every row starts on, so that issues
 * name lines a person can find, and stops with a clear reason on broken quoting rather than
 * throwing. (csv-parse gives the same rows, see csv.test.ts, but line numbers only at a cost.)
 */
export type CsvRow = { readonly line: number; readonly cells: string[] };

export type CsvDelimiter = "," | ";";

export type CsvParse = {
	readonly rows: CsvRow[];
	readonly error?: { readonly line: number; readonly problem: "unclosed-quote" | "text-after-quote" };
	/** A bound of CsvLimits was passed: the rows are cut short there and must not be used. */
	readonly limit?: { readonly kind: "rows" | "cells-per-row" | "cells"; readonly line: number; readonly limit: number };
};

/** Bounds that keep a hostile file from taking the reader's memory: rows, cells per row, cells in all. */
export type CsvLimits = { readonly rows?: number; readonly cellsPerRow?: number; readonly cells?: number };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** SDMX-CSV 2.0: the delimiter is the character after the first header field, `STRUCTURE[;]` or `STRUCTURE[|]=DATAFLOW`. */
const STRUCTURE_FIELD = /^\uFEFF?STRUCTURE(?:\[(?:[^\]]|\]\])*\])?(?:=[^,;\r\n]*)?([,;])/;

/** The delimiter of a file: as SDMX-CSV 2.0 declares it, else the one the header uses more, outside quotes; comma on a tie. */
export function detectDelimiter(text: string): CsvDelimiter {
	const declared = STRUCTURE_FIELD.exec(text.slice(0, 4096));
	if (declared) return declared[1] as CsvDelimiter;
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === QUOTE) quoted = !quoted;
		else if (!quoted && (code === LF || code === CR)) break;
		else if (!quoted && code === 44) commas++;
		else if (!quoted && code === 59) semicolons++;
	}
	return semicolons > commas ? ";" : ",";
}

function countLineBreaks(text: string, from: number, to: number): number {
	let count = 0;
	for (let index = from; index < to; index++) if (text.charCodeAt(index) === LF) count++;
	return count;
}

export function parseCsv(text: string, delimiter: CsvDelimiter, limits: CsvLimits = {}): CsvParse {
	const separator = delimiter.charCodeAt(0);
	const rows: CsvRow[] = [];
	const length = text.length;
	const maxRows = limits.rows ?? Infinity;
	const maxCellsPerRow = limits.cellsPerRow ?? Infinity;
	const maxCells = limits.cells ?? Infinity;
	let totalCells = 0;
	let index = 0;
	let line = 1;
	while (index < length) {
		const rowLine = line;
		const cells: string[] = [];
		for (;;) {
			if (cells.length >= maxCellsPerRow)
				return { rows, limit: { kind: "cells-per-row", line: rowLine, limit: maxCellsPerRow } };
			if (text.charCodeAt(index) === QUOTE) {
				let value = "";
				let start = index + 1;
				for (;;) {
					const close = text.indexOf('"', start);
					if (close === -1) return { rows, error: { line: rowLine, problem: "unclosed-quote" } };
					value += text.slice(start, close);
					line += countLineBreaks(text, start, close);
					if (text.charCodeAt(close + 1) !== QUOTE) {
						index = close + 1;
						break;
					}
					value += '"';
					start = close + 2;
				}
				cells.push(value);
				const next = text.charCodeAt(index);
				if (index < length && next !== separator && next !== LF && next !== CR) {
					return { rows, error: { line, problem: "text-after-quote" } };
				}
			} else {
				let end = index;
				while (end < length) {
					const code = text.charCodeAt(end);
					if (code === separator || code === LF || code === CR) break;
					end++;
				}
				cells.push(text.slice(index, end));
				index = end;
			}
			if (text.charCodeAt(index) !== separator) break;
			index++;
		}
		if (text.charCodeAt(index) === CR) index++;
		if (text.charCodeAt(index) === LF) index++;
		line++;
		if (cells.length > 1 || cells[0] !== "") {
			// The header is not a data line: the bound is on data lines.
			if (rows.length > maxRows) return { rows, limit: { kind: "rows", line: rowLine, limit: maxRows } };
			totalCells += cells.length;
			if (totalCells > maxCells) return { rows, limit: { kind: "cells", line: rowLine, limit: maxCells } };
			rows.push({ line: rowLine, cells });
		}
	}
	return { rows };
}

// Formula escaping is the app's one function for every spreadsheet it writes (app/domain/spreadsheet.ts).
export { escapeFormula, unescapeFormula };

const NEEDS_QUOTES = /[",;\r\n]/;

function formatCell(cell: string): string {
	const safe = escapeFormula(cell);
	return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV text with CRLF line ends, every cell escaped against formulas and quoted when it must be. */
export function formatCsv(rows: ReadonlyArray<readonly string[]>, delimiter: CsvDelimiter = ","): string {
	return rows.map((row) => row.map(formatCell).join(delimiter)).join("\r\n") + "\r\n";
}
