import { z } from "zod";
import { CODELISTS, isCode } from "../dsm/codelists";
import { parsePeriod } from "../dsm/periods";

/** The sandbox's forms, shared by server and page; messages are i18n keys. */

const states = CODELISTS.REF_AREA.codes.map((entry) => entry.code);

export const periodField = z
	.string({ error: "sandbox.errors.period" })
	.trim()
	.refine((value) => parsePeriod(value) !== undefined, "sandbox.errors.period");

export const createPracticeSchema = z.object({
	intent: z.literal("create-practice"),
	country: z
		.string({ error: "sandbox.errors.country" })
		.refine((code) => states.includes(code), "sandbox.errors.country"),
	period: periodField,
});

export const addPeriodSchema = z.object({ intent: z.literal("add-period"), period: periodField });

/** The attributes an indicator's form states once; the cells are read apart (form.ts, cellsOfInput). */
export const indicatorFormSchema = z.object({
	intent: z.enum(["save", "add-citizen"]),
	unit: z.string().refine((code) => isCode("UNIT", code), "sandbox.errors.unit"),
	rounding: z.enum(["NONE", "R5"], { error: "sandbox.errors.rounding" }),
	sourceAgency: z.string().trim().max(200, "sandbox.errors.tooLong"),
	note: z.string().trim().max(2000, "sandbox.errors.tooLong"),
	/** The citizenship rows shown (hidden fields), so a row added and left empty stays. */
	citizen: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((value) => (value === undefined ? [] : [value].flat())),
	newCitizen: z.string().optional(),
});

export const restoreSchema = z.object({ intent: z.literal("restore") });

export function isCitizenCode(code: string): boolean {
	return code !== "TOTAL" && isCode("CITIZEN", code);
}
