import { detectDelimiter, parseCsv } from "./csv";
import { decodeText, fileProblem } from "./encoding";
import { FILE_LIMIT, FILE_SYNTAX, READ_LIMITS } from "./rules/file";
import { issueOf } from "./rules/rule";
import { isEurostatHeader, readEurostatRows, type EurostatOptions } from "./read-eurostat";
import { failedRead, type ReadResult } from "./read-result";
import { readSdmxRows } from "./read-sdmx-csv";
import { readXlsx } from "./read-xlsx";

/**
 * Any file a trainee uploads: the XLSX template, SDMX-CSV 2.0 or 1.0, or a Eurostat export,
 * told apart by content (not by name). Never throws; what cannot be read comes back as issues.
 */

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

const isZip = (bytes: Uint8Array) => ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);

export type ReadOptions = EurostatOptions;

export async function readDsmFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
	const problem = fileProblem(bytes);
	if (problem) return failedRead(problem);
	if (isZip(bytes)) return readXlsx(bytes);
	return readDsmText(bytes, options);
}

/** The CSV formats, from bytes in any accepted encoding. */
export function readDsmText(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
	const decoded = decodeText(bytes);
	if (!decoded.ok) return failedRead(decoded.issue);
	const { rows, error, limit } = parseCsv(decoded.text, detectDelimiter(decoded.text), {
		rows: READ_LIMITS.rows,
		cellsPerRow: READ_LIMITS.cellsPerRow,
		cells: READ_LIMITS.cells,
	});
	if (limit) {
		const problem =
			limit.kind === "cells-per-row"
				? { kind: limit.kind, line: limit.line, limit: limit.limit }
				: { kind: limit.kind, limit: limit.limit };
		return { ...failedRead(issueOf(FILE_LIMIT, problem, [{ row: limit.line }])), encoding: decoded.encoding };
	}
	const [header, firstRow] = rows;
	const result =
		header && isEurostatHeader(header.cells, firstRow?.cells) ? readEurostatRows(rows, options) : readSdmxRows(rows);
	const issues = error ? [issueOf(FILE_SYNTAX, error, [{ row: error.line }]), ...result.issues] : result.issues;
	return { ...result, encoding: decoded.encoding, issues };
}
