import path from "node:path";
import { describe, expect, it } from "vitest";
import { args, formRequest, getRequest, settle, unwrap } from "../../../tests/utils/requests";
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
		const data = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		const numerical = data.questions.find((q) => q.type === "numerical")!;
		const other = data.questions.find((q) => q.id !== numerical.id)!;
		const fields = {
			intent: "submit",
			[numerical.field]: "six",
			[other.field]: other.type === "numerical" ? "12" : "",
		};
		const result = unwrap(await attemptRoute.action(args(formRequest("/x", fields, cookie), params)));
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({ [numerical.field]: "not-a-number" });
		expect(result.data.values[numerical.field]).toBe("six");
		const after = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		expect(after.state).toBe("open");
	});

	it("is graded when submitted and then shows its review", async () => {
		const { cookie, params } = await startedAttempt();
		const data = await attemptRoute.loader(args(getRequest("/x", cookie), params));
		const fields: Record<string, string> = { intent: "submit" };
		for (const q of data.questions) {
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
