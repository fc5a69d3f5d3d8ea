import { getModule } from "./content.server";

/** The module of a URL, or a 404. */
export async function requireModule(slug: string | undefined) {
	const module = slug ? await getModule(slug) : undefined;
	if (!module) throw new Response("Not found", { status: 404 });
	return module;
}
