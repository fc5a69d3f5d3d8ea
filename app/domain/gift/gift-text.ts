/** What a backslash escape stands for: `\~ \= \# \{ \} \:` are literal, `\\` is `\`, `\n` a new line. */
const ESCAPES: Readonly<Record<string, string>> = {
	"~": "~",
	"=": "=",
	"#": "#",
	"{": "{",
	"}": "}",
	":": ":",
	"\\": "\\",
	n: "\n",
};

/** Stands in the syntax view for an escaped character, so that searches for control characters skip it. */
const ESCAPED = "\0";

/**
 * A piece of GIFT source with its escapes resolved. `text` is what the author meant; the
 * syntax view beside it has every escaped character blanked out, so that looking for `~`,
 * `=`, `#`, `{`, `}` or `::` finds only the unescaped ones. Both views have the same length,
 * so a position found in one is valid in the other.
 */
export class GiftText {
	private constructor(
		readonly text: string,
		private readonly syntax: string,
	) {}

	static read(source: string): GiftText {
		let text = "";
		let syntax = "";
		for (let index = 0; index < source.length; index++) {
			const char = source.charAt(index);
			const escaped = char === "\\" ? ESCAPES[source.charAt(index + 1)] : undefined;
			if (escaped === undefined) {
				text += char;
				syntax += char;
			} else {
				text += escaped;
				syntax += ESCAPED;
				index++;
			}
		}
		return new GiftText(text, syntax);
	}

	get isEmpty(): boolean {
		return this.text.length === 0;
	}

	/** Position of the first unescaped `token` at or after `from`, or -1. */
	indexOf(token: string, from = 0): number {
		return this.syntax.indexOf(token, from);
	}

	/** Position of the last unescaped `token`, or -1. */
	lastIndexOf(token: string): number {
		return this.syntax.lastIndexOf(token);
	}

	contains(token: string): boolean {
		return this.indexOf(token) !== -1;
	}

	startsWith(token: string): boolean {
		return this.syntax.startsWith(token);
	}

	slice(start: number, end?: number): GiftText {
		return new GiftText(this.text.slice(start, end), this.syntax.slice(start, end));
	}

	trim(): GiftText {
		const start = this.text.length - this.text.trimStart().length;
		const end = this.text.trimEnd().length;
		return start >= end ? this.slice(0, 0) : this.slice(start, end);
	}

	/** Splits before every unescaped character of `markers`; the first piece is what precedes the first marker. */
	splitBefore(markers: string): GiftText[] {
		const pieces: GiftText[] = [];
		let start = 0;
		for (let index = 0; index < this.syntax.length; index++) {
			if (markers.includes(this.syntax.charAt(index))) {
				pieces.push(this.slice(start, index));
				start = index;
			}
		}
		pieces.push(this.slice(start));
		return pieces;
	}

	/** Splits at the first `limit - 1` unescaped `separator`s, like PHP's explode with a limit. */
	splitAt(separator: string, limit: number): GiftText[] {
		const pieces: GiftText[] = [];
		let start = 0;
		let found = this.indexOf(separator);
		while (found !== -1 && pieces.length < limit - 1) {
			pieces.push(this.slice(start, found));
			start = found + separator.length;
			found = this.indexOf(separator, start);
		}
		pieces.push(this.slice(start));
		return pieces;
	}
}

/** Escapes text for a GIFT file: the control characters, the backslash and new lines. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\r?\n/g, "\\n");
}
