import { z } from "zod";
import { LANGUAGES } from "./i18n";

/** Field schemas shared by the sign-up, login, profile and admin forms. Messages are i18n keys. */

export const EmailSchema = z
	.string({ error: "errors.required" })
	.trim()
	.toLowerCase()
	.min(1, "errors.required")
	.max(254, "errors.tooLong")
	.pipe(z.email("errors.email"));

export const NameSchema = z
	.string({ error: "errors.required" })
	.trim()
	.min(1, "errors.required")
	.max(100, "errors.tooLong");

/** Length only; the common-password check needs the server's list. */
export const NewPasswordSchema = z
	.string({ error: "errors.required" })
	.min(8, "errors.passwordTooShort")
	.max(256, "errors.passwordTooLong");

export const LanguageSchema = z.enum(LANGUAGES, { error: "errors.required" });

/** An optional select: "" means none. */
export const OptionalIdSchema = z
	.string()
	.trim()
	.optional()
	.transform((value) => (value ? value : null));
