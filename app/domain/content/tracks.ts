import { frontmatterLine, readFrontmatter } from "./frontmatter";
import { TRACK_FILE, trackFrontmatterSchema, type TrackFrontmatter } from "./schema";
import type { Problem, TrackFile } from "./source";
import { TWIN_FILE } from "./twins";

export interface ContentTrack {
	/** From the file name: `data-officers.mdx` → `data-officers`. */
	slug: string;
	frontmatter: TrackFrontmatter;
}

/**
 * The tracks of content/tracks/ with their problems: a file name that is not a slug, a slug
 * used twice, frontmatter that does not fit the schema, a module that does not exist or that
 * comes twice. Only the tracks without problems are returned. A Russian twin (`<slug>.ru.mdx`)
 * is the body of its track in Russian, not a track.
 */
export function listTracks(files: readonly TrackFile[], moduleSlugs: ReadonlySet<string>): { tracks: ContentTrack[]; problems: Problem[] } {
	const tracks: ContentTrack[] = [];
	const problems: Problem[] = [];
	for (const { name, text } of files) {
		if (TWIN_FILE.test(name)) continue; // a track's Russian body, not a track
		const file = `tracks/${name}`;
		const slug = TRACK_FILE.exec(name)?.[1];
		const found: Problem[] = [];
		if (slug === undefined) found.push({ file, message: "a track file is named after its slug: data-officers.mdx" });
		if (slug !== undefined && tracks.some((track) => track.slug === slug)) found.push({ file, message: `another file is the track ${slug}` });
		const { data, problems: frontmatterProblems } = readFrontmatter(text, trackFrontmatterSchema);
		found.push(...frontmatterProblems.map((problem) => ({ file, ...problem })));
		data?.modules.forEach((module, index) => {
			const line = frontmatterLine(text, ["modules", index]);
			if (!moduleSlugs.has(module)) found.push({ file, line, message: `modules: there is no module ${module}` });
			if (data.modules.indexOf(module) !== index) found.push({ file, line, message: `modules: ${module} comes twice` });
		});
		if (found.length === 0 && slug !== undefined && data) tracks.push({ slug, frontmatter: data });
		problems.push(...found);
	}
	return { tracks, problems };
}
