import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkContent, checkInterfaceTerms } from "./check";
import { readContentSource } from "./content-source.server";
import type { ContentSource, Problem } from "./source";

/**
 * The rules of the two languages (docs/decisions/0041-bilingual-checks.md), each broken once in
 * the valid bilingual fixture: a twin missing or out of step, a Russian bank that would grade
 * otherwise, a term or form the glossary does not allow, a tool sentence without its link.
 */

const VALID = path.resolve("tests/fixtures/content/valid");
const MODULE = "modules/01.counting-migrants";
let pristine: ContentSource;

beforeAll(async () => {
	pristine = await readContentSource(VALID);
});

function print({ file, line, message }: Problem): string {
	return `${file}${line === undefined ? "" : `:${line}`}: ${message}`;
}

/** The valid fixture with one file changed (`null` deletes it; a new name adds it). */
function problemsWith(file: string, change: ((text: string) => string) | string | null): string[] {
	const source: ContentSource = {
		...pristine,
		modules: pristine.modules.map((module) => ({ ...module, files: new Map(module.files) })),
		tracks: [...pristine.tracks],
	};
	const [top, folder, name] = file.split("/");
	if (top === "glossary") {
		source.glossary = typeof change === "function" ? change(source.glossary!) : (change ?? undefined);
	} else if (top === "tracks") {
		const old = source.tracks.find((track) => track.name === folder);
		source.tracks = source.tracks.filter((track) => track !== old);
		const text = typeof change === "function" ? change(old!.text) : change;
		if (text !== null) source.tracks.push({ name: folder!, text });
	} else {
		const files = source.modules.find((module) => module.name === folder)!.files as Map<string, string>;
		const text = typeof change === "function" ? change(files.get(name!)!) : change;
		if (text === null) files.delete(name!);
		else files.set(name!, text);
	}
	return checkContent(source).map(print);
}

function replace(old: string, replacement: string) {
	return (text: string) => {
		expect(text, `the fixture holds ${JSON.stringify(old)}`).toContain(old);
		return text.replace(old, replacement);
	};
}

describe("twins of lesson files", () => {
	test("a missing twin", () => {
		expect(problemsWith(`${MODULE}/04.checking-the-figures.ru.mdx`, null)).toEqual([
			`${MODULE}/04.checking-the-figures.ru.mdx: missing: the Russian translation of 04.checking-the-figures.mdx`,
		]);
	});

	test("a twin without its English file", () => {
		expect(problemsWith(`${MODULE}/05.later.ru.mdx`, "### Позже\n\nРаздела ещё нет по-английски.\n")).toEqual([
			`${MODULE}/05.later.ru.mdx: a translation of 05.later.mdx, which does not exist`,
		]);
	});

	test("a twin with frontmatter of its own", () => {
		const file = `${MODULE}/03.sources-and-metadata.ru.mdx`;
		expect(problemsWith(file, (text) => `---\ntitle: Источники\n---\n\n${text}`)).toEqual([
			`${file}:1: a translation has no frontmatter: its title stays in the English file's frontmatter as { en, ru }`,
		]);
	});

	test("a heading at another level", () => {
		const file = `${MODULE}/01.usual-residence.ru.mdx`;
		expect(problemsWith(file, replace("### Порог в двенадцать месяцев", "#### Порог в двенадцать месяцев"))).toEqual([
			`${file}:24: heading 2 is #### here but ### in the English (line 30)`,
		]);
	});

	test("a heading left out", () => {
		const file = `${MODULE}/04.checking-the-figures.ru.mdx`;
		expect(problemsWith(file, replace("### Когда цифру получить нельзя\n", ""))).toEqual([
			`${file}:21: the English has 4 headings and this file 3: ### (English line 41) and what follows are missing`,
		]);
	});

	test("a block component out of order", () => {
		const file = `${MODULE}/01.usual-residence.ru.mdx`;
		const note = /<Note title="Гражданство[\s\S]*?<\/Note>\n\n/;
		expect(
			problemsWith(file, (text) => {
				const block = note.exec(text)![0];
				return text.replace(block, "").replace("### Почему сначала определение\n\n", `### Почему сначала определение\n\n${block}`);
			}),
		).toEqual([`${file}:3: block 1 is <Note> here but <Definition> in the English (line 18)`]);
	});

	test("a figure's src, an exercise's link and a model answer's place are kept", () => {
		expect(problemsWith(`${MODULE}/02.stocks-and-flows.ru.mdx`, replace('src="images/stock-and-flow.svg"', 'src="images/map.png"'))).toEqual([
			`${MODULE}/02.stocks-and-flows.ru.mdx:10: block 1 is <Figure src="images/map.png"> here but <Figure src="images/stock-and-flow.svg"> in the English (line 15)`,
		]);
		const file = `${MODULE}/03.sources-and-metadata.ru.mdx`;
		// The exercise opens another tool, so its sentence about the sandbox now needs its own link too.
		expect(problemsWith(file, replace('link="sandbox"', 'link="assessment"'))).toEqual([
			`${file}:56: block 4 is <Exercise link="assessment"> here but <Exercise link="sandbox"> in the English (line 60)`,
			`${file}:57: "Откройте песочницу" sends the reader to the DSM sandbox: link it ([…](/sandbox)) or put the sentence in an <Exercise link="sandbox">`,
		]);
		const answerAfterExercise = (text: string) => {
			const block = /<ModelAnswer>[\s\S]*?<\/ModelAnswer>\n/.exec(text)![0];
			return text.replace(block, "").replace("</Exercise>", `</Exercise>\n\n${block}`);
		};
		expect(problemsWith(file, answerAfterExercise)).toEqual([
			`${file}:63: block 5 is <ModelAnswer> here but <ModelAnswer> in <Exercise> in the English (line 65)`,
		]);
	});

	test("a table of another shape, and a table whose numbers differ", () => {
		const file = `${MODULE}/trainer.ru.mdx`;
		expect(problemsWith(file, replace("| 2:45 | Тест и подведение итогов | |\n", ""))).toEqual([
			`${file}:5: table 1 is a table of 5 rows × 3 columns here but a table of 6 rows × 3 columns in the English (line 10)`,
			`${file}:5: this table lacks 2, 45 (English line 10; numbers are read as 1,250.5 in English and 1 250,5 in Russian)`,
		]);
		expect(problemsWith(file, replace("| 2:45 |", "| 2:30 |"))).toEqual([
			`${file}:5: this table lacks 45 and has 30, which the English does not (English line 10; numbers are read as 1,250.5 in English and 1 250,5 in Russian)`,
		]);
	});

	test("a worked example's numbers, read by locale", () => {
		const file = `${MODULE}/02.stocks-and-flows.ru.mdx`;
		expect(problemsWith(file, replace("4\u00a0610", "4\u00a0620"))).toEqual([
			`${file}:33: this <Example> lacks 4610 and has 4620, which the English does not (English line 41; numbers are read as 1,250.5 in English and 1 250,5 in Russian)`,
		]);
		// 4 000 with a plain space is 4000 too; 4,000 is four in Russian.
		expect(problemsWith(file, replace("4\u00a0000", "4 000"))).toEqual([]);
		expect(problemsWith(file, replace("4\u00a0000", "4,000"))).toEqual([
			`${file}:33: this <Example> lacks 4000 and has 4, which the English does not (English line 41; numbers are read as 1,250.5 in English and 1 250,5 in Russian)`,
		]);
	});

	test("the same glossary terms", () => {
		const file = `${MODULE}/01.usual-residence.ru.mdx`;
		expect(problemsWith(file, replace('<Term id="long-term-migrant">Долгосрочный мигрант</Term>', "Долгосрочный мигрант"))).toEqual([
			`${file}:1: <Term id="long-term-migrant"> is in the English (line 34) but not here`,
		]);
	});

	test("a term the glossary does not define", () => {
		const file = `${MODULE}/module.ru.mdx`;
		expect(problemsWith(file, (text) => `${text}\nО <Term id="flux">потоках</Term> — позже.\n`)).toEqual([
			`${file}:4: <Term id="flux">: the glossary has no such term (content/glossary/terms.yaml)`,
			`${file}:4: <Term id="flux"> is not in the English`,
		]);
	});

	test("a Russian sentence that sends the reader to the sandbox needs its link", () => {
		const file = `${MODULE}/module.ru.mdx`;
		expect(problemsWith(file, (text) => `${text}\nЦифры вы сверите в учебной песочнице. Потом — тест.\n`)).toEqual([
			`${file}:4: "в учебной песочнице" sends the reader to the DSM sandbox: link it ([…](/sandbox)) or put the sentence in an <Exercise link="sandbox">`,
		]);
		expect(problemsWith(file, (text) => `${text}\nЦифры вы сверите в [учебной песочнице](/sandbox). Потом — тест.\n`)).toEqual([]);
	});
});

describe("forms the glossary says to avoid", () => {
	test("in a twin, in any case and across a line break", () => {
		const file = `${MODULE}/04.checking-the-figures.ru.mdx`;
		expect(problemsWith(file, replace("правила <Term id=\"validation\">проверки</Term>", "правила\nВАЛИДАЦИИ"))).toEqual([
			`${file}:1: <Term id="validation"> is in the English (line 10) but not here`,
			`${file}:5: «ВАЛИДАЦИИ»: the glossary says not to use this form; write «проверка» (term validation)`,
		]);
	});

	test("in the Russian of an English file's frontmatter, and in a track's twin", () => {
		expect(problemsWith(`${MODULE}/module.mdx`, replace("ru: Определять, кто", "ru: Валидация данных и умение определять, кто"))).toEqual([
			`${MODULE}/module.mdx:8: «Валидация»: the glossary says not to use this form; write «проверка» (term validation)`,
		]);
		expect(problemsWith("tracks/data-officers.ru.mdx", "Траектория: запас мигрантов и потоки.\n")).toEqual([
			"tracks/data-officers.ru.mdx:1: «запас мигрантов»: the glossary says not to use this form; write «численность (запас)» (term stock)",
		]);
	});

	test("in app/locales/ru.json", () => {
		const json = '{\n\t"a": "Правила проверки",\n\t"b": "Примечание к таблице: источник"\n}\n';
		expect(checkInterfaceTerms(pristine, json)).toEqual([
			{ line: 3, message: "«Примечание к таблице»: the glossary says not to use this form; write «пояснительная записка (NOTE)» (term note)" },
		]);
	});
});

describe("the Russian quiz shares the English keys", () => {
	const file = `${MODULE}/quiz.ru.gift`;

	test("a missing Russian bank", () => {
		expect(problemsWith(file, null)).toEqual([`${file}: missing: the Russian translation of quiz.gift`]);
	});

	test.each([
		[
			"the right answer moved",
			replace("\t=долгосрочного иммигранта#Верно: он намерен пробыть не менее двенадцати месяцев.\n\t~краткосрочного", "\t~долгосрочного иммигранта#Верно: он намерен пробыть не менее двенадцати месяцев.\n\t=краткосрочного"),
			[
				`${file}:4: "m01-q01 Контракт на 18 месяцев": answer 1 is worth 0 % here, 100 % in the English (English line 4)`,
				`${file}:4: "m01-q01 Контракт на 18 месяцев": answer 2 is worth 100 % here, 0 % in the English (English line 4)`,
			],
		],
		[
			"a fraction changed",
			replace("=%50%мета*", "=%40%мета*"),
			[`${file}:55: "m01-q10 Данные о данных": answer 2 is worth 40 % here, 50 % in the English (English line 55)`],
		],
		[
			"a numerical answer and its tolerance changed",
			replace("=12:0#Верно", "=11:1#Верно"),
			[`${file}:21: "m01-q04 Порог": answer 1 is 11:1 here, 12 in the English (English line 21)`],
		],
		[
			"a true/false key flipped",
			replace("1 января 2026 года.{T#", "1 января 2026 года.{F#"),
			[`${file}:33: "m01-q06 Отчётная дата": the answer is false here, true in the English (English line 33)`],
		],
		[
			"a matching distractor moved",
			replace("\t=Ходатайства о предоставлении убежища за квартал -> поток\n\t= -> коэффициент", "\t= -> коэффициент\n\t=Ходатайства о предоставлении убежища за квартал -> поток"),
			[
				`${file}:43: "m01-q08 Виды показателей": the pairs are matched otherwise than in the English: each pair, distractor and shared answer stays in its position (English line 43)`,
			],
		],
		[
			"an answer added",
			replace("\t~не мигранта#", "\t~никем#Нет.\n\t~не мигранта#"),
			[`${file}:4: "m01-q01 Контракт на 18 месяцев": 4 answers here, 3 in the English (English line 4)`],
		],
		[
			"another tag",
			replace("// [id:m01-q05] [tag:objective-2]", "// [id:m01-q05] [tag:objective-3]"),
			[`${file}:27: "m01-q05 Численность или поток": tags [objective-3] here, [objective-2] in the English (English line 27)`],
		],
		[
			"a feedback left out (the house rules hold for the Russian bank)",
			replace("\t=метаданные#Верно.", "\t=метаданные"),
			[`${file}:55: "m01-q10 Данные о данных": the answer "метаданные" has no feedback (#…)`],
		],
	])("%s", (_name, change, expected) => {
		expect(problemsWith(file, change)).toEqual(expected);
	});

	test("two questions swapped", () => {
		const swapped = (text: string) => {
			const q11 = /\/\/ \[id:m01-q11\][\s\S]*?\n\n/.exec(text)![0];
			const q12 = /\/\/ \[id:m01-q12\][\s\S]*?\n\n/.exec(text)![0];
			return text.replace(q11, "@@").replace(q12, q11).replace("@@", q12);
		};
		expect(problemsWith(file, swapped)).toEqual([
			`${file}:62: "m01-q12 Два ведомства расходятся": out of the English order: the English has m01-q11 here; the same questions come in the same order (English line 69)`,
		]);
	});

	test("a question left out", () => {
		expect(problemsWith(file, (text) => text.replace(/::m01-intro::.*\n/, ""))).toEqual([
			`${file}:69: m01-intro of the English bank is missing here`,
		]);
	});
});

describe("the glossary", () => {
	test("a missing glossary", () => {
		expect(problemsWith("glossary/terms.yaml", null)).toEqual(
			expect.arrayContaining(["glossary/terms.yaml: missing: the glossary of the curriculum's terms (docs/content-format.md)"]),
		);
	});

	test("a broken entry is reported on its line, and the others still serve the lessons", () => {
		expect(problemsWith("glossary/terms.yaml", replace("    source: UNECE, Terminology on Statistical Metadata (2000)\n", ""))).toEqual([
			"glossary/terms.yaml:17: terms.2.source: required",
		]);
	});
});
