import type { Finding } from "./findings";

/**
 * Submitting a revision to the trainers (docs/decisions/0066-sandbox-submit-and-review.md): errors
 * block it; each warning needs the trainee's note, kept with the submission. A warning is named by
 * its place in the revision's findings ("w3"), which never change (ADR 0060).
 */

export const NOTE_MAX = 2000;

export const warningId = (index: number) => `w${index}`;

/** The warnings of a revision, with the id their note goes under. */
export function warningsOf(findings: readonly Finding[]): Array<{ id: string; index: number; finding: Finding }> {
	return findings.flatMap((finding, index) =>
		finding.severity === "warning" ? [{ id: warningId(index), index, finding }] : [],
	);
}

export type SubmitRefusal =
	| { reason: "no-revision" }
	| { reason: "errors"; errors: number }
	| { reason: "pending" }
	| { reason: "notes"; missing: string[]; tooLong: string[] };

/**
 * Whether a revision may be submitted with these notes: undefined when it may, else why not.
 * `pending`: the workspace's latest submission still waits for its review.
 */
export function submitRefusal(
	revision: { findings: readonly Finding[] } | null,
	notes: Readonly<Record<string, string>>,
	pending: boolean,
): SubmitRefusal | undefined {
	if (!revision) return { reason: "no-revision" };
	if (pending) return { reason: "pending" };
	const errors = revision.findings.filter((finding) => finding.severity === "error").length;
	if (errors > 0) return { reason: "errors", errors };
	const warnings = warningsOf(revision.findings);
	const missing = warnings.filter((warning) => (notes[warning.id] ?? "").trim() === "").map((warning) => warning.id);
	const tooLong = warnings
		.filter((warning) => (notes[warning.id] ?? "").length > NOTE_MAX)
		.map((warning) => warning.id);
	if (missing.length || tooLong.length) return { reason: "notes", missing, tooLong };
	return undefined;
}

/** The notes to keep: one per warning of the revision, trimmed; anything else sent is dropped. */
export function notesToKeep(
	findings: readonly Finding[],
	notes: Readonly<Record<string, string>>,
): Record<string, string> {
	return Object.fromEntries(warningsOf(findings).map((warning) => [warning.id, (notes[warning.id] ?? "").trim()]));
}

/** The notes sent with a form: fields named note.w3. */
export function notesFromForm(entries: Iterable<[string, FormDataEntryValue]>): Record<string, string> {
	const notes: Record<string, string> = {};
	for (const [name, value] of entries)
		if (name.startsWith("note.") && typeof value === "string") notes[name.slice(5)] = value;
	return notes;
}

export const OUTCOMES = ["returned", "accepted"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const isOutcome = (value: unknown): value is Outcome => OUTCOMES.includes(value as Outcome);

export const COMMENT_MAX = 5000;
