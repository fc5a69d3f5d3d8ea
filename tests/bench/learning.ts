import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client";
import { buildAttempt } from "../../app/domain/quiz/attempt";
import { versionedPlan } from "../../app/domain/quiz/versions";
import { gradeQuestion } from "../../app/domain/quiz/grade";
import { publicQuestions } from "../../app/domain/quiz/public-view";
import { getQuestion } from "../../app/domain/quiz/bank";
import { parseAttemptForm, unansweredQuestions } from "../../app/domain/quiz/response";
import { toFormInput } from "../../app/domain/form-input";
import { clearCompiledContent, getModule, getQuestionBank, renderMdx } from "../../app/utils/content.server";

const MODULE = "basic-concepts-and-categories";
const ATTEMPTS = 30_000;

/**
 * Open attempts of module 4's quiz for one user, all with the same draw, and
 * the form body that answers them rightly: each POST grades and closes one. The draw leaves out
 * essays, which wait for a trainer's mark, and the body answers every question drawn (checked
 * here): a question left blank would make each POST save and ask to confirm instead of grading.
 */
export async function prepareQuizSubmissions(database: string, email: string) {
	const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${database}` }) });
	const module = (await getModule(MODULE))!;
	const bank = getQuestionBank(module);
	// Versioned and recorded as the app starts an attempt (app/utils/quiz.server.ts, docs/decisions/0056).
	const marked = { questions: bank.questions.filter((q) => q.type !== "essay"), byId: bank.byId };
	const { plan, versions } = versionedPlan(buildAttempt(marked, module.meta.quiz), module.banks!);
	// The server records the versions of the demo's earlier attempts as it starts (the same
	// questions): one it wrote between the read and the insert here is read again, and left out.
	for (let tries = 1; ; tries++) {
		const recorded = await prisma.questionVersion.findMany({ where: { moduleSlug: MODULE }, select: { hash: true } });
		const known = new Set(recorded.map((v) => v.hash));
		try {
			await prisma.questionVersion.createMany({
				data: versions
					.filter((v) => !known.has(v.hash))
					.map((v) => ({
						moduleSlug: MODULE,
						questionId: v.questionId,
						hash: v.hash,
						keyHash: v.keyHash,
						type: v.type,
						content: JSON.stringify(v.content),
					})),
			});
			break;
		} catch (error) {
			if ((error as { code?: string }).code !== "P2002" || tries === 5) throw error;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
	const ids = Array.from({ length: ATTEMPTS }, (_, i) => `bench${String(i).padStart(6, "0")}`);
	for (let i = 0; i < ids.length; i += 1000) {
		await prisma.quizAttempt.createMany({
			data: ids
				.slice(i, i + 1000)
				.map((id, j) => ({ id, userId, moduleSlug: MODULE, number: i + j + 1, plan: JSON.stringify(plan) })),
		});
	}
	await prisma.$disconnect();

	const body = new URLSearchParams({ intent: "submit" });
	for (const question of publicQuestions(bank, plan)) {
		const right = gradeQuestion(getQuestion(bank, question.id), undefined).rightAnswer;
		if (right.kind === "choices") for (const id of right.choiceIds) body.append(question.field, id);
		// A short answer whose every right text has a wildcard is answered with the wildcard filled.
		if (right.kind === "texts")
			body.append(question.field, right.texts.find((t) => !t.includes("*")) ?? right.texts[0]!.replaceAll("*", "x"));
		if (right.kind === "numbers") {
			const m = right.matches[0]!;
			body.append(question.field, String(m.kind === "value" ? m.value : m.kind === "range" ? m.min : 0));
		}
		if (right.kind === "pairs")
			for (const [stem, choice] of Object.entries(right.choiceByStem)) body.append(`${question.field}.${stem}`, choice);
	}
	const questions = publicQuestions(bank, plan);
	const form = new FormData();
	for (const [key, value] of body) form.append(key, value);
	const parsed = parseAttemptForm(questions, toFormInput(form));
	if (!parsed.success || unansweredQuestions(questions, parsed.responses).length > 0) {
		throw new Error(`The bench's answers leave questions of ${plan.slots.map((s) => s.questionId).join(", ")} blank`);
	}
	let next = 1; // the first attempt stays open for the attempt page
	return {
		openAttemptPath: `/modules/${MODULE}/quiz/${ids[0]}`,
		body: body.toString(),
		nextPath: () => `/modules/${MODULE}/quiz/${ids[Math.min(next++, ids.length - 1)]}`,
	};
}

/** Compiling and rendering every MDX file of a module: cold, then from the cache. */
export async function measureCompile(slug: string) {
	const module = (await getModule(slug))!;
	const files = [`${module.dir}/module.mdx`, ...module.sections.map((s) => s.file)];
	clearCompiledContent();
	const cold = performance.now();
	for (const file of files) await renderMdx(module, file, "en");
	const coldMs = performance.now() - cold;
	const cached = performance.now();
	for (const file of files) await renderMdx(module, file, "en");
	return { files: files.length, coldMs, cachedMs: performance.now() - cached };
}
