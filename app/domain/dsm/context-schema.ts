import { z } from "zod";
import { INDICATOR_IDS } from "./model";
import { parsePeriod } from "./periods";

/**
 * The validation context as data that arrives from outside (a form, an exercise file), checked
 * before it reaches validate(). Previous-period observations come from the database, not here.
 */
const period = z.string().refine((value) => parsePeriod(value) !== undefined, "a period: 2024, 2024-Q1 or 2024-01");

export const validationContextSchema = z.object({
	country: z
		.string()
		.regex(/^[A-Z]{2}$/)
		.optional(),
	window: z.object({ from: period, to: period }).optional(),
	acceptedPeriods: z.array(z.object({ indicator: z.enum(INDICATOR_IDS), period })).optional(),
	revisionReason: z.string().optional(),
	pendingCasesAtStart: z.record(z.string(), z.number().int().nonnegative()).optional(),
	citizenBreakdownComplete: z.boolean().optional(),
});
