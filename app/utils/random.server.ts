import crypto from "node:crypto";

/** A generator of random strings of `length` characters from `alphabet`, without modulo bias. */
export function customAlphabet(alphabet: string, length: number) {
	return () => {
		let out = "";
		while (out.length < length) {
			for (const byte of crypto.randomBytes(length * 2)) {
				// Only bytes below the largest multiple of the alphabet's size keep every character equally likely.
				if (byte < 256 - (256 % alphabet.length) && out.length < length) out += alphabet[byte % alphabet.length];
			}
		}
		return out;
	};
}
