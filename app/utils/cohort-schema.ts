import { z } from "zod";
import { parseDay } from "~/domain/cohorts/days";
import type { DueRule } from "~/domain/cohorts/due-dates";
import type { FormInput } from "~/domain/form-input";
import { readLearnerNumber } from "~/domain/quiz/response";
import { EmailSchema } from "./user-validation";

/** The forms of the cohort pages, one schema each; messages are i18n keys (docs/decisions/0006). */

const required = (max: number) =>
	z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

export const DaySchema = z
	.string({ error: "errors.required" })
	.trim()
	.min(1, "errors.required")
	.refine((text) => parseDay(text) !== null, "cohorts.errors.day");

const OptionalDaySchema = z
	.string()
	.trim()
	.optional()
	.refine((text) => !text || parseDay(text) !== null, "cohorts.errors.day")
	.transform((text) => (text ? text : null));

const ListSchema = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean));

export const CohortSchema = z
	.object({
		name: required(120),
		countryCode: required(2),
		startsOn: DaySchema,
		endsOn: OptionalDaySchema,
		plan: z.enum(["track", "modules"], { error: "cohorts.errors.choosePlan" }),
		trackSlug: z.string().trim().optional(),
		modules: ListSchema,
	})
	.superRefine((value, context) => {
		if (value.endsOn && value.endsOn < value.startsOn) {
			context.addIssue({ code: "custom", path: ["endsOn"], message: "cohorts.errors.endBeforeStart" });
		}
		if (value.plan === "track" && !value.trackSlug) {
			context.addIssue({ code: "custom", path: ["trackSlug"], message: "cohorts.errors.chooseTrack" });
		}
		if (value.plan === "modules" && value.modules.length === 0) {
			context.addIssue({ code: "custom", path: ["modules"], message: "cohorts.errors.chooseModules" });
		}
	});

export const CopySchema = z.object({ intent: z.literal("copy"), name: required(120), startsOn: DaySchema });

export const CoTrainerSchema = z.object({ intent: z.literal("add-trainer"), email: EmailSchema });

export const MessageSchema = z.object({ intent: z.literal("message"), body: required(2000) });

export const ExpirySchema = z.object({ intent: z.literal("code-expiry"), expiresOn: OptionalDaySchema });

export const EmailsSchema = z.object({ intent: z.literal("add-emails"), emails: required(50_000) });

export const ExtensionSchema = z.object({
	intent: z.literal("extension"),
	userId: required(40),
	moduleSlug: required(100),
	dueOn: OptionalDaySchema,
});

export const JoinSchema = z.object({ code: required(40) });

/** A mark out of the question's maximum (1), typed as a learner types numbers: 0.5 or 0,5. */
export const MarkSchema = z.object({
	attemptId: required(40),
	questionId: required(100),
	mark: z
		.string({ error: "errors.required" })
		.trim()
		.min(1, "errors.required")
		.transform((text, context) => {
			const value = readLearnerNumber(text);
			if (value === undefined || value < 0 || value > 1) {
				context.addIssue({ code: "custom", message: "cohorts.errors.mark" });
				return z.NEVER;
			}
			return value;
		}),
	comment: z.string().trim().max(5000, "errors.tooLong").default(""),
});

/** The due-date fields of the plan: `dueOn.<slug>` (a day) or `dueDays.<slug>` (days after the start), not both. */
export function parseDueRules(input: FormInput, slugs: readonly string[]) {
	const rules = new Map<string, DueRule>();
	const errors: Record<string, string[]> = {};
	for (const slug of slugs) {
		const on = String(input[`dueOn.${slug}`] ?? "").trim();
		const days = String(input[`dueDays.${slug}`] ?? "").trim();
		if (on && days) {
			errors[`dueOn.${slug}`] = ["cohorts.errors.dueBoth"];
			continue;
		}
		if (on) {
			const day = parseDay(on);
			if (day) rules.set(slug, { kind: "date", on: day });
			else errors[`dueOn.${slug}`] = ["cohorts.errors.day"];
		} else if (days) {
			const n = Number(days);
			if (Number.isInteger(n) && n >= 0 && n <= 3650) rules.set(slug, { kind: "days", days: n });
			else errors[`dueDays.${slug}`] = ["cohorts.errors.dueDays"];
		} else {
			rules.set(slug, { kind: "none" });
		}
	}
	return { rules, errors };
}
