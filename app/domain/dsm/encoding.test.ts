import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, decodeText } from "./encoding";

const RUSSIAN = "Иностранцы — лица без гражданства Озёрии; учитываются члены семей, № дела, «кавычки».";
const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe("decodeText", () => {
	it("reads UTF-8 with and without a byte order mark", () => {
		expect(decodeText(encode(`NOTE\n${RUSSIAN}`, "utf8"))).toEqual({
			ok: true,
			text: `NOTE\n${RUSSIAN}`,
			encoding: "utf-8",
		});
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode("NOTE", "utf8")]);
		expect(decodeText(withBom)).toEqual({ ok: true, text: "NOTE", encoding: "utf-8-bom" });
	});

	it("detects Windows-1251, as Excel on a Russian Windows saves CSV", () => {
		expect(decodeText(encode(`SOURCE_AGENCY;NOTE\nМВД;${RUSSIAN}`, "win1251"))).toEqual({
			ok: true,
			text: `SOURCE_AGENCY;NOTE\nМВД;${RUSSIAN}`,
			encoding: "windows-1251",
		});
	});

	it("refuses KOI8-R, Latin-1 and UTF-16 with a message saying what to do", () => {
		const refused = (bytes: Uint8Array) => {
			const decoded = decodeText(bytes);
			if (decoded.ok) throw new Error("accepted");
			return decoded.issue;
		};
		expect(refused(encode(`NOTE\n${RUSSIAN}`, "koi8-r")).message.en).toContain("KOI8-R");
		expect(refused(encode("CITIZEN\nCôte d'Ivoire", "latin1")).message.en).toContain("neither UTF-8 nor Windows-1251");
		const utf16 = refused(new Uint8Array([0xff, 0xfe, ...encode("NOTE", "utf16le")]));
		expect(utf16).toMatchObject({ rule: "FILE-ENCODING", severity: "error" });
		expect(utf16.message.ru).toContain("UTF-16");
	});

	it("refuses binary files, empty files and files above the limit, naming the limit", () => {
		const issueOf = (bytes: Uint8Array) => {
			const decoded = decodeText(bytes);
			return decoded.ok ? undefined : decoded.issue;
		};
		expect(issueOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))?.rule).toBe(
			"FILE-FORMAT",
		);
		expect(issueOf(new Uint8Array())?.rule).toBe("FILE-EMPTY");
		const large = issueOf(new Uint8Array(MAX_FILE_BYTES + 1));
		expect(large?.rule).toBe("FILE-SIZE");
		expect(large?.message.en).toContain("the limit is 20.0 MB");
	});
});
