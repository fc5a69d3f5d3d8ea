import iconv from "iconv-lite";
import type { Issue } from "./issues";
import { issueOf } from "./rules/rule";
import { FILE_EMPTY, FILE_ENCODING, FILE_FORMAT, FILE_SIZE, MAX_FILE_BYTES } from "./rules/file";

/**
 * Turns an uploaded file's bytes into text, the way files arrive from the region: UTF-8 with or
 * without BOM, or Windows-1251 (what Excel on a Russian-language Windows writes). Anything else
 * is refused with a message that says what to do.
 */

// The size limit lives with the other read limits (rules/file.ts), which pages may import without iconv-lite.
export { MAX_FILE_BYTES } from "./rules/file";

export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1251";

export type DecodedText =
	| { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
	| { readonly ok: false; readonly issue: Issue };

/** The problem a file has before anything in it can be read, if any. */
export function fileProblem(bytes: Uint8Array): Issue | undefined {
	if (bytes.length === 0) return issueOf(FILE_EMPTY, {});
	if (bytes.length > MAX_FILE_BYTES) return issueOf(FILE_SIZE, { bytes: bytes.length, limit: MAX_FILE_BYTES });
	return undefined;
}

const SNIFF_BYTES = 8192;

/** Text files have no NUL bytes (UTF-16 aside, which has a BOM and is refused separately). */
function looksBinary(bytes: Uint8Array): boolean {
	return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
	prefix.every((byte, index) => bytes[index] === byte);

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [
	[0xff, 0xfe],
	[0xfe, 0xff],
];

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeText(bytes: Uint8Array): DecodedText {
	const problem = fileProblem(bytes);
	if (problem) return { ok: false, issue: problem };
	if (UTF16_BOMS.some((bom) => startsWith(bytes, bom)))
		return { ok: false, issue: issueOf(FILE_ENCODING, { problem: "utf-16" }) };
	if (looksBinary(bytes)) return { ok: false, issue: issueOf(FILE_FORMAT, { problem: "binary" }) };
	const bom = startsWith(bytes, UTF8_BOM);
	try {
		const text = utf8.decode(bom ? bytes.subarray(UTF8_BOM.length) : bytes);
		return { ok: true, text, encoding: bom ? "utf-8-bom" : "utf-8" };
	} catch {
		return decodeSingleByte(bytes);
	}
}

/** Characters Windows-1251 text holds besides ASCII: Cyrillic letters and typographic signs. */
const CP1251_TEXT =
	/^[\u0400-\u04ff\u00a0\u00ab\u00bb\u00a7\u00a9\u00ae\u00b0\u00b1\u00b5\u00b6\u00b7\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2116\u2122]$/;
const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN_LETTER = /[A-Za-z]/;

function decodeSingleByte(bytes: Uint8Array): DecodedText {
	const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), "win1251");
	if (!readsAsCp1251(text)) return { ok: false, issue: issueOf(FILE_ENCODING, { problem: "unknown" }) };
	if (looksLikeKoi8(bytes, text)) return { ok: false, issue: issueOf(FILE_ENCODING, { problem: "koi8-r" }) };
	return { ok: true, text, encoding: "windows-1251" };
}

/**
 * Every non-ASCII character is Cyrillic or typographic, and Cyrillic never sits inside a Latin
 * word: Latin-1 "Côte" would read as "Cфte" and is refused rather than garbled.
 */
function readsAsCp1251(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const character = text[index] ?? "";
		if (character.charCodeAt(0) < 0x80) continue;
		if (!CP1251_TEXT.test(character)) return false;
		if (
			CYRILLIC.test(character) &&
			(LATIN_LETTER.test(text[index - 1] ?? "") || LATIN_LETTER.test(text[index + 1] ?? ""))
		)
			return false;
	}
	return true;
}

const MIN_LETTERS_TO_JUDGE_CASE = 20;

/**
 * KOI8-R puts lowercase letters where Windows-1251 has uppercase ones, so KOI8-R prose read as
 * Windows-1251 is mostly capitals. Judged only on enough letters: short all-caps names stay 1251.
 */
function looksLikeKoi8(bytes: Uint8Array, asCp1251: string): boolean {
	const cyrillic = [...asCp1251].filter((character) => CYRILLIC.test(character));
	if (cyrillic.length < MIN_LETTERS_TO_JUDGE_CASE) return false;
	const upper = (letters: readonly string[]) => letters.filter((letter) => letter !== letter.toLowerCase()).length;
	const asKoi8 = [...iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), "koi8-r")].filter(
		(character) => CYRILLIC.test(character),
	);
	return upper(cyrillic) > cyrillic.length / 2 && upper(asKoi8) < asKoi8.length / 2;
}
