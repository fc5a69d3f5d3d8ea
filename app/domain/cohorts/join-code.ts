/**
 * Join codes (docs/decisions/0051-admitting-trainees.md): eight characters from an alphabet
 * without look-alikes (no 0/O, 1/I), shown as ABCD-EFGH. People type them by hand, so what they
 * type is read loosely: case, spaces and hyphens do not matter.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** What was typed, as the code is stored: upper case, letters and digits only; null when it cannot be a code. */
export function normalizeJoinCode(typed: string): string | null {
	const code = typed.toUpperCase().replace(/[\s\-–—_.]/g, "");
	if (code.length !== JOIN_CODE_LENGTH) return null;
	return [...code].every((char) => JOIN_CODE_ALPHABET.includes(char)) ? code : null;
}

/** ABCD-EFGH, as the code is shown and printed. */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Why a code does not admit: the reasons a trainee reads beside the field. */
export type JoinRefusal = "unknown" | "expired" | "archived" | "already-member";

/** Whether a cohort found by its code admits a trainee now. */
export function joinRefusal(
	cohort: { archivedAt: Date | null; joinCodeExpiresAt: Date | null } | null,
	now: Date,
	alreadyMember: boolean,
): JoinRefusal | null {
	if (!cohort) return "unknown";
	if (cohort.archivedAt) return "archived";
	if (cohort.joinCodeExpiresAt && cohort.joinCodeExpiresAt.getTime() <= now.getTime()) return "expired";
	if (alreadyMember) return "already-member";
	return null;
}
