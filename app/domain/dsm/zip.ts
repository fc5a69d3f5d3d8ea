/**
 * What a ZIP archive (an XLSX workbook) says about itself in its central directory: how many
 * parts it has and how many bytes they expand to, read without inflating anything, so that a
 * small file that would expand to gigabytes is refused before a library opens it.
 */

export type ZipSummary = { readonly entries: number; readonly expandedBytes: number };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
const ZIP64_MARK = 0xffffffff;

/** The summary, or undefined when the directory cannot be found or read (the library will then say the file is damaged). */
export function zipSummary(bytes: Uint8Array): ZipSummary | undefined {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const stop = Math.max(0, bytes.length - END_SEARCH);
	let end = -1;
	for (let at = bytes.length - 22; at >= stop; at--) {
		if (view.getUint32(at, true) === END_OF_DIRECTORY) {
			end = at;
			break;
		}
	}
	if (end === -1) return undefined;
	const declared = view.getUint16(end + 10, true);
	const size = view.getUint32(end + 12, true);
	const offset = view.getUint32(end + 16, true);
	// ZIP64 (a part or the archive over 4 GB, or over 65,535 parts) is no template: report it as huge.
	if (declared === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK)
		return { entries: declared, expandedBytes: Number.MAX_SAFE_INTEGER };
	if (offset + size > bytes.length) return undefined;
	let at = offset;
	let entries = 0;
	let expandedBytes = 0;
	while (at + 46 <= offset + size && view.getUint32(at, true) === DIRECTORY_ENTRY) {
		const expanded = view.getUint32(at + 24, true);
		if (expanded === ZIP64_MARK) return { entries: entries + 1, expandedBytes: Number.MAX_SAFE_INTEGER };
		expandedBytes += expanded;
		entries += 1;
		at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	return { entries: Math.max(entries, declared), expandedBytes };
}
