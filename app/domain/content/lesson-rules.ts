import { exerciseById } from "../sandbox/exercises";
import type { LineProblem } from "./frontmatter";
import { analyzeMdx, type ComponentUse, type MdxFacts } from "./mdx";
import { COMPONENT_PROPS, CONTENT_COMPONENTS, EXERCISE_LINKS, INLINE_COMPONENTS, SLUG } from "./schema";

/** A module's lesson text must run to this many words (issue 4). */
export const MIN_LESSON_WORDS = 2500;

/** The `##` sections of a trainer guide, in docs/content-format.md's words. */
export const TRAINER_SECTIONS = [
	"Session plan",
	"Discussion questions",
	"Common misconceptions",
	"Answers to the exercise",
	"Delivering it online",
];

export type LessonFileKind = "module" | "section" | "trainer";

export interface LessonReport {
	problems: LineProblem[];
	/** Links to /modules/…, for checking once every module is known. */
	moduleLinks: { url: string; line: number }[];
	words: number;
	/** What the file holds, for the checks that compare it with its twin; absent when it does not compile. */
	facts?: MdxFacts;
}

/**
 * Checks an MDX file of a module: it compiles; it uses only the lesson components, with their
 * props; its images are files of the module; it holds no code; its links to other lessons are
 * /modules/… paths. Sections keep their headings at ### and below; a trainer guide has its
 * `##` sections. `<Term>` stands in a sentence, the other components on lines of their own;
 * `<ModelAnswer>` inside an `<Exercise>` or right after one.
 */
export function checkLessonFile(
	body: string,
	kind: LessonFileKind,
	assets: ReadonlySet<string>,
	options: { translation?: boolean } = {},
): LessonReport {
	const analysis = analyzeMdx(body);
	if ("problem" in analysis) return { problems: [analysis.problem], moduleLinks: [], words: 0 };
	const { facts } = analysis;
	const problems = [
		...facts.components.flatMap((use) => checkComponent(use, assets)),
		...facts.images.flatMap(({ url, alt, line }) => [
			...assetProblems(url, assets).map((message) => ({ line, message })),
			...(alt.trim() === "" ? [{ line, message: `the image ${url} has no alt text: ![what it shows](${url})` }] : []),
		]),
		...facts.code.map(({ kind: code, line }) => ({
			line,
			message:
				code === "expression"
					? "{…} is JavaScript, not lesson text: write \\{ for a literal brace"
					: "import and export are not used in lessons: the page provides the components",
		})),
		...facts.links.filter(({ url }) => isRelative(url)).map(({ url, line }) => ({
			line,
			message: `the relative link ${url} goes nowhere on the site: link lessons as /modules/<slug>/<section-id>`,
		})),
		...(kind === "section" ? sectionHeadingProblems(facts) : []),
		// A translated guide's headings are in Russian: content:check holds them to the English one's.
		...(kind === "trainer" && !options.translation ? trainerHeadingProblems(facts) : []),
	];
	return { problems, moduleLinks: facts.links.filter(({ url }) => url.startsWith("/modules/")), words: facts.words, facts };
}

function checkComponent(use: ComponentUse, assets: ReadonlySet<string>): LineProblem[] {
	const at = (message: string) => ({ line: use.line, message });
	const component = CONTENT_COMPONENTS.find((name) => name === use.name);
	if (!component) {
		return [at(`<${use.name}> is not a lesson component: use ${CONTENT_COMPONENTS.join(", ")}, or markdown`)];
	}
	const { required, optional } = COMPONENT_PROPS[component];
	const problems = [
		...use.dynamicProps.map((prop) => at(`<${component}> ${prop === "..." ? "{...props}" : `${prop}={…}`}: write props as plain text in quotes`)),
		...Object.keys(use.props)
			.filter((prop) => !required.includes(prop) && !optional.includes(prop))
			.map((prop) => at(`<${component}> has no prop ${prop}`)),
		...required
			.filter((prop) => !use.dynamicProps.includes(prop) && (use.props[prop] ?? "").trim() === "")
			.map((prop) => at(`<${component}> needs ${prop}="…"`)),
	];
	if (INLINE_COMPONENTS.includes(component) && !use.inline) {
		problems.push(at(`<${component}> stands inside a sentence, not on a line of its own`));
	}
	if (use.inLink) problems.push(at(`<${component}> inside a link: a link cannot hold another link`));
	const link = use.props.link;
	if (component === "Exercise" && link !== undefined && !EXERCISE_LINKS.some((target) => target === link)) {
		problems.push(at(`<Exercise link="${link}">: link is ${EXERCISE_LINKS.join(" or ")}`));
	}
	const exercise = use.props.exercise;
	if (component === "Exercise" && exercise !== undefined) {
		if (link !== "sandbox") problems.push(at(`<Exercise exercise="${exercise}">: a sandbox exercise needs link="sandbox"`));
		if (!SLUG.test(exercise)) problems.push(at(`<Exercise exercise="${exercise}">: the exercise is a lowercase slug`));
		else if (!exerciseById(exercise))
			problems.push(
				at(`<Exercise exercise="${exercise}">: the sandbox has no such exercise (app/domain/sandbox/exercises.ts)`),
			);
	}
	if (component === "ModelAnswer" && use.parent !== "Exercise" && use.previous !== "Exercise") {
		problems.push(at("<ModelAnswer> belongs inside an <Exercise>, or right after one"));
	}
	const id = use.props.id;
	if (component === "Term" && id && !SLUG.test(id)) problems.push(at(`<Term id="${id}">: a term's id is a lowercase slug`));
	const src = use.props.src;
	if (component === "Figure" && src) problems.push(...assetProblems(src, assets).map(at));
	return problems;
}

/** An image is a file of the module's images/ folder, named relative to the module folder. */
function assetProblems(url: string, assets: ReadonlySet<string>): string[] {
	if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return [`the image ${url} is on the web: put it in the module's images/ folder`];
	if (url.startsWith("/")) return [`the image ${url}: name images relative to the module folder (images/…)`];
	const file = url.replace(/^\.\//, "");
	if (!file.startsWith("images/") || file.split("/").includes("..")) return [`the image ${url} is not in the module's images/ folder`];
	return assets.has(file) ? [] : [`the image ${url} does not exist`];
}

function isRelative(url: string): boolean {
	return !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url);
}

function sectionHeadingProblems(facts: MdxFacts): LineProblem[] {
	return facts.headings
		.filter((heading) => heading.depth < 3)
		.map(({ depth, line }) => ({
			line,
			message: `a ${"#".repeat(depth)} heading: headings in a section start at ### (the page gives the section ##)`,
		}));
}

function trainerHeadingProblems(facts: MdxFacts): LineProblem[] {
	const headings = facts.headings.filter((heading) => heading.depth === 2).map((heading) => heading.text.toLowerCase());
	return TRAINER_SECTIONS.filter((section) => !headings.some((heading) => heading.startsWith(section.toLowerCase()))).map(
		(section) => ({ line: 1, message: `the trainer guide has no "## ${section}" section` }),
	);
}
