import { z } from "zod";
import type { FormInput } from "~/domain/form-input";
import { MAX_ESSAY_LENGTH, MAX_SHORT_ANSWER_LENGTH } from "./answer-limits";
import { TRUE_FALSE_CHOICES } from "./choices";
import type { PublicQuestion } from "./public-view";

/** A learner's answer to one question, as graded and as stored with the attempt. */
const questionResponseSchema = z.discriminatedUnion("kind", [
	/** Single choice (an answer id) and true/false (`true` or `false`); null when left blank. */
	z.object({ kind: z.literal("choice"), choiceId: z.string().nullable() }),
	/** Multiple response: the ticked answer ids. */
	z.object({ kind: z.literal("choices"), choiceIds: z.array(z.string()) }),
	/** Short answer and essay. */
	z.object({ kind: z.literal("text"), text: z.string() }),
	/** Numerical; null when left blank. */
	z.object({ kind: z.literal("number"), value: z.number().nullable() }),
	/** Matching: the choice id picked for each stem id, null when left blank. */
	z.object({ kind: z.literal("match"), choices: z.record(z.string(), z.string().nullable()) }),
]);

/** Responses by question id; a description has none. */
export const attemptResponsesSchema = z.record(z.string(), questionResponseSchema);

export type QuestionResponse = z.infer<typeof questionResponseSchema>;
export type AttemptResponses = z.infer<typeof attemptResponsesSchema>;

export type { FormInput };

/** Why a field was refused; the page words it in the learner's language beside the field. */
export type ResponseError = "unknown-choice" | "one-value-expected" | "not-a-number" | "too-long";

export type FormParseResult =
	{ success: true; responses: AttemptResponses } | { success: false; errors: Record<string, ResponseError> };

/** True when the learner left the question blank (a matching question: every stem). */
export function isUnanswered(response: QuestionResponse | undefined): boolean {
	if (!response) return true;
	switch (response.kind) {
		case "choice":
			return response.choiceId === null;
		case "choices":
			return response.choiceIds.length === 0;
		case "text":
			return response.text.trim() === "";
		case "number":
			return response.value === null;
		case "match":
			return Object.values(response.choices).every((choice) => !choice);
	}
}

/** The numbers of the questions (as the page numbers them, descriptions aside) left blank. */
export function unansweredQuestions(questions: readonly PublicQuestion[], responses: AttemptResponses): number[] {
	const numbers: number[] = [];
	let number = 0;
	for (const question of questions) {
		if (question.type === "description") continue;
		number++;
		// A question the attempt can no longer show cannot be answered: it does not hold the submission up.
		if (question.type === "removed") continue;
		if (isUnanswered(responses[question.id])) numbers.push(number);
	}
	return numbers;
}

export { MAX_ESSAY_LENGTH, MAX_SHORT_ANSWER_LENGTH } from "./answer-limits";

/**
 * Reads the answers of an attempt's form, field by field as `publicQuestions` named them. A
 * blank field is an unanswered question, not an error; a value the form could not have sent
 * (an unknown choice) or a number that is not one is.
 */
export function parseAttemptForm(questions: readonly PublicQuestion[], input: FormInput): FormParseResult {
	const responses: AttemptResponses = {};
	const errors: Record<string, ResponseError> = {};
	for (const question of questions) {
		const schema = responseSchema(question);
		if (!schema) continue;
		const result = schema.safeParse(input);
		if (result.success) {
			responses[question.id] = result.data;
		} else {
			for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message as ResponseError;
		}
	}
	return Object.keys(errors).length === 0 ? { success: true, responses } : { success: false, errors };
}

/**
 * Schemas already made, by what they depend on: a schema costs far more to make than to run
 * (zod compiles it), and every save and submission reads the same few questions' fields.
 */
const schemas = new Map<string, z.ZodType<QuestionResponse> | undefined>();
const MAX_SCHEMAS = 2_000;

/** A schema that reads the question's fields out of the whole form into its response. */
function responseSchema(question: PublicQuestion): z.ZodType<QuestionResponse> | undefined {
	const key = schemaKey(question);
	if (schemas.has(key)) return schemas.get(key);
	const schema = makeResponseSchema(question);
	if (schemas.size >= MAX_SCHEMAS) schemas.clear();
	schemas.set(key, schema);
	return schema;
}

/** Everything makeResponseSchema reads of the question: its type and field, and its choice and stem ids. */
function schemaKey(question: PublicQuestion): string {
	const parts: string[] = [question.type, question.field];
	if (question.type === "multichoice") parts.push(question.single ? "1" : "0", ...question.choices.map((c) => c.id));
	if (question.type === "match")
		parts.push(...question.choices.map((c) => c.id), "|", ...question.stems.flatMap((s) => [s.id, s.field]));
	return parts.join("\u0000");
}

function makeResponseSchema(question: PublicQuestion): z.ZodType<QuestionResponse> | undefined {
	const { field } = question;
	switch (question.type) {
		case "multichoice": {
			const ids = question.choices.map((choice) => choice.id);
			return question.single
				? z
						.object({ [field]: choiceField(ids) })
						.transform((values): QuestionResponse => ({ kind: "choice", choiceId: values[field] ?? null }))
				: z
						.object({ [field]: choicesField(ids) })
						.transform((values): QuestionResponse => ({ kind: "choices", choiceIds: values[field] ?? [] }));
		}
		case "truefalse":
			return z
				.object({ [field]: choiceField(TRUE_FALSE_CHOICES) })
				.transform((values): QuestionResponse => ({ kind: "choice", choiceId: values[field] ?? null }));
		case "shortanswer":
		case "essay": {
			const max = question.type === "essay" ? MAX_ESSAY_LENGTH : MAX_SHORT_ANSWER_LENGTH;
			return z
				.object({ [field]: oneValue.pipe(z.string().max(max, { error: "too-long" })) })
				.transform((values): QuestionResponse => ({ kind: "text", text: values[field] ?? "" }));
		}
		case "numerical":
			return z
				.object({ [field]: numberField })
				.transform((values): QuestionResponse => ({ kind: "number", value: values[field] ?? null }));
		case "match": {
			const ids = question.choices.map((choice) => choice.id);
			const shape = Object.fromEntries(question.stems.map((stem) => [stem.field, choiceField(ids)]));
			return z.object(shape).transform((values): QuestionResponse => ({
				kind: "match",
				choices: Object.fromEntries(question.stems.map((stem) => [stem.id, values[stem.field] ?? null])),
			}));
		}
		case "description":
		case "removed":
			return undefined;
	}
}

/** One trimmed string; a missing field is blank. */
const oneValue = z
	.union([z.string(), z.tuple([z.string()]).transform(([value]) => value)], { error: "one-value-expected" })
	.optional()
	.transform((value) => (value ?? "").trim());

function choiceField(ids: readonly string[]) {
	return oneValue.transform((value, context): string | null => {
		if (value === "") return null;
		if (ids.includes(value)) return value;
		context.addIssue({ code: "custom", message: "unknown-choice" });
		return z.NEVER;
	});
}

function choicesField(ids: readonly string[]) {
	return z
		.union([z.string().transform((value) => [value]), z.array(z.string())])
		.optional()
		.transform((values, context): string[] => {
			const ticked = [...new Set(values ?? [])].filter((value) => value !== "");
			if (ticked.every((value) => ids.includes(value))) return ticked;
			context.addIssue({ code: "custom", message: "unknown-choice" });
			return z.NEVER;
		});
}

const numberField = oneValue.transform((value, context): number | null => {
	if (value === "") return null;
	const number = readLearnerNumber(value);
	if (number !== undefined) return number;
	context.addIssue({ code: "custom", message: "not-a-number" });
	return z.NEVER;
});

const LEARNER_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number as a learner types it: `3.5` or `3,5` (the Russian decimal comma), `1 822` with
 * spaces between digit groups, `−5` with a typographic minus.
 */
export function readLearnerNumber(typed: string): number | undefined {
	let text = typed
		.trim()
		.replace(/\u2212/g, "-")
		.replace(/(?<=\d)[\s\u00a0\u202f](?=\d)/g, "");
	if (!text.includes(".") && /^[^,]*,[^,]*$/.test(text)) text = text.replace(",", ".");
	return LEARNER_NUMBER.test(text) ? Number(text) : undefined;
}
