import { frontmatterLine, readFrontmatter, type LineProblem } from "./frontmatter";
import { checkLessonFile, MIN_LESSON_WORDS, type LessonFileKind } from "./lesson-rules";
import { readModule, type ModuleReading } from "./modules";
import { checkQuiz } from "./quiz-rules";
import { SECTION_FILE, trainerFrontmatterSchema } from "./schema";
import { modulePath, type ContentSource, type ModuleFolder, type Problem } from "./source";
import { listTracks } from "./tracks";

/**
 * Every problem of the content folder, by file and line: what `npm run content:check` prints.
 * The rules are written down in docs/content-format.md and docs/decisions/0023-content-check.md.
 */
export function checkContent(source: ContentSource): Problem[] {
	const readings = source.modules.map(readModule);
	const sectionsBySlug = new Map(
		readings.flatMap((reading) => (reading.slug ? [[reading.slug, new Set(reading.sections.map((section) => section.id))]] : [])),
	);
	const problems: Problem[] = [
		...source.notUtf8.map((file) => ({ file, message: "the file is not UTF-8" })),
		...source.strayFiles.map((file) => ({
			file,
			message: file.startsWith("tracks/") ? "tracks/ holds track files (.mdx or .md) only" : "modules/ holds module folders only",
		})),
		...(source.modules.length === 0 ? [{ file: "modules", message: "there are no modules" }] : []),
		...repeatedModules(readings),
		...readings.flatMap((reading) => checkModule(reading, sectionsBySlug)),
		...listTracks(source.tracks, new Set(sectionsBySlug.keys())).problems,
	];
	return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Two folders may not share a number or a slug. */
function repeatedModules(readings: readonly ModuleReading[]): Problem[] {
	return readings.flatMap((reading, index) => {
		const earlier = readings.slice(0, index);
		return [
			...(reading.number !== undefined && earlier.some((other) => other.number === reading.number)
				? [{ file: modulePath(reading.folder), message: `another module folder has the number ${reading.number}` }]
				: []),
			...(reading.slug !== undefined && earlier.some((other) => other.slug === reading.slug)
				? [{ file: modulePath(reading.folder), message: `another module folder has the slug ${reading.slug}` }]
				: []),
		];
	});
}

function checkModule(reading: ModuleReading, sectionsBySlug: ReadonlyMap<string, ReadonlySet<string>>): Problem[] {
	const { folder } = reading;
	const problems: Problem[] = [...reading.problems, ...unexpectedFiles(folder)];
	const lesson = (file: string, body: string, kind: LessonFileKind) => {
		const report = checkLessonFile(body, kind, folder.assets);
		const links = report.moduleLinks.flatMap(({ url, line }) => {
			const message = brokenLink(url, sectionsBySlug);
			return message ? [{ line, message }] : [];
		});
		problems.push(...inFile(folder, file, [...report.problems, ...links]));
		return report.words;
	};

	if (reading.body !== undefined) lesson("module.mdx", reading.body, "module");
	const words = reading.sections.reduce((sum, section) => sum + lesson(section.file, section.body, "section"), 0);
	if (words < MIN_LESSON_WORDS) {
		problems.push({
			file: modulePath(folder, "module.mdx"),
			message: `the sections hold ${words.toLocaleString("en")} words of lesson text; a module needs at least ${MIN_LESSON_WORDS.toLocaleString("en")}`,
		});
	}

	const trainer = folder.files.get("trainer.mdx");
	if (trainer === undefined) {
		problems.push({ file: modulePath(folder, "trainer.mdx"), message: "missing: every module has a trainer guide" });
	} else {
		const { body, problems: frontmatterProblems } = readFrontmatter(trainer, trainerFrontmatterSchema);
		problems.push(...inFile(folder, "trainer.mdx", frontmatterProblems));
		lesson("trainer.mdx", body, "trainer");
	}

	problems.push(...checkModuleQuiz(reading));
	return problems;
}

/** quiz.gift, and what it means for module.mdx: every objective tested, enough questions to draw from. */
function checkModuleQuiz({ folder, number, frontmatter }: ModuleReading): Problem[] {
	const gift = folder.files.get("quiz.gift");
	if (gift === undefined) return [{ file: modulePath(folder, "quiz.gift"), message: "missing: every module has a quiz" }];
	const objectiveCount = frontmatter?.objectives.length;
	const report = checkQuiz(gift, { ...(number !== undefined && { number }), ...(objectiveCount !== undefined && { objectiveCount }) });
	const problems = inFile(folder, "quiz.gift", report.problems);
	const moduleMdx = folder.files.get("module.mdx");
	if (!frontmatter || moduleMdx === undefined) return problems;

	const at = (path: PropertyKey[], message: string) => ({ file: modulePath(folder, "module.mdx"), line: frontmatterLine(moduleMdx, path), message });
	frontmatter.objectives.forEach((_objective, index) => {
		if (!report.testedObjectives.has(index + 1)) {
			problems.push(at(["objectives", index], `objective ${index + 1} is tested by no question: tag one [tag:objective-${index + 1}] in quiz.gift`));
		}
	});
	const { questionsPerAttempt } = frontmatter.quiz;
	if (questionsPerAttempt !== null && questionsPerAttempt > report.questionCount) {
		problems.push(
			at(["quiz", "questionsPerAttempt"], `quiz.questionsPerAttempt is ${questionsPerAttempt}, but quiz.gift has ${report.questionCount} questions`),
		);
	}
	return problems;
}

/** A module folder holds module.mdx, its sections, quiz.gift, trainer.mdx, and SVG or PNG images in images/. */
function unexpectedFiles(folder: ModuleFolder): Problem[] {
	const expected = (file: string) => ["module.mdx", "quiz.gift", "trainer.mdx"].includes(file) || SECTION_FILE.test(file);
	return [
		...[...folder.files.keys()]
			.filter((file) => !expected(file))
			.map((file) => ({
				file: modulePath(folder, file),
				message: "not a file of a module: sections are named NN.section-id.mdx, beside module.mdx, quiz.gift and trainer.mdx",
			})),
		...[...folder.assets]
			.filter((file) => !/^images\/.+\.(svg|png)$/.test(file))
			.map((file) => ({ file: modulePath(folder, file), message: "figures are SVG or PNG files in images/" })),
	];
}

/** A link to /modules/<slug> or /modules/<slug>/<section-id> goes to a module or section that exists. */
function brokenLink(url: string, sectionsBySlug: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
	const path = url.replace(/[?#].*$/, "").replace(/\/$/, "");
	const [slug, section, ...rest] = path.split("/").slice(2);
	if (slug === undefined || rest.length > 0) return `the link ${url} goes nowhere: link /modules/<slug> or /modules/<slug>/<section-id>`;
	const sections = sectionsBySlug.get(slug);
	if (!sections) return `the link ${url} goes nowhere: there is no module ${slug}`;
	if (section !== undefined && !sections.has(section)) return `the link ${url} goes nowhere: module ${slug} has no section ${section}`;
	return undefined;
}

function inFile(folder: ModuleFolder, file: string, problems: readonly LineProblem[]): Problem[] {
	return problems.map((problem) => ({ file: modulePath(folder, file), ...problem }));
}
