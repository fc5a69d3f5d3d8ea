import { z } from "zod";

/**
 * A list of e-mail addresses as trainers paste it: from a spreadsheet column, an e-mail's To
 * line (`Name <a@b.org>; …`) or typed one per line. Each address once, in lower case; what is
 * not an address is returned so the trainer can see it.
 */
export const MAX_ADDRESSES = 500;

const email = z.email();

export function parseEmailList(text: string): { addresses: string[]; invalid: string[] } {
	const addresses = new Set<string>();
	const invalid: string[] = [];
	for (const piece of text.split(/[\n\r,;\t]+/)) {
		const trimmed = piece.trim();
		if (!trimmed) continue;
		const bracketed = /<([^<>]+)>/.exec(trimmed)?.[1];
		const candidate = (bracketed ?? trimmed)
			.trim()
			.replace(/^mailto:/i, "")
			.toLowerCase();
		if (email.safeParse(candidate).success) addresses.add(candidate);
		else invalid.push(trimmed);
	}
	return { addresses: [...addresses], invalid };
}
