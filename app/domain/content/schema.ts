import { z } from "zod";

/**
 * The frontmatter of content files, checked at build, at `npm run content:check`
 * and when the server compiles a module. The format is written down in
 * docs/content-format.md.
 */

const localized = z.object({
	en: z.string().trim().min(1),
	ru: z.string().trim().min(1),
});

/** English required; Russian where it has been written already. */
const localizedPartial = z.object({
	en: z.string().trim().min(1),
	ru: z.string().trim().min(1).optional(),
});

export const AUDIENCES = ["data-officers", "policy-makers", "it-staff", "trainers"] as const;
export const LEVELS = ["introductory", "intermediate", "advanced"] as const;

export const sourceSchema = z.object({
	title: z.string().trim().min(1),
	publisher: z.string().trim().min(1).optional(),
	year: z.number().int().min(1900).max(2100).optional(),
	url: z.url().optional(),
});

/** What the review of a submitted attempt may show, as Moodle's review options name them. */
export const REVIEW_ITEMS = ["correctness", "feedback", "rightAnswer"] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];

/** Attempts when a module says nothing (or `null`): enough to learn from the feedback, too few to farm the key. */
export const DEFAULT_ATTEMPTS = 3;

const reviewItems = z.array(z.enum(REVIEW_ITEMS)).refine((items) => new Set(items).size === items.length, {
	message: "lists an item twice",
});

/**
 * When the review shows what (docs/decisions/0085-quiz-attempts-and-review.md): after any
 * attempt, after the learner has passed, and once no attempt is left. The default shows whether
 * each answer was right and its feedback at once, and the right answers only to a learner who
 * has passed or has no attempt left, so that failing on purpose does not give the key away.
 */
export const reviewOptionsSchema = z.object({
	afterAttempt: reviewItems.default(["correctness", "feedback"]),
	afterPassing: reviewItems.default(["correctness", "feedback", "rightAnswer"]),
	afterLastAttempt: reviewItems.default(["correctness", "feedback", "rightAnswer"]),
});

export type ReviewOptions = z.infer<typeof reviewOptionsSchema>;

export const quizSettingsSchema = z.object({
	/** Percentage of the maximum mark needed to pass. */
	passMark: z.number().min(0).max(100).default(70),
	/**
	 * Attempts allowed: a number, or "unlimited". Absent or null is DEFAULT_ATTEMPTS (the modules
	 * written before there was a default say `null`). Read as a number, or null for unlimited.
	 */
	attempts: z
		.union([z.number().int().positive(), z.literal("unlimited"), z.null()])
		.default(null)
		.transform((value) => (value === null ? DEFAULT_ATTEMPTS : value === "unlimited" ? null : value)),
	/** Minutes to wait after an attempt before the next one may start; 0 for none. */
	waitMinutes: z
		.number()
		.int()
		.min(0)
		.max(30 * 24 * 60)
		.default(0),
	/** Questions drawn at random per attempt; absent means all of them. */
	questionsPerAttempt: z.number().int().positive().nullable().default(null),
	/** Shuffle the answers of choice questions. */
	shuffle: z.boolean().default(true),
	review: reviewOptionsSchema.prefault({}),
});

export const moduleFrontmatterSchema = z.object({
	number: z.number().int().min(1).max(99),
	title: localized,
	summary: localized,
	durationMinutes: z.number().int().min(5).max(240),
	objectives: z.array(localizedPartial).min(3).max(6),
	audience: z.array(z.enum(AUDIENCES)).min(1),
	level: z.enum(LEVELS),
	version: z.string().regex(/^\d+\.\d+\.\d+$/, "version must look like 1.0.0"),
	/** YAML reads an unquoted 2026-11-28 as a date; either form is accepted. */
	lastReviewed: z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value), z.iso.date()),
	sources: z.array(sourceSchema).min(1),
	quiz: quizSettingsSchema.prefault({}),
});

export const sectionFrontmatterSchema = z.object({
	title: localizedPartial,
});

export const trainerFrontmatterSchema = z.object({
	title: localizedPartial,
});

export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
export type SectionFrontmatter = z.infer<typeof sectionFrontmatterSchema>;
export type QuizSettings = z.infer<typeof quizSettingsSchema>;

/** `04.basic-concepts-and-categories` → number 4, slug `basic-concepts-and-categories`. */
export const MODULE_DIR = /^(\d{2})\.([a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** `01.usual-residence.mdx` → order 1, id `usual-residence`. */
export const SECTION_FILE = /^(\d{2})\.([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** The components every lesson may use; the page renders them from one map. */
export const CONTENT_COMPONENTS = [
	"Definition",
	"Example",
	"Note",
	"Figure",
	"Exercise",
	"ModelAnswer",
	"KeyPoints",
	"Term",
] as const;

export type ContentComponent = (typeof CONTENT_COMPONENTS)[number];

/** The components that stand inside a sentence; every other one is a block of its own. */
export const INLINE_COMPONENTS: readonly ContentComponent[] = ["Term"];

/** The props of each component: those it must have and those it may have (docs/content-format.md). */
export const COMPONENT_PROPS: Record<ContentComponent, { required: string[]; optional: string[] }> = {
	Definition: { required: ["term", "source"], optional: [] },
	Example: { required: ["country", "title"], optional: [] },
	Note: { required: [], optional: ["title"] },
	Figure: { required: ["src", "alt", "caption"], optional: [] },
	Exercise: { required: ["title"], optional: ["link", "exercise"] },
	ModelAnswer: { required: [], optional: [] },
	KeyPoints: { required: [], optional: [] },
	Term: { required: ["id"], optional: [] },
};

/** Props that are not text: a translation keeps them as they are (docs/decisions/0040-bilingual-content.md). */
export const KEY_PROPS = ["link", "exercise", "src", "id"] as const;

/** Where an exercise's `link` leads. */
export const EXERCISE_LINKS = ["sandbox", "assessment"] as const;

/** A kebab-case id: glossary terms, sandbox exercises. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `content/tracks/data-officers.mdx` (or `.md`) → slug `data-officers`. */
export const TRACK_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?$/;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug");

/** A track: an ordered path through modules for one audience, with a certificate at its end. */
export const trackFrontmatterSchema = z.object({
	title: localized,
	summary: localized,
	audience: z.enum(AUDIENCES),
	/** Module slugs, in the order the track takes them. */
	modules: z.array(slug).min(1),
	/** Units that are not modules, such as the trainer track's cohort skills. */
	extraUnits: z
		.array(z.object({ id: slug, title: localizedPartial, summary: localizedPartial.optional() }))
		.optional(),
});

export type TrackFrontmatter = z.infer<typeof trackFrontmatterSchema>;
