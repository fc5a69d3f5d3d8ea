import { z } from "zod";

/**
 * The input of `npm run quiz -- stats FILE`: the questions with their maximum marks and the
 * attempts with each question's mark. A missing mark counts as 0.
 */
export const statisticsInputSchema = z
	.object({
		questions: z
			.array(z.object({ id: z.string().min(1), maxMark: z.number().finite().nonnegative() }))
			.min(1, "at least one question"),
		attempts: z.array(
			z.object({
				userId: z.string().min(1),
				first: z.boolean().optional(),
				marks: z.record(z.string(), z.number().finite()),
			}),
		),
	})
	.superRefine((input, context) => {
		const ids = new Set<string>();
		input.questions.forEach((q, index) => {
			if (ids.has(q.id))
				context.addIssue({ code: "custom", path: ["questions", index, "id"], message: `"${q.id}" is there twice` });
			ids.add(q.id);
		});
		input.attempts.forEach((attempt, index) => {
			for (const id of Object.keys(attempt.marks)) {
				if (!ids.has(id)) {
					context.addIssue({ code: "custom", path: ["attempts", index, "marks", id], message: `no question "${id}"` });
				}
			}
		});
	});

export type StatisticsInput = z.infer<typeof statisticsInputSchema>;
