import fs from "node:fs/promises";
import path from "node:path";
import { GLOSSARY_FILE } from "./glossary";
import { TEXT_FILE, type ContentSource, type ModuleFolder } from "./source";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads content/ (modules/, tracks/ and glossary/) into a ContentSource; dot files are skipped. */
export async function readContentSource(root: string): Promise<ContentSource> {
	const source: ContentSource = { modules: [], tracks: [], strayFiles: [], notUtf8: [] };
	for (const entry of await listDir(path.join(root, "modules"))) {
		if (entry.isDirectory()) source.modules.push(await readModuleFolder(root, entry.name, source.notUtf8));
		else source.strayFiles.push(`modules/${entry.name}`);
	}
	for (const entry of await listDir(path.join(root, "tracks"))) {
		const file = `tracks/${entry.name}`;
		if (!entry.isFile() || !TEXT_FILE.test(entry.name)) source.strayFiles.push(file);
		else {
			const text = await readText(root, file, source.notUtf8);
			if (text !== undefined) source.tracks.push({ name: entry.name, text });
		}
	}
	for (const entry of await listDir(path.join(root, "glossary"))) {
		const file = `glossary/${entry.name}`;
		if (file !== GLOSSARY_FILE || !entry.isFile()) source.strayFiles.push(file);
		else {
			const text = await readText(root, file, source.notUtf8);
			if (text !== undefined) source.glossary = text;
		}
	}
	return source;
}

async function readModuleFolder(root: string, name: string, notUtf8: string[]): Promise<ModuleFolder> {
	const files = new Map<string, string>();
	const assets = new Set<string>();
	for (const file of await listFiles(path.join(root, "modules", name))) {
		if (!TEXT_FILE.test(file)) assets.add(file);
		else {
			const text = await readText(root, `modules/${name}/${file}`, notUtf8);
			if (text !== undefined) files.set(file, text);
		}
	}
	return { name, files, assets };
}

/** Files under a folder, as paths inside it with / separators. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
	const files: string[] = [];
	for (const entry of await listDir(dir)) {
		const file = prefix + entry.name;
		if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), `${file}/`)));
		else if (entry.isFile()) files.push(file);
	}
	return files;
}

/** A folder's entries by name, dot files left out; none when it does not exist. */
async function listDir(dir: string) {
	try {
		const entries = await fs.readdir(dir, { withFileTypes: true });
		return entries.filter((entry) => !entry.name.startsWith(".")).sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
		throw error;
	}
}

async function readText(root: string, file: string, notUtf8: string[]): Promise<string | undefined> {
	try {
		return utf8.decode(await fs.readFile(path.join(root, file)));
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		notUtf8.push(file);
		return undefined;
	}
}
