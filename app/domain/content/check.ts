import { parseGift } from "~/domain/gift/parse";
import { translationProblems } from "~/domain/quiz/bilingual";
import { frontmatterLine, readFrontmatter, type LineProblem } from "./frontmatter";
import { avoidedFormProblems, EMPTY_GLOSSARY, GLOSSARY_FILE, readGlossary, type Glossary } from "./glossary";
import { checkLessonFile, MIN_LESSON_WORDS, type LessonFileKind, type LessonReport } from "./lesson-rules";
import { readModule, type ModuleReading } from "./modules";
import { checkQuiz } from "./quiz-rules";
import { SECTION_FILE, trackFrontmatterSchema, trainerFrontmatterSchema } from "./schema";
import { modulePath, type ContentSource, type ModuleFolder, type Problem, type TrackFile } from "./source";
import { toolLinkProblems } from "./tool-links";
import { listTracks } from "./tracks";
import { compareTwin, englishFile, TWIN_FILE, twinFile, twinFrontmatterProblem } from "./twins";

/**
 * Every problem of the content folder, by file and line: what `npm run content:check` prints.
 * The rules are written down in docs/content-format.md and docs/decisions/0023-content-check.md
 * (the two languages: docs/decisions/0041-bilingual-checks.md).
 */
export function checkContent(source: ContentSource): Problem[] {
	const readings = source.modules.map(readModule);
	const sectionsBySlug = new Map(
		readings.flatMap((reading) => (reading.slug ? [[reading.slug, new Set(reading.sections.map((section) => section.id))]] : [])),
	);
	const glossary = source.glossary === undefined ? undefined : readGlossary(source.glossary);
	const context: Context = { sectionsBySlug, glossary: glossary?.glossary ?? EMPTY_GLOSSARY };
	const problems: Problem[] = [
		...source.notUtf8.map((file) => ({ file, message: "the file is not UTF-8" })),
		...source.strayFiles.map((file) => ({ file, message: strayMessage(file) })),
		...(source.modules.length === 0 ? [{ file: "modules", message: "there are no modules" }] : []),
		...(glossary
			? glossary.problems.map((problem) => ({ file: GLOSSARY_FILE, ...problem }))
			: [{ file: GLOSSARY_FILE, message: "missing: the glossary of the curriculum's terms (docs/content-format.md)" }]),
		...repeatedModules(readings),
		...readings.flatMap((reading) => checkModule(reading, context)),
		...checkTracks(source.tracks, context),
	];
	return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Russian text outside content/ that must use the glossary's forms too: app/locales/ru.json. */
export function checkInterfaceTerms(source: ContentSource, text: string): LineProblem[] {
	return source.glossary === undefined ? [] : avoidedFormProblems(text, readGlossary(source.glossary).glossary);
}

interface Context {
	sectionsBySlug: ReadonlyMap<string, ReadonlySet<string>>;
	glossary: Glossary;
}

function strayMessage(file: string): string {
	if (file.startsWith("tracks/")) return "tracks/ holds track files (.mdx or .md) only";
	if (file.startsWith("glossary/")) return `glossary/ holds ${GLOSSARY_FILE.split("/")[1]} only`;
	return "modules/ holds module folders only";
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

/**
 * The checks of one lesson file, English or Russian: the lesson rules, links to modules that
 * exist, glossary terms that exist, and (lessons only) tool sentences with their link.
 */
function checkLesson(body: string, kind: LessonFileKind, assets: ReadonlySet<string>, context: Context, translation: boolean) {
	const report = checkLessonFile(body, kind, assets, { translation });
	const problems: LineProblem[] = [
		...report.problems,
		...report.moduleLinks.flatMap(({ url, line }) => {
			const message = brokenLink(url, context.sectionsBySlug);
			return message ? [{ line, message }] : [];
		}),
		...(report.facts?.components ?? [])
			.filter((use) => use.name === "Term" && use.props.id && !context.glossary.byId.has(use.props.id))
			.map((use) => ({ line: use.line, message: `<Term id="${use.props.id}">: the glossary has no such term (content/${GLOSSARY_FILE})` })),
		...(report.facts && (kind === "module" || kind === "section") ? toolLinkProblems(report.facts) : []),
	];
	return { report, problems };
}

function checkModule(reading: ModuleReading, context: Context): Problem[] {
	const { folder } = reading;
	const problems: Problem[] = [...reading.problems, ...unexpectedFiles(folder)];
	const english = new Map<string, { kind: LessonFileKind; body: string; report: LessonReport }>();
	const lesson = (file: string, body: string, kind: LessonFileKind) => {
		const checked = checkLesson(body, kind, folder.assets, context, false);
		problems.push(...inFile(folder, file, checked.problems));
		english.set(file, { kind, body, report: checked.report });
		return checked.report.words;
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

	for (const [file, { kind, body, report }] of english) {
		const twin = twinFile(file);
		const text = folder.files.get(twin);
		if (text === undefined) {
			if (body.trim() !== "") problems.push({ file: modulePath(folder, twin), message: `missing: the Russian translation of ${file}` });
			continue;
		}
		problems.push(...inFile(folder, twin, checkTwin(text, kind, report, folder.assets, context)));
	}
	for (const file of folder.files.keys()) {
		if (TWIN_FILE.test(file) && !folder.files.has(englishFile(file))) {
			problems.push({ file: modulePath(folder, file), message: `a translation of ${englishFile(file)}, which does not exist` });
		}
		// The Russian of an English file is in its frontmatter: titles, summaries, objectives.
		const text = folder.files.get(file)!;
		if (!TWIN_FILE.test(file) && file.endsWith(".mdx")) {
			problems.push(...inFile(folder, file, avoidedFormProblems(frontmatterOnly(text), context.glossary)));
		}
	}

	problems.push(...checkModuleQuiz(reading), ...checkQuizTwin(reading, context));
	return problems;
}

/** A twin: no frontmatter, the lesson rules, the English file's structure, the glossary's Russian forms. */
function checkTwin(text: string, kind: LessonFileKind, english: LessonReport, assets: ReadonlySet<string>, context: Context): LineProblem[] {
	const frontmatter = twinFrontmatterProblem(text);
	if (frontmatter) return [frontmatter];
	const { report, problems } = checkLesson(text, kind, assets, context, true);
	return [
		...problems,
		...(english.facts && report.facts ? compareTwin(english.facts, report.facts) : []),
		...avoidedFormProblems(text, context.glossary),
	];
}

/** The frontmatter of a file, its body blanked out, so that lines stay lines. */
function frontmatterOnly(text: string): string {
	const lines = text.split("\n");
	const closing = lines[0]?.trim() === "---" ? lines.findIndex((line, index) => index > 0 && line.trim() === "---") : -1;
	return lines.map((line, index) => (index <= closing ? line : "")).join("\n");
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

/** quiz.ru.gift: the house rules of quiz.gift, the English bank's keys in the same places, the glossary's Russian forms. */
function checkQuizTwin({ folder, number, frontmatter }: ModuleReading, context: Context): Problem[] {
	const english = folder.files.get("quiz.gift");
	const russian = folder.files.get("quiz.ru.gift");
	if (english === undefined) return [];
	if (russian === undefined) return [{ file: modulePath(folder, "quiz.ru.gift"), message: "missing: the Russian translation of quiz.gift" }];
	const objectiveCount = frontmatter?.objectives.length;
	const report = checkQuiz(russian, { ...(number !== undefined && { number }), ...(objectiveCount !== undefined && { objectiveCount }) });
	const untested = Array.from({ length: objectiveCount ?? 0 }, (_, index) => index + 1).filter((objective) => !report.testedObjectives.has(objective));
	return inFile(folder, "quiz.ru.gift", [
		...report.problems,
		...untested.map((objective) => ({ line: 1, message: `objective ${objective} is tested by no question: tag one [tag:objective-${objective}]` })),
		...translationProblems(parseGift(english).questions, parseGift(russian).questions),
		...avoidedFormProblems(russian, context.glossary),
	]);
}

/** A module folder holds module.mdx, its sections, quiz.gift, trainer.mdx, their Russian twins, and SVG or PNG images in images/. */
function unexpectedFiles(folder: ModuleFolder): Problem[] {
	const english = (file: string) => ["module.mdx", "quiz.gift", "trainer.mdx"].includes(file) || SECTION_FILE.test(file);
	const expected = (file: string) => english(file) || (TWIN_FILE.test(file) && english(englishFile(file)));
	return [
		...[...folder.files.keys()]
			.filter((file) => !expected(file))
			.map((file) => ({
				file: modulePath(folder, file),
				message:
					"not a file of a module: sections are named NN.section-id.mdx, beside module.mdx, quiz.gift and trainer.mdx, each with its Russian twin (….ru.mdx, quiz.ru.gift)",
			})),
		...[...folder.assets]
			.filter((file) => !/^images\/.+\.(svg|png)$/.test(file))
			.map((file) => ({ file: modulePath(folder, file), message: "figures are SVG or PNG files in images/" })),
	];
}

/** Tracks: their frontmatter and modules (tracks.ts), their body as a lesson, and its Russian twin. */
function checkTracks(files: readonly TrackFile[], context: Context): Problem[] {
	const problems: Problem[] = [...listTracks(files, new Set(context.sectionsBySlug.keys())).problems];
	const names = new Set(files.map((file) => file.name));
	for (const { name, text } of files) {
		const file = `tracks/${name}`;
		if (TWIN_FILE.test(name)) {
			if (!names.has(englishFile(name))) problems.push({ file, message: `a translation of ${englishFile(name)}, which does not exist` });
			continue;
		}
		const { body } = readFrontmatter(text, trackFrontmatterSchema);
		const checked = checkLesson(body, "module", new Set(), context, false);
		problems.push(...[...checked.problems, ...avoidedFormProblems(frontmatterOnly(text), context.glossary)].map((problem) => ({ file, ...problem })));
		const twin = files.find((other) => other.name === twinFile(name));
		if (twin === undefined) {
			if (body.trim() !== "") problems.push({ file: `tracks/${twinFile(name)}`, message: `missing: the Russian translation of ${name}` });
			continue;
		}
		const twinProblems = checkTwin(twin.text, "module", checked.report, new Set(), context);
		problems.push(...twinProblems.map((problem) => ({ file: `tracks/${twin.name}`, ...problem })));
	}
	return problems;
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
