import { z } from "zod";
import { COMMENT_MAX } from "~/domain/sandbox/submit";

/** The forms of submitting and reviewing, one schema each; messages are i18n keys (docs/decisions/0006). */

const body = (max: number) =>
	z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

export const CommentSchema = z.object({
	intent: z.literal("comment"),
	/** A cell's key (app/domain/sandbox/cells.ts), or empty for the whole revision. */
	cellKey: z
		.string()
		.trim()
		.max(300)
		.optional()
		.transform((key) => (key ? key : null)),
	body: body(COMMENT_MAX),
});

export const DecideSchema = z.discriminatedUnion("intent", [
	z.object({ intent: z.literal("return"), comment: body(COMMENT_MAX) }),
	z.object({ intent: z.literal("accept"), comment: z.string().trim().max(COMMENT_MAX, "errors.tooLong").default("") }),
]);

export const StartExerciseSchema = z.object({ intent: z.literal("start") });
