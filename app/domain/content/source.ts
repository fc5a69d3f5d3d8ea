/**
 * The content folder as plain data, so that loading and checking it are pure functions:
 * content-source.server.ts reads it from disk, tests build it from fixture folders.
 */

/** A folder under content/modules/. */
export interface ModuleFolder {
	/** `04.basic-concepts-and-categories` */
	name: string;
	/** The text files (.mdx, .md, .gift) by path inside the folder: `module.mdx`, `01.usual-residence.mdx`… */
	files: ReadonlyMap<string, string>;
	/** Every other file, by path inside the folder: `images/flows.svg`. */
	assets: ReadonlySet<string>;
}

/** A file under content/tracks/. */
export interface TrackFile {
	name: string;
	text: string;
}

export interface ContentSource {
	modules: ModuleFolder[];
	tracks: TrackFile[];
	/** glossary/terms.yaml; absent when there is none. */
	glossary?: string;
	/** Paths, from the content folder, of files where only folders (modules/), track files (tracks/) or terms.yaml (glossary/) belong. */
	strayFiles: string[];
	/** Paths, from the content folder, of text files that are not UTF-8. */
	notUtf8: string[];
}

/** A problem in a file, its path from the content folder: `modules/04.x/quiz.gift`. */
export interface Problem {
	file: string;
	/** Absent for a problem with a whole file or folder. */
	line?: number;
	message: string;
}

export const TEXT_FILE = /\.(mdx|md|gift)$/;

export function modulePath(folder: ModuleFolder, file?: string): string {
	return file === undefined ? `modules/${folder.name}` : `modules/${folder.name}/${file}`;
}
