/**
 * A file to download: private, not cached, named in ASCII for every browser and, where the name
 * has other letters (Cyrillic agency names), in UTF-8 too (RFC 6266).
 */
export function download(body: string | Buffer, type: string, asciiName: string, name = asciiName) {
	const disposition = [`attachment; filename="${asciiName}"`];
	if (name !== asciiName) disposition.push(`filename*=UTF-8''${encodeURIComponent(name)}`);
	return new Response(typeof body === "string" ? body : new Uint8Array(body), {
		headers: {
			"Content-Type": type,
			"Content-Disposition": disposition.join("; "),
			"Cache-Control": "private, no-store",
		},
	});
}
