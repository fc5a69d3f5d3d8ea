import type { Answers, Instrument, SectionDef } from "./model";
import { itemState, type ItemState } from "./scoring";

/**
 * The wizard's steps: one per section, then the review. A step is complete when every item that
 * applies is answered; "skipped" when the answers skip every item of it.
 */

export const REVIEW_STEP = "review";

export type StepState = "complete" | "started" | "not-started" | "skipped";

export type StepProgress = {
	readonly section: SectionDef;
	readonly state: StepState;
	readonly answered: number;
	readonly applicable: number;
	readonly items: readonly { readonly id: string; readonly state: ItemState }[];
};

export function stepProgress(instrument: Instrument, answers: Answers): StepProgress[] {
	return instrument.sections.map((section) => {
		const items = section.items.map((item) => ({ id: item.id, state: itemState(item, answers) }));
		const applicable = items.filter((item) => item.state === "answered" || item.state === "unanswered").length;
		const answered = items.filter((item) => item.state === "answered").length;
		const touched = section.items.some((item) => answers[item.id] !== undefined);
		const state: StepState =
			applicable === 0
				? "skipped"
				: answered === applicable
					? "complete"
					: answered > 0 || touched
						? "started"
						: "not-started";
		return { section, state, answered, applicable, items };
	});
}

/** The step ids in order, the review last. */
export function stepIds(instrument: Instrument) {
	return [...instrument.sections.map((section) => section.id), REVIEW_STEP];
}

/** Where the wizard resumes: the step saved last, else the first step not complete, else the review. */
export function resumeStep(instrument: Instrument, answers: Answers, saved: string | null) {
	if (saved && stepIds(instrument).includes(saved)) return saved;
	return (
		stepProgress(instrument, answers).find((step) => step.state === "started" || step.state === "not-started")?.section
			.id ?? REVIEW_STEP
	);
}

export function neighbours(instrument: Instrument, step: string) {
	const ids = stepIds(instrument);
	const index = ids.indexOf(step);
	return {
		previous: index > 0 ? ids[index - 1]! : null,
		next: index >= 0 && index < ids.length - 1 ? ids[index + 1]! : null,
	};
}
