import { entryOf, slicesAlong } from "./entries";
import type { Issue } from "./issues";
import type { DimensionId } from "./model";
import type { Observation } from "./observation";
import { collectingReport, type Entry, type Slices, type ValidationContext } from "./rules/check";
import { CHECKS } from "./rules/index";
import { checkDeletions } from "./rules/submission";

export type { ValidationContext } from "./rules/check";

/**
 * Applies DSM rules 3 to 24 to observations of one submission (any indicators, any format),
 * with what the rules need to know beyond the file. Never throws on bad data; a malformed
 * time window in the context is a programming error and does throw.
 */
export function validate(observations: readonly Observation[], context: ValidationContext = {}): Issue[] {
	// ACTION=D rows name what to delete (wildcards, "-" markers): checked apart, never as data.
	const entries: Entry[] = [];
	const deletions: Entry[] = [];
	for (const observation of observations) (observation.action === "D" ? deletions : entries).push(entryOf(observation));
	const byKey = new Map<string, Entry>();
	for (const entry of entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
	const computed = new Map<DimensionId, Slices>();
	const slices = (dimension: DimensionId) => {
		const known = computed.get(dimension) ?? slicesAlong(entries, dimension);
		computed.set(dimension, known);
		return known;
	};
	const issues: Issue[] = [];
	const report = collectingReport(issues);
	for (const check of CHECKS) check({ entries, byKey, slices, context }, report);
	if (deletions.length > 0) {
		const none = () => new Map();
		checkDeletions({ entries: deletions, byKey: new Map(), slices: none, context }, report);
	}
	return issues;
}
