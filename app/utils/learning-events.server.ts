/**
 * "Something a learner did changed": a section read or unread, an attempt submitted or marked,
 * a cohort's members or plan changed. Views that keep derived figures in memory (the cohort
 * dashboard's facts, docs/decisions/0052-cohort-dashboard.md) listen and forget them. In this
 * process only: writes from elsewhere (a script, a second app process) reach those views when
 * their own time limit runs out.
 */
const listeners = new Set<() => void>();

export function onLearningChange(listener: () => void) {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function learningChanged() {
	for (const listener of listeners) listener();
}
