import path from "node:path";
import { describe, expect, it } from "vitest";
import { args, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
import { attemptQuestions, fieldTag } from "../../../tests/utils/attempts";
import { makeUser, sessionFor } from "../../../tests/utils/users";

process.env.CONTENT_DIR = path.resolve("tests/fixtures/learning");
const quizRoute = await import("./modules_.$slug_.quiz");
const attemptRoute = await import("./modules_.$slug_.quiz_.$attemptId");

async function startedAttempt() {
	const user = await makeUser();
	const { cookie } = await sessionFor(user.id);
	const started = (await settle(() =>
		quizRoute.action(args(formRequest("/modules/limits/quiz", {}, cookie), { slug: "limits" })),
	)) as Response;
	const attemptId = started.headers.get("Location")!.split("/").pop()!;
	return { cookie, attemptId, params: { slug: "limits", attemptId } };
}

describe("an open attempt", () => {
	it("gives the page no answer key, weights or feedback", async () => {
		const { cookie, params } = await startedAttempt();
		const data = await attemptRoute.loader(args(getRequest("/modules/limits/quiz/x", cookie), params));
		const serialized = JSON.stringify(data);
		expect(data.state).toBe("open");
		for (const secret of [
			"Counted at a date",
			"Counted over a period",
			"Six",
			"Twelve",
			"Not that",
			"fraction",
			"feedback",
			"tolerance",
			'"6"',
			"12:0",
		]) {
			expect(serialized, secret).not.toContain(secret);
		}
	});

	it("refuses a non-number beside its field and keeps every typed value", async () => {
		const { cookie, params } = await startedAttempt();
		const questions = await attemptQuestions(params);
		const numerical = questions.find((q) => q.type === "numerical")!;
		const other = questions.find((q) => q.id !== numerical.id)!;
		const fields = {
			intent: "submit",
			[numerical.field]: "six",
			[other.field]: other.type === "numerical" ? "12" : "",
		};
		const result = unwrap(await attemptRoute.action(args(formRequest("/x", fields, cookie), params)));
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({ [numerical.field]: "not-a-number" });
		// The fields come back as typed, the error beside the refused one and tied to it.
		const { html } = result.data.fields;
		expect(fieldTag(html, numerical.field)).toContain('value="six"');
		expect(fieldTag(html, numerical.field)).toContain(`aria-describedby="${numerical.field}-error"`);
		expect(html).toContain(`<ul id="${numerical.field}-error" class="field-errors"><li>`);
		if (other.type === "numerical") expect(fieldTag(html, other.field)).toContain('value="12"');
		const after = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		expect(after.state).toBe("open");
	});

	it("is graded when submitted and then shows its review", async () => {
		const { cookie, params } = await startedAttempt();
		const fields: Record<string, string> = { intent: "submit" };
		for (const q of await attemptQuestions(params)) {
			if (q.type === "numerical") fields[q.field] = q.id === "m01-q02" ? "6" : "12";
			if (q.type === "multichoice") fields[q.field] = q.choices.find((c) => c.text.text.startsWith("Residents"))!.id;
		}
		const response = (await settle(() =>
			attemptRoute.action(args(formRequest("/x", fields, cookie), params)),
		)) as Response;
		expect(response.status).toBe(302);
		const review = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (review.state !== "submitted") throw new Error("not submitted");
		expect(review.result.percent).toBe(100);
		expect(review.grades.every((g) => g.state === "correct")).toBe(true);
	});
});

/** The fields of an attempt's form with every answer right or wrong, or (`blank`) none at all. */
async function fieldsOf(
	cookie: string,
	params: { slug: string; attemptId: string },
	answers: "right" | "wrong" | "blank",
) {
	const fields: Record<string, string> = { intent: "submit" };
	if (answers === "blank") return fields;
	for (const q of await attemptQuestions(params)) {
		if (q.type === "numerical") fields[q.field] = answers === "right" ? (q.id === "m01-q02" ? "6" : "12") : "1";
		if (q.type === "multichoice") {
			fields[q.field] = q.choices.find((c) =>
				c.text.text.startsWith(answers === "right" ? "Residents" : "Entries"),
			)!.id;
		}
	}
	return fields;
}

async function submit(cookie: string, params: { slug: string; attemptId: string }, fields: Record<string, string>) {
	return (await settle(() => attemptRoute.action(args(formRequest("/x", fields, cookie), params)))) as Response;
}

describe("submitting with questions left blank", () => {
	it("asks first, keeping what was typed, and grades only once confirmed", async () => {
		const { cookie, params } = await startedAttempt();
		const numerical = (await attemptQuestions(params)).find((q) => q.type === "numerical")!;
		const asked = await submit(cookie, params, { intent: "submit", [numerical.field]: "6" });
		expect(asked.status).toBe(302);
		expect(asked.headers.get("Location")).toBe(`/modules/limits/quiz/${params.attemptId}?confirm`);

		const confirm = await attemptRoute.loader(args(getRequest(`/x?confirm`, cookie), params));
		if (confirm.state !== "open") throw new Error("graded without asking");
		expect(confirm.unanswered).toHaveLength(1);
		expect(fieldTag(confirm.fields.html, numerical.field)).toContain('value="6"');

		expect((await submit(cookie, params, { intent: "submit-anyway" })).status).toBe(302);
		const review = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		expect(review.state).toBe("submitted");
	});

	it("grades a full submission at once", async () => {
		const { cookie, params } = await startedAttempt();
		const response = await submit(cookie, params, await fieldsOf(cookie, params, "wrong"));
		expect(response.headers.get("Location")).toBe(`/modules/limits/quiz/${params.attemptId}`);
	});
});

describe("the review of an attempt", () => {
	const RIGHT = ["Residents on 1 January", '"value":6', '"value":12', "Twelve", "Six"];

	it("shows right or wrong and the feedback, and keeps the right answers out until the last attempt", async () => {
		const { cookie, params } = await startedAttempt();
		await submit(cookie, params, await fieldsOf(cookie, params, "wrong"));
		const first = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (first.state !== "submitted") throw new Error("not submitted");
		expect(first.grades.every((g) => g.state === "incorrect")).toBe(true);
		expect(first.grades.every((g) => g.rightAnswer.kind === "none")).toBe(true);
		expect(first.rightAnswersLater).toBe("pass-or-last");
		const serialized = JSON.stringify(first.grades);
		for (const secret of RIGHT) expect(serialized, secret).not.toContain(secret);
		// Each wrong answer's own feedback is there (the module draws two of its three questions).
		const feedback = ["Counted over a period", "Count the list", "Not that"].filter((text) =>
			serialized.includes(text),
		);
		expect(feedback).toHaveLength(2);

		// The second attempt is the last the module allows: now every review shows the right answers.
		const again = (await settle(() =>
			quizRoute.action(args(formRequest("/modules/limits/quiz", {}, cookie), { slug: "limits" })),
		)) as Response;
		const second = { slug: "limits", attemptId: again.headers.get("Location")!.split("/").pop()! };
		await submit(cookie, second, await fieldsOf(cookie, second, "wrong"));
		const after = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (after.state !== "submitted") throw new Error("not submitted");
		expect(after.grades.every((g) => g.rightAnswer.kind !== "none")).toBe(true);
		expect(after.rightAnswersLater).toBeNull();
	});

	it("shows the right answers once the quiz is passed", async () => {
		const { cookie, params } = await startedAttempt();
		await submit(cookie, params, await fieldsOf(cookie, params, "right"));
		const review = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		if (review.state !== "submitted") throw new Error("not submitted");
		expect(review.grades.every((g) => g.rightAnswer.kind !== "none")).toBe(true);
	});
});
