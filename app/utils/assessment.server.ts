import { readStoredAnswer, storeAnswer } from "~/domain/assessment/answers";
import { assessmentAccess, compareScope } from "~/domain/assessment/access";
import { INSTRUMENT, instrumentOf, itemsOf } from "~/domain/assessment/instrument";
import type { Answers, Instrument, ItemAnswer, ModuleRef } from "~/domain/assessment/model";
import { stepProgress, resumeStep } from "~/domain/assessment/progress";
import { median, readTargets, type Targets } from "~/domain/assessment/report";
import { buildReport, type AnswerMeta } from "~/domain/assessment/report-view";
import { scoreAssessment } from "~/domain/assessment/scoring";
import { pick } from "~/domain/assessment/view";
import { requireUser } from "./auth.server";
import { listModules, localized } from "./content.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma, readRows } from "./db.server";
import type { Language } from "./i18n";
import { resolveLanguage, translatorFor } from "./i18n.server";

/**
 * Assessments on the database: the domain (app/domain/assessment) holds the instrument and the
 * scoring; this file stores answers, checks who may see or change an assessment, and locks it
 * once submitted (docs/decisions/0071).
 */

export const DRAFT = "draft";
export const SUBMITTED = "submitted";

/** The calendar year assessments are started for, and "purchased" and "planned" years are checked against. */
export function currentYear(now = new Date()) {
	return now.getUTCFullYear();
}

export function agencyName(agency: { name: string; nameRu: string }, language: Language) {
	return language === "ru" && agency.nameRu ? agency.nameRu : agency.name;
}

/** An assessment as its pages read it: its agency and country, and every answer with who gave it. */
type AssessmentRecord = {
	id: string;
	year: number;
	status: string;
	instrumentVersion: number;
	currentStep: string | null;
	targets: string;
	submittedAt: Date | null;
	agency: {
		id: string;
		name: string;
		nameRu: string;
		countryCode: string;
		country: { nameEn: string; nameRu: string };
	};
	answers: StoredAnswer[];
};

type StoredAnswer = {
	itemId: string;
	value: string;
	answeredAt: Date;
	carriedOver: boolean;
	answeredById: string | null;
	/** The name of the user who gave it, when they still have an account. */
	answeredBy: string | null;
};

/**
 * Every page of an assessment reads it, with its answers, past Prisma's client in two
 * statements (docs/decisions/0097): the nested findUnique cost 3-4 ms of CPU per page.
 */
async function readAssessment(id: string): Promise<AssessmentRecord | null> {
	const [rows, answers] = await Promise.all([
		readRows<
			Omit<AssessmentRecord, "agency" | "answers"> & {
				agencyId: string;
				agencyName: string;
				agencyNameRu: string;
				countryCode: string;
				countryNameEn: string;
				countryNameRu: string;
			}
		>(Prisma.sql`
			SELECT a."id", a."year", a."status", a."instrumentVersion", a."currentStep", a."targets", a."submittedAt",
				g."id" AS "agencyId", g."name" AS "agencyName", g."nameRu" AS "agencyNameRu", g."countryCode",
				c."nameEn" AS "countryNameEn", c."nameRu" AS "countryNameRu"
			FROM "Assessment" a JOIN "Agency" g ON g."id" = a."agencyId" JOIN "Country" c ON c."code" = g."countryCode"
			WHERE a."id" = ${id}`),
		readRows<StoredAnswer>(Prisma.sql`
			SELECT x."itemId", x."value", x."answeredAt", x."carriedOver", x."answeredById", u."name" AS "answeredBy"
			FROM "AssessmentAnswer" x LEFT JOIN "User" u ON u."id" = x."answeredById"
			WHERE x."assessmentId" = ${id} ORDER BY x."itemId"`),
	]);
	const row = rows[0];
	if (!row) return null;
	const { agencyId, agencyName, agencyNameRu, countryCode, countryNameEn, countryNameRu, ...assessment } = row;
	return {
		...assessment,
		agency: {
			id: agencyId,
			name: agencyName,
			nameRu: agencyNameRu,
			countryCode,
			country: { nameEn: countryNameEn, nameRu: countryNameRu },
		},
		answers,
	};
}

type AnswerRow = { itemId: string; value: string };

/** Stored rows as the domain's answers, read against the instrument the assessment was answered on. */
export function answersFrom(instrument: Instrument, rows: readonly AnswerRow[]): Answers {
	const items = new Map(itemsOf(instrument).map((item) => [item.id, item]));
	const answers: Record<string, ItemAnswer> = {};
	for (const row of rows) {
		const item = items.get(row.itemId);
		if (item) answers[row.itemId] = readStoredAnswer(item, row.value);
	}
	return answers;
}

/**
 * The assessment of the URL and what the user may do with it: a 404 when there is none, a 403
 * when it belongs to an agency the user may not see (assessmentAccess).
 */
export async function requireAssessment(request: Request, id: string | undefined) {
	const user = await requireUser(request);
	const row = id ? await readAssessment(id) : null;
	if (!row) throw new Response("Not found", { status: 404 });
	const access = assessmentAccess(user, row.agency);
	if (!access.view) throw new Response("Forbidden", { status: 403 });
	const instrument = instrumentOf(row.instrumentVersion);
	const answers = answersFrom(instrument, row.answers);
	const draft = row.status === DRAFT;
	return {
		user,
		assessment: row,
		instrument,
		answers,
		access: { ...access, edit: access.edit && draft, reopen: access.reopen && !draft },
	};
}

export type LoadedAssessment = Awaited<ReturnType<typeof requireAssessment>>;

/** Who gave each answer last, and when. */
export function answerMeta(assessment: LoadedAssessment["assessment"]): AnswerMeta {
	return new Map(
		assessment.answers.map((a) => [
			a.itemId,
			{ by: a.answeredBy || null, at: a.answeredAt, carriedOver: a.carriedOver },
		]),
	);
}

/** The agency's latest submitted assessment before `year`, with its answers: what the report compares with. */
export async function previousAssessment(agencyId: string, year: number) {
	// Past Prisma's client, as the assessment itself (readAssessment): the report reads it on every view.
	const [row] = await readRows<{ id: string; year: number; instrumentVersion: number }>(Prisma.sql`
		SELECT "id", "year", "instrumentVersion" FROM "Assessment"
		WHERE "agencyId" = ${agencyId} AND "year" < ${year} AND "status" = ${SUBMITTED}
		ORDER BY "year" DESC LIMIT 1`);
	if (!row) return null;
	const answers = await readRows<{ itemId: string; value: string; answeredById: string | null; answeredAt: Date }>(
		Prisma.sql`
			SELECT "itemId", "value", "answeredById", "answeredAt" FROM "AssessmentAnswer"
			WHERE "assessmentId" = ${row.id} ORDER BY "itemId"`,
	);
	return { ...row, answers, answersByItem: answersFrom(instrumentOf(row.instrumentVersion), answers) };
}

export type StartResult = { ok: true; id: string } | { ok: false; reason: "exists"; id: string };

/**
 * Starts the agency's assessment for a year on the current instrument, or finds the one a
 * colleague started. With `fromPrevious`, the answers of the agency's latest submitted
 * assessment are copied, marked as carried over until someone saves them again.
 */
export async function startAssessment(
	userId: string,
	agencyId: string,
	year: number,
	fromPrevious: boolean,
): Promise<StartResult> {
	const existing = await prisma.assessment.findUnique({
		where: { agencyId_year: { agencyId, year } },
		select: { id: true },
	});
	if (existing) return { ok: false, reason: "exists", id: existing.id };
	const previous = fromPrevious ? await previousAssessment(agencyId, year) : null;
	const items = new Map(itemsOf(INSTRUMENT).map((item) => [item.id, item]));
	try {
		const created = await prisma.assessment.create({
			data: {
				agencyId,
				year,
				instrumentVersion: INSTRUMENT.version,
				basedOnId: previous?.id ?? null,
				answers: {
					create: (previous?.answers ?? []).flatMap((row) => {
						const item = items.get(row.itemId);
						const answer = previous!.answersByItem[row.itemId];
						if (!item || !answer) return [];
						return [
							{
								itemId: row.itemId,
								value: storeAnswer(item, answer),
								answeredById: row.answeredById,
								answeredAt: row.answeredAt,
								carriedOver: true,
							},
						];
					}),
				},
				events: {
					create: { kind: "started", userId, note: previous ? String(previous.year) : "" },
				},
			},
			select: { id: true },
		});
		return { ok: true, id: created.id };
	} catch (error) {
		// Two colleagues started the same year at once: the second finds the first's.
		const raced = await prisma.assessment.findUnique({
			where: { agencyId_year: { agencyId, year } },
			select: { id: true },
		});
		if (raced) return { ok: false, reason: "exists", id: raced.id };
		throw error;
	}
}

/**
 * Saves the answers of one step. Only items whose answer changed are written, so that colleagues
 * working on other items are not overwritten and each answer keeps who gave it last. With
 * `confirm` (Save, Save and continue, Back), carried-over answers on the page count as given now.
 * Refused (false) once the assessment is no longer a draft.
 */
export async function saveAnswers(
	assessmentId: string,
	userId: string,
	instrument: Instrument,
	submitted: ReadonlyMap<string, ItemAnswer>,
	options: { confirm: boolean; step: string },
) {
	const items = new Map(itemsOf(instrument).map((item) => [item.id, item]));
	return prisma.$transaction(async (tx) => {
		// First the conditional write: it refuses an assessment that is no longer a draft, and on
		// PostgreSQL it locks the row until this transaction ends, so that a submission or another
		// save of the same assessment waits for this one instead of going on beside it.
		const { count } = await tx.assessment.updateMany({
			where: { id: assessmentId, status: DRAFT },
			data: { currentStep: options.step },
		});
		if (count === 0) return false;
		const current = await tx.assessment.findUnique({
			where: { id: assessmentId },
			select: {
				status: true,
				answers: {
					where: { itemId: { in: [...submitted.keys()] } },
					select: { itemId: true, value: true, carriedOver: true },
				},
			},
		});
		if (!current || current.status !== DRAFT) return false;
		const stored = new Map(current.answers.map((row) => [row.itemId, row]));
		const now = new Date();
		for (const [itemId, answer] of submitted) {
			const item = items.get(itemId);
			if (!item) continue;
			const value = storeAnswer(item, answer);
			const before = stored.get(itemId);
			const changed = !before || storeAnswer(item, readStoredAnswer(item, before.value)) !== value;
			if (!changed && !(options.confirm && before?.carriedOver)) continue;
			await tx.assessmentAnswer.upsert({
				where: { assessmentId_itemId: { assessmentId, itemId } },
				create: { assessmentId, itemId, value, answeredById: userId, answeredAt: now },
				update: { value, answeredById: userId, answeredAt: now, carriedOver: false },
			});
		}
		return true;
	});
}

/** Locks the assessment; false when it was not a draft. */
export async function submitAssessment(assessmentId: string, userId: string) {
	const { count } = await prisma.assessment.updateMany({
		where: { id: assessmentId, status: DRAFT },
		data: { status: SUBMITTED, submittedAt: new Date() },
	});
	if (count === 1) await prisma.assessmentEvent.create({ data: { assessmentId, kind: "submitted", userId } });
	return count === 1;
}

/** Opens a submitted assessment again for its assessors, recording who did it and why. */
export async function reopenAssessment(assessmentId: string, userId: string, reason: string) {
	const { count } = await prisma.assessment.updateMany({
		where: { id: assessmentId, status: SUBMITTED },
		data: { status: DRAFT, submittedAt: null },
	});
	if (count === 1)
		await prisma.assessmentEvent.create({ data: { assessmentId, kind: "reopened", userId, note: reason } });
	return count === 1;
}

export async function saveTargets(assessmentId: string, targets: Targets) {
	await prisma.assessment.update({ where: { id: assessmentId }, data: { targets: JSON.stringify(targets) } });
}

export async function assessmentEvents(assessmentId: string) {
	return prisma.assessmentEvent.findMany({
		where: { assessmentId },
		orderBy: { at: "asc" },
		select: { kind: true, note: true, at: true, user: { select: { name: true } } },
	});
}

/** "Module 11 · Personal computers and software", from the content itself. */
export async function lessonTitles(language: Language) {
	const modules = await listModules();
	const t = translatorFor(language);
	return (ref: ModuleRef) => {
		const module = modules.find((m) => m.slug === ref.module);
		const section = module?.sections.find((s) => s.id === ref.section);
		if (!module || !section) return ref.module;
		return t("assessment.report.lesson", { number: module.meta.number, title: localized(section.title, language) });
	};
}

/** Everything the report, its print and its exports show, in one language. */
export async function assessmentReport(loaded: LoadedAssessment, language: Language) {
	const { assessment, instrument, answers } = loaded;
	const context = { year: assessment.year };
	const score = scoreAssessment(instrument, answers, context);
	const previous = await previousAssessment(assessment.agency.id, assessment.year);
	const previousScore = previous
		? scoreAssessment(instrumentOf(previous.instrumentVersion), previous.answersByItem, { year: previous.year })
		: null;
	const report = buildReport({
		instrument,
		score,
		previous: previousScore,
		targets: readTargets(instrument, assessment.targets),
		answers,
		meta: answerMeta(assessment),
		language,
		lessonTitle: await lessonTitles(language),
	});
	return {
		report,
		previousYear: previous?.year ?? null,
		header: {
			id: assessment.id,
			agency: agencyName(assessment.agency, language),
			country: language === "ru" ? assessment.agency.country.nameRu : assessment.agency.country.nameEn,
			year: assessment.year,
			status: assessment.status,
			submittedAt: assessment.submittedAt,
			instrumentVersion: assessment.instrumentVersion,
		},
	};
}

export type AssessmentReport = Awaited<ReturnType<typeof assessmentReport>>;

const progressSelect = {
	id: true,
	year: true,
	status: true,
	instrumentVersion: true,
	currentStep: true,
	submittedAt: true,
	answers: { select: { itemId: true, value: true } },
} as const;

type ProgressRow = {
	id: string;
	year: number;
	status: string;
	instrumentVersion: number;
	currentStep: string | null;
	submittedAt: Date | null;
	answers: AnswerRow[];
};

/** How far an assessment has got: steps complete (or skipped by the answers), and where it resumes. */
function progressOf(row: ProgressRow) {
	const instrument = instrumentOf(row.instrumentVersion);
	const answers = answersFrom(instrument, row.answers);
	const steps = stepProgress(instrument, answers);
	return {
		id: row.id,
		year: row.year,
		status: row.status,
		submittedAt: row.submittedAt,
		complete: steps.filter((step) => step.state === "complete" || step.state === "skipped").length,
		steps: steps.length,
		resume: resumeStep(instrument, answers, row.currentStep),
	};
}

/** The agency's assessments, newest first, with how far each has got. */
export async function agencyAssessments(agencyId: string) {
	const rows = await prisma.assessment.findMany({
		where: { agencyId },
		orderBy: { year: "desc" },
		select: progressSelect,
	});
	return rows.map(progressOf);
}

/**
 * The agencies of a country side by side for a year (or one agency, for its own assessors): each
 * agency's level per section, its state, and per section the median of the submitted ones.
 */
export async function countryComparison(country: string, year: number, language: Language, onlyAgency?: string) {
	const agencies = await prisma.agency.findMany({
		where: { countryCode: country, ...(onlyAgency ? { id: onlyAgency } : {}) },
		orderBy: { name: "asc" },
		select: {
			id: true,
			name: true,
			nameRu: true,
			assessments: {
				where: { year },
				select: {
					id: true,
					status: true,
					submittedAt: true,
					instrumentVersion: true,
					answers: { select: { itemId: true, value: true } },
				},
			},
		},
	});
	const rows = agencies.map((agency) => {
		const assessment = agency.assessments[0] ?? null;
		const score = assessment
			? scoreAssessment(
					instrumentOf(assessment.instrumentVersion),
					answersFrom(instrumentOf(assessment.instrumentVersion), assessment.answers),
					{ year },
				)
			: null;
		return {
			agencyId: agency.id,
			name: agencyName(agency, language),
			assessment: assessment && { id: assessment.id, status: assessment.status, submittedAt: assessment.submittedAt },
			levels: Object.fromEntries(
				INSTRUMENT.sections.map((section) => [
					section.id,
					score?.sections.find((s) => s.section.id === section.id)?.level ?? null,
				]),
			),
		};
	});
	const submitted = rows.filter((row) => row.assessment?.status === SUBMITTED);
	const medians = Object.fromEntries(
		INSTRUMENT.sections.map((section) => [
			section.id,
			median(submitted.flatMap((row) => (row.levels[section.id] == null ? [] : [row.levels[section.id]!]))),
		]),
	);
	return {
		rows,
		medians,
		submitted: submitted.length,
		notSubmitted: rows.filter((row) => row.assessment?.status !== SUBMITTED),
	};
}

export type Comparison = Awaited<ReturnType<typeof countryComparison>>;

/**
 * The comparison a request asks for (`?year=2026&country=KG`) within what the user may see
 * (compareScope): 403 for anyone else, or for another country than a coordinator's or an
 * assessor's own.
 */
export async function requireComparison(request: Request) {
	const user = await requireUser(request);
	const url = new URL(request.url);
	const requestedCountry = url.searchParams.get("country")?.toUpperCase() || null;
	const scope = compareScope(user, requestedCountry);
	if (scope.kind === "forbidden") throw new Response("Forbidden", { status: 403 });
	const language = resolveLanguage(request, user);
	const thisYear = currentYear();
	const asked = Number(url.searchParams.get("year"));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear;
	const countries =
		scope.kind === "countries"
			? await prisma.country.findMany({
					where: { agencies: { some: {} } },
					orderBy: { code: "asc" },
					select: { code: true, nameEn: true, nameRu: true },
				})
			: [];
	const countrySelect = { code: true, nameEn: true, nameRu: true } as const;
	const countryCode = scope.country ?? countries[0]?.code;
	const country = countryCode
		? await prisma.country.findUnique({ where: { code: countryCode }, select: countrySelect })
		: await prisma.country.findFirst({ orderBy: { code: "asc" }, select: countrySelect });
	if (!country) throw new Response("Not found", { status: 404 });
	const years = await prisma.assessment.findMany({
		where: { agency: { countryCode: country.code } },
		distinct: ["year"],
		orderBy: { year: "desc" },
		select: { year: true },
	});
	const comparison = await countryComparison(
		country.code,
		year,
		language,
		scope.kind === "agency" ? scope.agencyId : undefined,
	);
	const name = (c: { nameEn: string; nameRu: string }) => (language === "ru" ? c.nameRu : c.nameEn);
	return {
		language,
		scope: scope.kind,
		year,
		years: [...new Set([thisYear, ...years.map((y) => y.year)])].sort((a, b) => b - a),
		country: { code: country.code, name: name(country) },
		countries: countries.map((c) => ({ code: c.code, name: name(c) })),
		sections: INSTRUMENT.sections.map((s) => ({ id: s.id, code: s.code, title: pick(s.title, language) })),
		comparison,
	};
}

/** The home page's assessor card: this year's assessment of the agency and how far it has got. */
export async function assessorHome(agencyId: string) {
	const year = currentYear();
	const row = await prisma.assessment.findUnique({
		where: { agencyId_year: { agencyId, year } },
		select: progressSelect,
	});
	if (!row) return { year, state: "not-started" as const };
	return { ...progressOf(row), state: row.status === SUBMITTED ? ("submitted" as const) : ("draft" as const) };
}

/** The home page's coordinator card: how many of the country's agencies submitted this year. */
export async function coordinatorHome(countryCode: string) {
	const year = currentYear();
	const [agencies, submitted] = await Promise.all([
		prisma.agency.count({ where: { countryCode } }),
		prisma.assessment.count({ where: { year, status: SUBMITTED, agency: { countryCode } } }),
	]);
	return { year, agencies, submitted };
}
