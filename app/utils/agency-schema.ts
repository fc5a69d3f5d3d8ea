import { z } from "zod";
import { AGENCY_KINDS } from "./agency";

export const AgencySchema = z.object({
	name: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(200, "errors.tooLong"),
	nameRu: z.string().trim().max(200, "errors.tooLong").default(""),
	kind: z.enum(AGENCY_KINDS, { error: "errors.required" }),
	countryCode: z.string({ error: "errors.required" }).trim().min(1, "errors.required"),
});

export const CountrySchema = z.object({
	code: z
		.string({ error: "errors.required" })
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, "errors.countryCode"),
	nameEn: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(100, "errors.tooLong"),
	nameRu: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(100, "errors.tooLong"),
	isMember: z
		.string()
		.optional()
		.transform((value) => value === "on"),
});
