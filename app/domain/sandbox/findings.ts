import type { CellRef, Issue, Severity } from "../dsm/issues";
import type { Localized } from "../dsm/localized";
import { cellOf } from "../dsm/rules/check";
import type { Observation } from "../dsm/observation";
import { cellKey } from "./cells";

/**
 * A revision's findings as stored (SandboxRevision.findings) and shown: each issue of the reader
 * and the validator with the cells it concerns, named twice where it can be: the workspace cell
 * (its key, for links to the form and comments) and the place in the file uploaded (line and
 * column, or sheet and cell), as the trainee sees it in their own file.
 */
export type FindingCell = {
	/** cellKey() of the observation, when the issue concerns one. */
	readonly key?: string;
	/** The field of the observation concerned: a dimension, OBS_VALUE or an attribute. */
	readonly field?: string;
	/** Where it is in the file uploaded with this revision. */
	readonly file?: CellRef;
};

export type Finding = {
	readonly rule: string;
	readonly severity: Severity;
	readonly message: Localized;
	readonly section: string;
	readonly cells: readonly FindingCell[];
};

export type FindingsInput = {
	/** The reader's issues of an upload (their cells are places in the file). */
	readonly readIssues?: readonly Issue[];
	/** The validator's issues over `validated`. */
	readonly issues: readonly Issue[];
	/** What was validated: the whole content, placed on consecutive lines (onContentLines). */
	readonly validated: readonly Observation[];
	/** For each observation validated, the one read from the file, when it came from this revision's file. */
	readonly fromFile?: ReadonlyArray<Observation | undefined>;
};

const placeOf = (cell: CellRef) => `${cell.sheet ?? ""}|${cell.row}`;

export function findingsOf({ readIssues = [], issues, validated, fromFile = [] }: FindingsInput): Finding[] {
	const keys = validated.map(cellKey);
	const keyOfPlace = new Map<string, string>();
	fromFile.forEach((read, index) => {
		if (read) keyOfPlace.set(placeOf({ row: read.origin.row, sheet: read.origin.sheet }), keys[index] ?? "");
	});
	const fromReader = readIssues.map((issue): Finding => ({
		...pick(issue),
		cells: issue.cells.map((cell) => {
			const key = keyOfPlace.get(placeOf(cell));
			return key ? { key, field: cell.column, file: cell } : { file: cell };
		}),
	}));
	const fromValidator = issues.map((issue): Finding => ({
		...pick(issue),
		cells: issue.cells.map((cell) => {
			const index = cell.row - 2;
			const key = keys[index];
			if (cell.sheet || key === undefined) return { file: cell };
			const read = fromFile[index];
			return {
				key,
				field: cell.column,
				file:
					read && cell.column
						? cellOf(read, cell.column)
						: read
							? { row: read.origin.row, sheet: read.origin.sheet }
							: undefined,
			};
		}),
	}));
	return [...fromReader, ...fromValidator];
}

function pick(issue: Issue) {
	return { rule: issue.rule, severity: issue.severity, message: issue.message, section: issue.section };
}

export function countsOf(findings: readonly Finding[]): { errors: number; warnings: number } {
	const errors = findings.filter((finding) => finding.severity === "error").length;
	return { errors, warnings: findings.length - errors };
}

/** Findings by the workspace cell they concern: which findings (by index) each cell has. */
export function findingsByCell(findings: readonly Finding[]): Map<string, number[]> {
	const byCell = new Map<string, number[]>();
	findings.forEach((finding, index) => {
		for (const cell of finding.cells) {
			if (!cell.key) continue;
			const list = byCell.get(cell.key) ?? [];
			if (list[list.length - 1] !== index) list.push(index);
			byCell.set(cell.key, list);
		}
	});
	return byCell;
}
