import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildBilingualContent, TRANSLATED, UNTRANSLATED } from "../../../tests/e2e/bilingual-content";
import { args, formRequest, getRequest, settle } from "../../../tests/utils/requests";
import { makeUser, sessionFor } from "../../../tests/utils/users";
import { attemptQuestions } from "../../../tests/utils/attempts";
import en from "~/locales/en.json";
import ru from "~/locales/ru.json";

// The valid bilingual fixture module and an untranslated copy of it (tests/e2e/bilingual-content.ts).
const CONTENT = fs.mkdtempSync(path.join(os.tmpdir(), "dsm-bilingual-"));
buildBilingualContent(CONTENT);
process.env.CONTENT_DIR = CONTENT;
const { prisma } = await import("~/utils/db.server");
const sectionRoute = await import("./modules_.$slug_.$section");
const moduleRoute = await import("./modules_.$slug");
const trackRoute = await import("./tracks_.$slug");
const trainerRoute = await import("./modules_.$slug_.trainer");
const quizRoute = await import("../_quiz+/modules_.$slug_.quiz");
const attemptRoute = await import("../_quiz+/modules_.$slug_.quiz_.$attemptId");
const glossaryRoute = await import("../_glossary+/glossary");

async function reader(language: "en" | "ru", roles?: string[]) {
	const user = await makeUser(roles);
	await prisma.user.update({ where: { id: user.id }, data: { language } });
	return (await sessionFor(user.id)).cookie;
}

function section(cookie: string, slug: string, id: string) {
	return sectionRoute.loader(args(getRequest("/x", cookie), { slug, section: id }));
}

describe("a lesson in the reader's language", () => {
	it("is the Russian twin for a Russian reader, its terms linked with their Russian definitions", async () => {
		const data = await section(await reader("ru"), TRANSLATED, "usual-residence");
		expect(data.html).toMatchObject({ lang: "ru", fallback: false });
		expect(data.html.html).toContain("<h3>Почему сначала определение</h3>");
		expect(data.html.html).toContain(
			'<a class="term" href="/glossary#usual-residence" title="Место, где лицо обычно проводит ежедневный период отдыха.">обычного места жительства</a>',
		);
		expect(data.html.html).toContain(`<p class="box__label">${ru.content.definitionLabel}</p>`); // labels in Russian too
		expect(data.section.title).toEqual({ text: "Обычное место жительства" });
		// A section without a Russian title in the frontmatter is named in English, marked so.
		expect(data.next).toEqual({ id: "stocks-and-flows", title: { text: "Stocks and flows", lang: "en" } });
	});

	it("is the English, marked as such, for a Russian reader where the twin is missing", async () => {
		const data = await section(await reader("ru"), UNTRANSLATED, "usual-residence");
		expect(data.html).toMatchObject({ lang: "en", fallback: true });
		expect(data.html.html).toContain("<h3>Why a definition comes first</h3>");
		expect(data.html.html).toContain('title="The place where a person normally spends the daily period of rest."');
		expect(data.html.html).toContain(`<p class="box__label">${en.content.definitionLabel}</p>`);
	});

	it("is the English without a notice for an English reader", async () => {
		const data = await section(await reader("en"), TRANSLATED, "usual-residence");
		expect(data.html).toMatchObject({ lang: "en", fallback: false });
		expect(data.html.html).toContain("<h3>Why a definition comes first</h3>");
	});

	it("shows the exercise's model answer as a details element and its link to the sandbox", async () => {
		const data = await section(await reader("ru"), TRANSLATED, "sources-and-metadata");
		// The button to the sandbox, then the model answer, closed: it opens without JavaScript.
		expect(data.html.html).toContain(
			`<a class="button" href="/sandbox">${ru.content.open.sandbox}</a></p><details class="model-answer"><summary>${ru.content.modelAnswer}</summary>`,
		);
	});

	it("module pages: the introduction's twin, objectives without Russian marked English", async () => {
		const cookie = await reader("ru");
		const data = await moduleRoute.loader(args(getRequest("/x", cookie), { slug: TRANSLATED }));
		expect(data.introduction).toMatchObject({ lang: "ru", fallback: false });
		expect(data.introduction.html).toContain("Тестовый модуль");
		expect(data.module.objectives).toEqual([
			{ text: "Применять критерий обычного места жительства и порог в 12 месяцев" },
			{ text: "Tell stocks from flows and give each its reference date or period", lang: "en" },
			{ text: "Name the source of a figure and write its metadata note", lang: "en" },
		]);
		expect(data.module.sources[0]).toMatchObject({ lang: "en" });
		const untranslated = await moduleRoute.loader(args(getRequest("/x", cookie), { slug: UNTRANSLATED }));
		expect(untranslated.introduction).toMatchObject({ lang: "en", fallback: true });
	});

	it("the trainer guide: its twin, or the English under the notice", async () => {
		const cookie = await reader("ru", ["trainer"]);
		const guide = await trainerRoute.loader(args(getRequest("/x", cookie), { slug: TRANSLATED }));
		expect(guide.html).toMatchObject({ lang: "ru", fallback: false });
		expect(guide.html.html).toContain("<h2>План занятия</h2>");
		const english = await trainerRoute.loader(args(getRequest("/x", cookie), { slug: UNTRANSLATED }));
		expect(english.html).toMatchObject({ lang: "en", fallback: true });
		expect(english.html.html).toContain("<h2>Session plan</h2>");
	});

	it("track pages: the body's twin", async () => {
		const cookie = await reader("ru");
		const data = await trackRoute.loader(args(getRequest("/x", cookie), { slug: "data-officers" }));
		expect(data.track.title).toBe("Специалисты по данным");
		expect(data.body).toMatchObject({ lang: "ru", fallback: false });
		expect(data.body.html).toContain("Учебная траектория для специалистов по данным.");
	});
});

describe("a quiz in the reader's language", () => {
	async function attempt(cookie: string, slug: string) {
		const started = (await settle(() =>
			quizRoute.action(args(formRequest(`/modules/${slug}/quiz`, {}, cookie), { slug })),
		)) as Response;
		const attemptId = started.headers.get("Location")!.split("/").pop()!;
		// Every question of the bank, in its order, so both readers answer the same attempt.
		const { buildAttempt } = await import("~/domain/quiz/attempt");
		const { getModule, getQuestionBank } = await import("~/utils/content.server");
		const plan = buildAttempt(getQuestionBank((await getModule(slug))!), { questionsPerAttempt: null, shuffle: false });
		await prisma.quizAttempt.update({ where: { id: attemptId }, data: { plan: JSON.stringify(plan) } });
		return { slug, attemptId };
	}

	it("a Russian reader answers the Russian questions and reviews them in Russian; the same answers in English grade the same", async () => {
		const ruCookie = await reader("ru");
		const params = await attempt(ruCookie, TRANSLATED);
		const open = await attemptRoute.loader(args(getRequest("/x", ruCookie), params));
		if (open.state !== "open") throw new Error("not open");
		expect(open.shown).toEqual({ lang: "ru", fallback: false });
		expect(open.fields.html).toMatch(/^<fieldset[^]*?<span class="rich-text">Работник уезжает за рубеж/);
		const questions = await attemptQuestions(params, "ru");
		// Russian answers: the Russian right choices, the Russian short answer, numbers written the Russian way.
		const fields: Record<string, string | string[]> = { intent: "submit" };
		const right: Record<string, string> = {
			"m01-q01": "долгосрочного иммигранта",
			"m01-q05": "численность",
			"m01-q12": "Описываю оба источника и выбираю тот, что ближе к показателю",
		};
		for (const q of questions) {
			if (q.type === "multichoice" && right[q.id])
				fields[q.field] = q.choices.find((c) => c.text.text === right[q.id])!.id;
			if (q.id === "m01-q04") fields[q.field] = "12";
			if (q.id === "m01-q07") fields[q.field] = "4 600";
			if (q.id === "m01-q10") fields[q.field] = "метаданные";
			if (q.id === "m01-q02") fields[q.field] = "true";
		}
		expect(await settle(() => attemptRoute.action(args(formRequest("/x", fields, ruCookie), params)))).toMatchObject({
			status: 302,
		});
		// Some questions are left blank: the quiz asks once more, and the reader submits as it is (ADR 0085).
		await settle(() => attemptRoute.action(args(formRequest("/x", { intent: "submit-anyway" }, ruCookie), params)));
		const review = await attemptRoute.loader(args(getRequest("/x", ruCookie), params));
		if (review.state !== "submitted") throw new Error("not submitted");
		const q10 = review.grades.find((g) => g.questionId === "m01-q10")!;
		expect(q10).toMatchObject({ state: "correct", feedback: [{ text: "Верно." }] });

		// The same fields (choice ids are the English key's), with the English short answer, from an English reader.
		const enCookie = await reader("en");
		const enParams = await attempt(enCookie, TRANSLATED);
		const enOpen = await attemptRoute.loader(args(getRequest("/x", enCookie), enParams));
		if (enOpen.state !== "open") throw new Error("not open");
		const enQuestions = await attemptQuestions(enParams, "en");
		expect(enQuestions.map((q) => q.field)).toEqual(questions.map((q) => q.field));
		const q10Field = questions.find((q) => q.id === "m01-q10")!.field;
		await settle(() =>
			attemptRoute.action(args(formRequest("/x", { ...fields, [q10Field]: "metadata" }, enCookie), enParams)),
		);
		await settle(() => attemptRoute.action(args(formRequest("/x", { intent: "submit-anyway" }, enCookie), enParams)));
		const enReview = await attemptRoute.loader(args(getRequest("/x", enCookie), enParams));
		if (enReview.state !== "submitted") throw new Error("not submitted");
		expect(enReview.result).toEqual(review.result);
		expect(enReview.grades.map((g) => [g.questionId, g.state, g.fraction])).toEqual(
			review.grades.map((g) => [g.questionId, g.state, g.fraction]),
		);
		expect(enReview.grades.find((g) => g.questionId === "m01-q10")!.feedback).toEqual([
			{ text: "Right.", format: "moodle" },
		]);
	});

	it("a Russian reader of a module without a Russian bank gets the English questions, marked so", async () => {
		const ruCookie = await reader("ru");
		const params = await attempt(ruCookie, UNTRANSLATED);
		const open = await attemptRoute.loader(args(getRequest("/x", ruCookie), params));
		if (open.state !== "open") throw new Error("not open");
		expect(open.shown).toEqual({ lang: "en", fallback: true });
		// Every text of the bank says it is English, the page's own words around it do not.
		expect(open.fields.html).toMatch(
			/^<fieldset[^]*?<span class="question__number">[^<]*\d[^<]*<\/span><span class="rich-text" lang="en">A worker moves abroad/,
		);
		expect(open.fields.html).not.toContain('class="question__number" lang');
	});
});

describe("the glossary page", () => {
	it("lists the terms alphabetically in the reader's language, signed in or not", async () => {
		const data = await glossaryRoute.loader(args(getRequest("/glossary", await reader("ru"))));
		expect(data.title).toBe("Глоссарий");
		expect(data.count).toBe(7);
		expect(data.groups.map((group) => group.letter)).toEqual(["Д", "М", "О", "П", "Ч"]);
		const anonymous = await glossaryRoute.loader(args(getRequest("/glossary")));
		expect(anonymous.title).toBe("Glossary");
		expect(anonymous.groups[0]!.entries[0]).toMatchObject({
			id: "flow",
			term: "flow",
			other: { lang: "ru", term: "поток" },
		});
	});
});
