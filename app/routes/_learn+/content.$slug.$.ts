import fs from "node:fs/promises";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireModule } from "~/utils/modules.server";

const TYPES: Record<string, string> = {
	".svg": "image/svg+xml",
	".png": "image/png",
	".jpg": "image/jpeg",
	".webp": "image/webp",
};

/** A module's figures, from its images/ folder only. */
export async function loader({ params }: LoaderFunctionArgs) {
	const module = await requireModule(params.slug);
	const relative = params["*"] ?? "";
	const file = path.resolve(module.dir, relative);
	const type = TYPES[path.extname(file).toLowerCase()];
	if (!type || !file.startsWith(path.join(module.dir, "images") + path.sep))
		throw new Response("Not found", { status: 404 });
	const body = await fs.readFile(file).catch(() => null);
	if (!body) throw new Response("Not found", { status: 404 });
	return new Response(body, {
		headers: {
			"Content-Type": type,
			"Cache-Control": "public, max-age=3600",
			"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
		},
	});
}
