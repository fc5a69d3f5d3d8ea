import type { DatabaseSummary } from "../app/utils/backup.server";

/** "2.4 MB: 12 User, 40 QuizAttempt, …": what a backup holds, to recognise it. */
export function describe(summary: DatabaseSummary) {
	const size = `${(summary.bytes / (1024 * 1024)).toFixed(1)} MB`;
	const rows = Object.entries(summary.tables).map(([table, count]) => `${count} ${table}`);
	return `${size}: ${rows.join(", ")}`;
}
