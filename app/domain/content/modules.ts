import { frontmatterLine, readFrontmatter } from "./frontmatter";
import {
	MODULE_DIR,
	moduleFrontmatterSchema,
	SECTION_FILE,
	sectionFrontmatterSchema,
	type ModuleFrontmatter,
	type SectionFrontmatter,
} from "./schema";
import { modulePath, type ModuleFolder, type Problem } from "./source";

export interface ModuleSection {
	/** 1 for `01.usual-residence.mdx` */
	order: number;
	/** `usual-residence`: the section's URL is /modules/<slug>/<id>. */
	id: string;
	/** The file, inside the module folder. */
	file: string;
	title: SectionFrontmatter["title"];
}

/** A module as the site lists it. */
export interface ContentModule {
	/** The folder under content/modules/. */
	dir: string;
	number: number;
	slug: string;
	frontmatter: ModuleFrontmatter;
	/** In reading order. */
	sections: ModuleSection[];
}

/** A module folder read as far as it can be, with the bodies the content checks go on to read. */
export interface ModuleReading {
	folder: ModuleFolder;
	/** From the folder name; absent when the name is not `NN.slug`. */
	number?: number;
	slug?: string;
	frontmatter?: ModuleFrontmatter;
	/** module.mdx with its frontmatter blanked out. */
	body?: string;
	/** Every section file, its title absent when its frontmatter is broken. */
	sections: (Omit<ModuleSection, "title"> & { title?: ModuleSection["title"]; body: string })[];
	problems: Problem[];
}

/**
 * The modules of content/modules/ that have no problem, by number. A module with a broken
 * folder name, frontmatter or section is left out and its problems returned: the site goes on
 * showing the others, and `npm run content:check` names what to fix.
 */
export function listModules(folders: readonly ModuleFolder[]): { modules: ContentModule[]; problems: Problem[] } {
	const readings = folders.map(readModule);
	const modules = readings.flatMap((reading) => {
		const { folder, number, slug, frontmatter, sections, problems } = reading;
		if (problems.length > 0 || number === undefined || slug === undefined || !frontmatter) return [];
		const titled = sections.flatMap(({ body: _body, title, ...section }) => (title ? [{ ...section, title }] : []));
		return [{ dir: folder.name, number, slug, frontmatter, sections: titled }];
	});
	return {
		modules: modules.sort((a, b) => a.number - b.number),
		problems: readings.flatMap((reading) => reading.problems),
	};
}

/** Checks the folder name, module.mdx and the section files' names and frontmatter. */
export function readModule(folder: ModuleFolder): ModuleReading {
	const problems: Problem[] = [];
	const name = MODULE_DIR.exec(folder.name);
	if (!name) {
		problems.push({
			file: modulePath(folder),
			message: "a module folder is named NN.slug: two digits, a dot, a lowercase slug (04.basic-concepts)",
		});
	}
	const number = name ? Number(name[1]) : undefined;
	const module = readModuleFile(folder, number, problems);
	return {
		folder,
		...(name && { number, slug: name[2] }),
		...module,
		sections: readSections(folder, problems),
		problems,
	};
}

function readModuleFile(
	folder: ModuleFolder,
	number: number | undefined,
	problems: Problem[],
): { frontmatter?: ModuleFrontmatter; body?: string } {
	const file = modulePath(folder, "module.mdx");
	const source = folder.files.get("module.mdx");
	if (source === undefined) {
		problems.push({ file, message: "missing: every module has a module.mdx with its frontmatter" });
		return {};
	}
	const { data, body, problems: frontmatterProblems } = readFrontmatter(source, moduleFrontmatterSchema);
	problems.push(...frontmatterProblems.map((problem) => ({ file, ...problem })));
	if (data && number !== undefined && data.number !== number) {
		problems.push({ file, line: frontmatterLine(source, ["number"]), message: `number is ${data.number}, but the folder is numbered ${number}` });
	}
	return data ? { frontmatter: data, body } : { body };
}

/** The `NN.section-id.mdx` files, numbered 01, 02… without gaps, each with valid frontmatter. */
function readSections(folder: ModuleFolder, problems: Problem[]): ModuleReading["sections"] {
	const sections = [...folder.files]
		.flatMap(([file, source]) => {
			const match = SECTION_FILE.exec(file);
			return match ? [{ order: Number(match[1]), id: match[2]!, file, source }] : [];
		})
		.sort((a, b) => a.order - b.order);
	if (sections.length === 0) {
		problems.push({ file: modulePath(folder), message: "the module has no section files (01.section-id.mdx …)" });
	}
	const seenIds = new Set<string>();
	return sections.map(({ order, id, file, source }, index) => {
		const path = modulePath(folder, file);
		if (order !== index + 1) {
			problems.push({ file: path, message: `sections are numbered 01, 02… without gaps or repeats; expected ${String(index + 1).padStart(2, "0")}` });
		}
		if (seenIds.has(id)) problems.push({ file: path, message: `another section has the id ${id}` });
		seenIds.add(id);
		const { data, body, problems: frontmatterProblems } = readFrontmatter(source, sectionFrontmatterSchema);
		problems.push(...frontmatterProblems.map((problem) => ({ file: path, ...problem })));
		return { order, id, file, ...(data && { title: data.title }), body };
	});
}
