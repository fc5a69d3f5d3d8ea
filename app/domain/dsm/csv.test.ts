import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { detectDelimiter, formatCsv, parseCsv, unescapeFormula } from "./csv";
import { seededRandom } from "./exercises/random";

describe("parseCsv", () => {
	it("reads quotes, doubled quotes, delimiters and line breaks inside quotes, and keeps each row's line", () => {
		const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",\r\n3,,last';
		const { rows, error } = parseCsv(text, ",");
		expect(error).toBeUndefined();
		expect(rows).toEqual([
			{ line: 1, cells: ["a", "b", "c"] },
			{ line: 2, cells: ["1", "x, y", 'say "hi"'] },
			{ line: 4, cells: ["2", "two\nlines", ""] },
			{ line: 6, cells: ["3", "", "last"] },
		]);
	});

	it("stops at a quote never closed, and at text after a closing quote, naming the line", () => {
		expect(parseCsv('a,b\n1,"open\n2,3', ",")).toMatchObject({
			rows: [{ line: 1 }],
			error: { line: 2, problem: "unclosed-quote" },
		});
		expect(parseCsv('a,b\n1,"x"y', ",")).toMatchObject({ error: { line: 2, problem: "text-after-quote" } });
	});

	it("gives the same rows as csv-parse on random tricky files", () => {
		const random = seededRandom(42);
		const pieces = ["a", "KZ", "1,250", 'q"uote', "line\nbreak", "", " space ", "Озёрия", ";", "=1+1"];
		for (let file = 0; file < 50; file++) {
			const delimiter = random.chance(0.5) ? "," : ";";
			const rows = Array.from({ length: random.int(1, 20) }, () =>
				Array.from({ length: 5 }, () => random.pick(pieces)),
			);
			const text = formatCsv(rows, delimiter);
			const ours = parseCsv(text, delimiter).rows.map((row) => row.cells.map(unescapeFormula));
			const theirs = (parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][]).map(
				(row) => row.map(unescapeFormula),
			);
			expect(ours).toEqual(theirs.filter((row) => row.length > 1 || row[0] !== ""));
		}
	});
});

describe("detectDelimiter", () => {
	it("takes the one the header uses, outside quotes", () => {
		expect(detectDelimiter("STRUCTURE;STRUCTURE_ID;ACTION\n1,2")).toBe(";");
		expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
	});
});

describe("formula escaping", () => {
	it("applies to every CSV cell written", () => {
		expect(formatCsv([["=1+1", "a,b", "-3"]])).toBe('\'=1+1,"a,b",-3\r\n');
	});
});
