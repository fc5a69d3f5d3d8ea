import crypto from "node:crypto";
import zlib from "node:zlib";
import type { RenderedContent } from "~/components/content/content-body";
import { crc32Combine } from "./crc32";
import { currentRequest } from "./request-context.server";

/**
 * The rendered content as the loader returns it: on a page load its HTML is held for the
 * server's render (entry.server.tsx) and left out of the loader data, so that it is not sent a
 * second time inside the page's script; on a `.data` fetch, or without a request context (a
 * test calling the loader), it is returned whole.
 */
export function sendOnce(content: RenderedContent): RenderedContent {
	return content.html === null ? content : { ...content, ...sendHtmlOnce(content.html) };
}

/**
 * Any HTML the page renders as it is, sent once in the same way: the cohort dashboard's tables,
 * which many pages show as they are (`kept`: their bytes are deflated once and kept), or an
 * attempt's form, which is one learner's and is written for this page only (`kept: false`).
 */
export function sendHtmlOnce(html: string, { kept = true } = {}): { html: string | null; held?: string } {
	const request = currentRequest();
	if (!request?.document) return { html };
	request.held ??= new Map();
	const key = `content-${request.held.size}`;
	request.held.set(key, { html, kept });
	return { html: null, held: key };
}

/** A text the page renders in place of its marker; a `kept` one's bytes are kept for the next pages. */
export type HeldText = { html: string; kept: boolean };

/*
 * A held text is the same string on every page that shows it while its source stands (a lesson
 * per language and version, a dashboard's table per change of its facts), so its bytes are
 * encoded and deflated once, not on every request (docs/decisions/0106-held-html-spliced-as-bytes.md).
 * React renders a marker in its place; the marker is replaced by the bytes after the render, and a
 * gzipped page is made of the page's own parts deflated now and the held parts deflated before.
 */

/** A held text as the response sends it: its bytes, and those deflated and their CRC-32, each worked out once. */
export type HeldBytes = { bytes: Buffer; deflated?: Buffer; crc?: number };
/** A page as it is sent: its rendered bytes, with the held texts' bytes between them. */
export type PageParts = Array<Buffer | HeldBytes>;

/** Only this process writes it: no lesson or name can end a held marker early or forge one. */
const MARK = `held-${crypto.randomBytes(9).toString("base64url")}`;
const MARK_START = Buffer.from(`<!--${MARK}:`);
const MARK_END = Buffer.from("-->");

/** The markers React renders for the request's held texts, by key (HeldContentProvider). */
export function heldMarkers(held: ReadonlyMap<string, HeldText> | undefined): Map<string, string> | undefined {
	return held && new Map([...held.keys()].map((key) => [key, `<!--${MARK}:${key}-->`]));
}

/**
 * The page's parts with its markers replaced by the held texts' bytes. A text not kept is one
 * with the page's own bytes around it, deflated with them in one piece. With the request's
 * `nonce`, a page that holds kept texts has its own parts cut around the nonce too (apartFromNonce).
 */
export function splicePage(page: Buffer, held: ReadonlyMap<string, HeldText>, nonce?: string): PageParts {
	const parts: PageParts = [];
	let own: Array<Buffer | string> = [];
	let from = 0;
	for (let at = page.indexOf(MARK_START); at !== -1; at = page.indexOf(MARK_START, from)) {
		const end = page.indexOf(MARK_END, at + MARK_START.length);
		if (end === -1) break;
		const text = held.get(page.toString("latin1", at + MARK_START.length, end));
		if (text === undefined) break;
		own.push(page.subarray(from, at));
		if (text.kept) {
			parts.push(joined(own), bytesOf(text.html));
			own = [];
		} else own.push(text.html);
		from = end + MARK_END.length;
	}
	own.push(page.subarray(from));
	parts.push(joined(own));
	return nonce && holdsTexts(parts) ? apartFromNonce(parts, nonce) : parts;
}

/**
 * The page's own parts cut around the request's nonce (`<script nonce>`, docs/decisions/0114): it
 * is the one thing in them that differs from one request to the next, so the bytes between recur
 * from page to page and are deflated once (ownDeflated), and the nonce, random and short, goes in
 * as it is, in a stored block. A page without kept texts is left whole: it is compressed in one
 * piece, with Brotli where the browser takes it.
 */
function apartFromNonce(parts: PageParts, nonce: string): PageParts {
	const needle = Buffer.from(nonce);
	const noncePart: HeldBytes = { bytes: needle, deflated: storedBlock(needle) };
	const cut: PageParts = [];
	for (const part of parts) {
		if (!Buffer.isBuffer(part)) {
			cut.push(part);
			continue;
		}
		let from = 0;
		for (let at = part.indexOf(needle); at !== -1; at = part.indexOf(needle, from)) {
			cut.push(part.subarray(from, at), noncePart);
			from = at + needle.length;
		}
		cut.push(from ? part.subarray(from) : part);
	}
	return cut;
}

/** Bytes as a stored (uncompressed) deflate block, not the last: it starts and ends on a byte boundary (RFC 1951, 3.2.4). */
function storedBlock(bytes: Buffer): Buffer {
	const block = Buffer.allocUnsafe(5 + bytes.length);
	block[0] = 0; // BFINAL 0, BTYPE 00, the rest of the byte skipped
	block.writeUInt16LE(bytes.length, 1);
	block.writeUInt16LE(~bytes.length & 0xffff, 3);
	bytes.copy(block, 5);
	return block;
}

/** The page's own pieces as one part: a single piece as it is, without a copy; else one buffer written once. */
function joined(pieces: Array<Buffer | string>): Buffer {
	if (pieces.length === 1 && Buffer.isBuffer(pieces[0])) return pieces[0];
	let length = 0;
	for (const piece of pieces) length += typeof piece === "string" ? Buffer.byteLength(piece) : piece.length;
	const bytes = Buffer.allocUnsafe(length);
	let at = 0;
	for (const piece of pieces) at += typeof piece === "string" ? bytes.write(piece, at) : piece.copy(bytes, at);
	return bytes;
}

/** The page's body in one piece. */
export function pageBytes(parts: PageParts): Buffer {
	return parts.length === 1 ? bytesOfPart(parts[0]!) : Buffer.concat(parts.map(bytesOfPart));
}

/** Whether the page has held texts in it, and so can only be gzipped from its parts. */
export function holdsTexts(parts: PageParts): boolean {
	return parts.some((part) => !Buffer.isBuffer(part));
}

/**
 * The page gzipped from its parts. Each part is a raw deflate stream that ends on a byte boundary
 * (a sync flush), so they follow one another in one stream; an empty final block closes it, and
 * the trailer holds the whole body's CRC-32 and length (RFC 1951, 1952).
 */
export function gzipPage(parts: PageParts, level: number): Buffer {
	const pieces: Buffer[] = [GZIP_HEADER];
	let crc = 0;
	let length = 0;
	for (const part of parts) {
		const bytes = bytesOfPart(part);
		if (!bytes.length) continue;
		length += bytes.length;
		if (Buffer.isBuffer(part)) {
			const partCrc = zlib.crc32(part);
			crc = crc32Combine(crc, partCrc, part.length);
			pieces.push(ownDeflated(part, partCrc, level));
		} else {
			crc = crc32Combine(crc, (part.crc ??= zlib.crc32(part.bytes)), part.bytes.length);
			pieces.push((part.deflated ??= deflated(part.bytes, HELD_LEVEL)));
		}
	}
	const trailer = Buffer.alloc(8);
	trailer.writeUInt32LE(crc, 0);
	trailer.writeUInt32LE(length % 2 ** 32, 4);
	pieces.push(FINAL_EMPTY_BLOCK, trailer);
	return Buffer.concat(pieces);
}

/**
 * The page's body as a Response takes it, put together only if it is read: server.js sends the
 * parts themselves (gzipPage) and never reads it. A stream pulls as soon as it is made to fill its
 * queue up to its high-water mark; at 0 it waits for a read, so the dashboard's 260 kB are not
 * copied into one buffer for nothing on every page.
 */
export function pageBody(parts: PageParts): ReadableStream<Uint8Array> {
	return new ReadableStream(
		{
			pull(controller) {
				controller.enqueue(pageBytes(parts));
				controller.close();
			},
		},
		{ highWaterMark: 0 },
	);
}

function bytesOfPart(part: Buffer | HeldBytes): Buffer {
	return Buffer.isBuffer(part) ? part : part.bytes;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
const FINAL_EMPTY_BLOCK = Buffer.from([3, 0]);
/** Deflated once and sent many times: zlib's default level. */
const HELD_LEVEL = 6;

function deflated(bytes: Uint8Array, level: number) {
	return zlib.deflateRawSync(bytes, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/**
 * Entries up to a number of bytes, the least lately asked for going first: the held texts' bytes
 * and the page's own parts that come again.
 */
class BytesCache<K, V extends { bytes: Buffer }> {
	#entries = new Map<K, V>();
	#bytes = 0;
	constructor(readonly maxBytes: number) {}

	get(key: K): V | undefined {
		const entry = this.#entries.get(key);
		if (entry) {
			this.#entries.delete(key);
			this.#entries.set(key, entry);
		}
		return entry;
	}

	set(key: K, entry: V): V {
		const old = this.#entries.get(key);
		if (old) this.#bytes -= old.bytes.length;
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		this.#bytes += entry.bytes.length;
		for (const [oldest, { bytes }] of this.#entries) {
			if (this.#bytes <= this.maxBytes || oldest === key) break;
			this.#entries.delete(oldest);
			this.#bytes -= bytes.length;
		}
		return entry;
	}
}

/*
 * The page's own parts between its held texts are often the same bytes on every page of a view: a
 * dashboard's start (the menu, its heading, its panels) and the part between its two tables, a
 * lesson's start. A part seen a second time is deflated at the held texts' level and kept, by its
 * CRC-32 and length, and compared byte for byte before use. The part that carries the page's data
 * and nonce differs on every page: it is deflated each time, and only its key is kept.
 */
const ownParts = new BytesCache<string, { bytes: Buffer; deflated: Buffer }>(2 * 1024 * 1024);
const ownSeen = new Set<string>();
const OWN_SEEN_MAX = 1024;

function ownDeflated(part: Buffer, crc: number, level: number): Buffer {
	const key = `${crc}:${part.length}`;
	const kept = ownParts.get(key);
	if (kept?.bytes.equals(part)) return kept.deflated;
	if (!kept && !ownSeen.has(key)) {
		if (ownSeen.size >= OWN_SEEN_MAX) ownSeen.clear();
		ownSeen.add(key);
		return deflated(part, level);
	}
	ownSeen.delete(key);
	return ownParts.set(key, { bytes: Buffer.from(part), deflated: deflated(part, HELD_LEVEL) }).deflated;
}

/** The bytes of the held texts asked for lately, up to 8 MiB. */
const heldBytes = new BytesCache<string, HeldBytes>(8 * 1024 * 1024);

function bytesOf(html: string): HeldBytes {
	return heldBytes.get(html) ?? heldBytes.set(html, { bytes: Buffer.from(html) });
}
