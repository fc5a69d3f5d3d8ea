import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// DejaVu covers Latin and Cyrillic, so names like «Айгерим» print as written.
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/**
 * An A4 PDF document (pdfkit) with the DejaVu fonts registered as "regular" and "bold". pdfkit is
 * loaded on first use: it adds about 25 MiB to a server that prints a certificate or a report
 * now and then (docs/decisions/0098-heavy-modules-on-first-use.md).
 */
export async function createPdf(options: PDFKit.PDFDocumentOptions) {
	const { default: PDFDocument } = await import("pdfkit");
	const doc = new PDFDocument({ size: "A4", ...options });
	doc.registerFont("regular", FONT);
	doc.registerFont("bold", FONT_BOLD);
	doc.font("regular");
	return doc;
}

/** Ends the document and gives its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument) {
	const done = new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on("data", (chunk: Buffer) => chunks.push(chunk));
		doc.on("end", () => resolve(Buffer.concat(chunks)));
		doc.on("error", reject);
	});
	doc.end();
	return done;
}
