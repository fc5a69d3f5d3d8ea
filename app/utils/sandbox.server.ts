import { Prisma } from "~/generated/prisma/client";
import { readUploadedDsmFile } from "~/utils/dsm-read.server";
import { CODELISTS } from "~/domain/dsm/codelists";
import type { Issue } from "~/domain/dsm/issues";
import { INDICATOR_IDS, isIndicatorId, type IndicatorId } from "~/domain/dsm/model";
import type { Observation } from "~/domain/dsm/observation";
import { comparePeriods } from "~/domain/sandbox/periods";
import type { ReadResult } from "~/domain/dsm/read-result";
import { sharedView } from "~/domain/dsm/share";
import { validate } from "~/domain/dsm/validate";
import {
	decodeContent,
	encodeContent,
	mergeContent,
	onContentLines,
	periodsOf,
	sliceKey,
} from "~/domain/sandbox/content";
import { exerciseById, exerciseContext, mergeByIndicator } from "~/domain/sandbox/exercises";
import { countsOf, findingsOf, type Finding } from "~/domain/sandbox/findings";
import { statusOf, type WorkspaceStatus } from "~/domain/sandbox/status";
import type { SessionUser } from "./auth.server";
import { requireUser } from "./auth.server";
import { listModules, localized } from "./content.server";
import { prisma } from "./db.server";
import type { Language } from "./i18n";

/**
 * The DSM practice sandbox on the database (docs/decisions/0060-sandbox-storage.md): workspaces,
 * their periods and their immutable revisions. The rules themselves (content, form, findings,
 * comparison) are in app/domain/sandbox; reading and validating is the engine's (app/domain/dsm).
 */

/** The states a practice workspace may report for: the DSM members and the fictional practice state. */
export const PRACTICE_STATES: readonly string[] = CODELISTS.REF_AREA.codes.map((entry) => entry.code);

const workspaceSelect = {
	id: true,
	ownerId: true,
	kind: true,
	exerciseId: true,
	seed: true,
	refArea: true,
	indicators: true,
	title: true,
	createdAt: true,
	periods: { select: { period: true }, orderBy: { addedAt: "asc" } },
	submissions: {
		select: { number: true, review: { select: { outcome: true } } },
		orderBy: { number: "desc" },
		take: 1,
	},
} as const;

async function findWorkspace(workspaceId: string | undefined) {
	return workspaceId
		? prisma.sandboxWorkspace.findUnique({ where: { id: workspaceId }, select: workspaceSelect })
		: null;
}

type WorkspaceRow = NonNullable<Awaited<ReturnType<typeof findWorkspace>>>;

export type Workspace = Omit<WorkspaceRow, "indicators" | "periods" | "submissions"> & {
	indicators: IndicatorId[];
	/** The periods added, in time order. */
	periods: string[];
	status: WorkspaceStatus;
};

function workspaceOf(row: WorkspaceRow): Workspace {
	const { indicators, periods, submissions, ...rest } = row;
	const parsed = JSON.parse(indicators) as unknown;
	return {
		...rest,
		indicators: Array.isArray(parsed)
			? parsed.filter((id): id is IndicatorId => typeof id === "string" && isIndicatorId(id))
			: [],
		periods: periods.map((p) => p.period).sort(comparePeriods),
		status: statusOf(submissions[0]),
	};
}

/** Who may read a workspace: its owner. (Its owner's trainers read it too once review lands: issue 9 item 5.) */
export function canRead(user: Pick<SessionUser, "id">, workspace: Pick<Workspace, "ownerId">): boolean {
	return workspace.ownerId === user.id;
}

/** The signed-in owner's workspace; 404 for a workspace that does not exist or is someone else's. */
export async function requireWorkspace(request: Request, workspaceId: string | undefined) {
	const user = await requireUser(request);
	const row = await findWorkspace(workspaceId);
	if (!row || !canRead(user, row)) throw new Response("Not found", { status: 404, statusText: "Not Found" });
	return { user, workspace: workspaceOf(row) };
}

/** As requireWorkspace, for a write: only the owner changes a workspace. */
export async function requireOwnWorkspace(request: Request, workspaceId: string | undefined) {
	const found = await requireWorkspace(request, workspaceId);
	if (found.workspace.ownerId !== found.user.id)
		throw new Response("Not found", { status: 404, statusText: "Not Found" });
	return found;
}

export async function listWorkspaces(ownerId: string) {
	const rows = await prisma.sandboxWorkspace.findMany({
		where: { ownerId },
		select: {
			...workspaceSelect,
			revisions: {
				select: { number: true, createdAt: true, errorCount: true, warningCount: true },
				orderBy: { number: "desc" },
				take: 1,
			},
		},
		orderBy: { createdAt: "desc" },
	});
	return rows.map(({ revisions, ...row }) => ({ ...workspaceOf(row), latest: revisions[0] ?? null }));
}

export async function createPracticeWorkspace(ownerId: string, refArea: string, period: string): Promise<string> {
	const workspace = await prisma.sandboxWorkspace.create({
		data: {
			ownerId,
			kind: "practice",
			refArea,
			indicators: JSON.stringify(INDICATOR_IDS),
			periods: { create: { period, addedById: ownerId } },
		},
		select: { id: true },
	});
	return workspace.id;
}

/** Adds a period to a workspace (a time series); false when it holds it already. */
export async function addPeriod(workspaceId: string, period: string, userId: string): Promise<boolean> {
	try {
		await prisma.sandboxPeriod.create({ data: { workspaceId, period, addedById: userId } });
		return true;
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
		throw error;
	}
}

const revisionSelect = {
	id: true,
	number: true,
	createdAt: true,
	source: true,
	indicator: true,
	period: true,
	fileName: true,
	fileBytes: true,
	format: true,
	encoding: true,
	restoredFrom: true,
	observationCount: true,
	errorCount: true,
	warningCount: true,
	author: { select: { name: true } },
} as const;

export type RevisionSummary = Prisma.SandboxRevisionGetPayload<{ select: typeof revisionSelect }>;

export async function listRevisions(workspaceId: string): Promise<RevisionSummary[]> {
	return prisma.sandboxRevision.findMany({
		where: { workspaceId },
		select: revisionSelect,
		orderBy: { number: "desc" },
	});
}

export type StoredRevision = RevisionSummary & { observations: Observation[]; findings: Finding[] };

/** A revision with its content and findings read back; null when there is none of that number. */
export async function getRevision(workspaceId: string, number?: number): Promise<StoredRevision | null> {
	const row = await prisma.sandboxRevision.findFirst({
		where: { workspaceId, ...(number === undefined ? {} : { number }) },
		select: { ...revisionSelect, observations: true, findings: true },
		orderBy: { number: "desc" },
	});
	if (!row) return null;
	return { ...row, observations: decodeContent(row.observations), findings: JSON.parse(row.findings) as Finding[] };
}

/** The latest revision's observations, or none. */
export async function currentContent(workspaceId: string): Promise<Observation[]> {
	const row = await prisma.sandboxRevision.findFirst({
		where: { workspaceId },
		select: { observations: true },
		orderBy: { number: "desc" },
	});
	return row ? decodeContent(row.observations) : [];
}

/**
 * What a viewer may see of a revision's observations (DSM rule 23, CONF): the submitter and their
 * trainers see confidential values; anyone else, values of C cells withheld.
 */
export function visibleContent(observations: readonly Observation[], seesConfidential: boolean): Observation[] {
	return seesConfidential ? [...observations] : sharedView(observations);
}

export type RevisionSource =
	| { source: "form"; indicator: IndicatorId; period: string }
	| {
			source: "upload";
			fileName: string;
			fileBytes: number;
			format?: string;
			encoding?: string;
			readIssues: readonly Issue[];
	  }
	| { source: "restore"; restoredFrom: number }
	| { source: "exercise" };

export type SaveInput = RevisionSource & {
	/** The observations this save brings: they replace the slices (indicator, state, period) they cover. */
	incoming: readonly Observation[];
	/** For a restore: the whole content instead of a merge. */
	replaceAll?: boolean;
};

/** The workspace fields validation reads: its state, and for an exercise its id and seed. */
export type ValidatedWorkspace = Pick<Workspace, "refArea"> & Partial<Pick<Workspace, "kind" | "exerciseId" | "seed">>;

/**
 * Validates a workspace's whole content as the engine does (`npm run dsm -- validate --country XX`);
 * an exercise's content with the exercise's own context too (its year, the cases pending at its start).
 */
export function validateContent(workspace: ValidatedWorkspace, observations: readonly Observation[]): Issue[] {
	const exercise = exerciseById(workspace.exerciseId ?? undefined);
	const context = exercise && workspace.seed != null ? exerciseContext(exercise, workspace.seed) : undefined;
	return validate(observations, { ...context, country: workspace.refArea });
}

/**
 * A new revision: the previous content merged with what comes in, validated as a whole, stored
 * with its findings. Its number is the next free one; a save that loses the race for it retries.
 */
export async function saveRevision(
	workspace: Pick<Workspace, "id"> & ValidatedWorkspace,
	authorId: string,
	input: SaveInput,
) {
	for (let attempt = 0; attempt < 5; attempt++) {
		const previous = await prisma.sandboxRevision.findFirst({
			where: { workspaceId: workspace.id },
			select: { number: true, observations: true },
			orderBy: { number: "desc" },
		});
		const before = previous && !input.replaceAll ? decodeContent(previous.observations) : [];
		// An exercise's upload is the trainee's whole table of the indicators it holds: rows of another
		// period or state (a planted error) go with it, as they would from a corrected file.
		const byIndicator = input.source === "upload" && workspace.exerciseId != null;
		const emptied = input.source === "form" ? [sliceKey(input.indicator, workspace.refArea, input.period)] : [];
		const merged = input.replaceAll
			? [...input.incoming]
			: byIndicator
				? mergeByIndicator(before, input.incoming)
				: mergeContent(before, input.incoming, emptied);
		const validated = onContentLines(merged);
		const kept = merged.length - input.incoming.length;
		const fromFile =
			input.source === "upload"
				? merged.map((_, index) => (index >= kept ? input.incoming[index - kept] : undefined))
				: [];
		const findings = findingsOf({
			readIssues: input.source === "upload" ? input.readIssues : [],
			issues: validateContent(workspace, validated),
			validated,
			fromFile,
		});
		const counts = countsOf(findings);
		const number = (previous?.number ?? 0) + 1;
		try {
			return await prisma.sandboxRevision.create({
				data: {
					workspaceId: workspace.id,
					number,
					authorId,
					source: input.source,
					indicator: input.source === "form" ? input.indicator : null,
					period: input.source === "form" ? input.period : null,
					fileName: input.source === "upload" ? input.fileName : null,
					fileBytes: input.source === "upload" ? input.fileBytes : null,
					format: input.source === "upload" ? (input.format ?? null) : null,
					encoding: input.source === "upload" ? (input.encoding ?? null) : null,
					restoredFrom: input.source === "restore" ? input.restoredFrom : null,
					observations: encodeContent(merged),
					observationCount: merged.length,
					findings: JSON.stringify(findings),
					errorCount: counts.errors,
					warningCount: counts.warnings,
				},
				select: { id: true, number: true, errorCount: true, warningCount: true },
			});
		} catch (error) {
			if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
		}
	}
	throw new Response("The revision could not be saved; try again.", { status: 503 });
}

export type UploadOutcome =
	{ ok: true; revision: { number: number; errorCount: number; warningCount: number } } | { ok: false; issues: Issue[] };

/**
 * An uploaded file read by the engine. A file that yields no observation (empty, binary, too big,
 * wrong encoding, not a DSM file) makes no revision: its problems come back for the upload field.
 */
export async function uploadFile(
	workspace: Pick<Workspace, "id"> & ValidatedWorkspace,
	authorId: string,
	file: { name: string; bytes: Uint8Array },
	read: (bytes: Uint8Array) => Promise<ReadResult> = readUploadedDsmFile,
): Promise<UploadOutcome> {
	const result = await read(file.bytes);
	if (result.observations.length === 0) return { ok: false, issues: result.issues };
	const revision = await saveRevision(workspace, authorId, {
		source: "upload",
		fileName: file.name.slice(0, 200),
		fileBytes: file.bytes.byteLength,
		format: result.format,
		encoding: result.encoding,
		readIssues: result.issues,
		incoming: result.observations,
	});
	return { ok: true, revision };
}

/** A restore: the content of an earlier revision as a new revision (nothing is rolled back in place). */
export async function restoreRevision(
	workspace: Pick<Workspace, "id"> & ValidatedWorkspace,
	authorId: string,
	number: number,
) {
	const old = await getRevision(workspace.id, number);
	if (!old) throw new Response("Not found", { status: 404, statusText: "Not Found" });
	return saveRevision(workspace, authorId, {
		source: "restore",
		restoredFrom: number,
		incoming: old.observations,
		replaceAll: true,
	});
}

/** "Module 12 «…», «…»": the lesson that explains a rule, named as the reader reads it; the path when it is not found. */
export async function sectionNames(sections: Iterable<string>, language: Language): Promise<Record<string, string>> {
	const modules = await listModules();
	const names: Record<string, string> = {};
	for (const section of new Set(sections)) {
		const [, , slug, id] = section.split("/");
		const module = modules.find((m) => m.slug === slug);
		const lesson = module?.sections.find((s) => s.id === id);
		names[section] =
			module && lesson
				? `${module.meta.number} «${localized(module.meta.title, language)}», «${localized(lesson.title, language)}»`
				: section;
	}
	return names;
}

/** The periods to offer on a workspace's pages: those added, and any an upload brought. */
export function workspacePeriods(
	workspace: Pick<Workspace, "periods">,
	observations: readonly Observation[],
): string[] {
	return [...new Set([...workspace.periods, ...periodsOf(observations)])].sort(comparePeriods);
}
