import { describe, expect, it } from "vitest";
import { answerToFormInput, fieldName, fieldSchema, parseItem, readStoredAnswer, storeAnswer } from "./answers";
import { findItem, INSTRUMENT } from "./instrument";
import type { FieldDef, ItemDef } from "./model";

const context = { year: 2026 };
const item = (id: string) => findItem(INSTRUMENT, id)!;
const field = (itemId: string, name: string) =>
	[...(item(itemId).details ?? [])].find((f) => f.name === name) as FieldDef;

function parse(target: ItemDef, values: Record<string, string | string[]>) {
	const input = Object.fromEntries(Object.entries(values).map(([name, value]) => [fieldName(target.id, name), value]));
	return parseItem(target, input, context);
}

describe("the answer schemas", () => {
	it("read counts as whole numbers and refuse negatives, decimals, text and too much", () => {
		const pcs = field("pc-processor", "pcCount");
		const read = (raw: string) => fieldSchema(pcs, context).safeParse(raw);
		expect(read("12").data).toBe(12);
		expect(read(" 1 200 ").data).toBe(1200);
		expect(read("-3").error?.issues[0]?.message).toBe("assessment.errors.negative");
		expect(read("2.5").error?.issues[0]?.message).toBe("assessment.errors.wholeNumber");
		expect(read("twelve").error?.issues[0]?.message).toBe("assessment.errors.notANumber");
		expect(read("12abc").error?.issues[0]?.message).toBe("assessment.errors.notANumber");
		expect(read("1000001").error?.issues[0]?.message).toBe("assessment.errors.tooLarge");
	});

	it("read measures with a decimal point or a decimal comma (Mbit/s, GB)", () => {
		const down = field("net-capacity", "down");
		expect(fieldSchema(down, context).safeParse("12,5").data).toBe(12.5);
		expect(fieldSchema(down, context).safeParse("0.75").data).toBe(0.75);
		expect(fieldSchema(down, context).safeParse("fast").error?.issues[0]?.message).toBe("assessment.errors.notANumber");
	});

	it("refuse a purchase in the future or before 1980, and a plan in the past or too far ahead", () => {
		const bought = parse(item("pc-processor"), { purchasedYear: "2027" });
		expect(bought).toEqual({ ok: false, errors: { "pc-processor.purchasedYear": ["assessment.errors.yearInFuture"] } });
		expect(parse(item("pc-processor"), { purchasedYear: "1979" })).toMatchObject({
			errors: { "pc-processor.purchasedYear": ["assessment.errors.yearTooEarly"] },
		});
		expect(parse(item("pc-processor"), { purchasedYear: "19" })).toMatchObject({
			errors: { "pc-processor.purchasedYear": ["assessment.errors.notAYear"] },
		});
		expect(parse(item("pc-processor"), { plannedUpgrades: "planned", plannedYear: "2025" })).toMatchObject({
			errors: { "pc-processor.plannedYear": ["assessment.errors.yearInPast"] },
		});
		expect(parse(item("pc-processor"), { plannedUpgrades: "planned", plannedYear: "2040" })).toMatchObject({
			errors: { "pc-processor.plannedYear": ["assessment.errors.yearTooFar"] },
		});
		expect(
			parse(item("pc-processor"), { purchasedYear: "2026", plannedUpgrades: "planned", plannedYear: "2026" }),
		).toEqual({
			ok: true,
			answer: { purchasedYear: 2026, plannedUpgrades: "planned", plannedYear: 2026 },
		});
	});

	it("ask for the year of a planned upgrade", () => {
		expect(parse(item("sw-os"), { plannedUpgrades: "planned" })).toEqual({
			ok: false,
			errors: { "sw-os.plannedYear": ["assessment.errors.plannedYear"] },
		});
		expect(parse(item("sw-os"), { plannedUpgrades: "procurement" })).toEqual({
			ok: true,
			answer: { plannedUpgrades: "procurement" },
		});
	});

	it("accept only the options of a choice, one or several", () => {
		expect(parse(item("sw-os"), { support: "maybe" })).toMatchObject({
			errors: { "sw-os.support": ["assessment.errors.choose"] },
		});
		expect(parse(item("exchange"), { channels: "portal" })).toEqual({ ok: true, answer: { channels: ["portal"] } });
		expect(parse(item("exchange"), { channels: ["portal", "sftp"] })).toEqual({
			ok: true,
			answer: { channels: ["portal", "sftp"] },
		});
		expect(parse(item("exchange"), { channels: ["portal", "fax"] })).toMatchObject({
			errors: { "exchange.channels": ["assessment.errors.choose"] },
		});
		// A select sends one value; a second one is not the browser's doing and is not read.
		expect(parse(item("sw-os"), { support: ["out", "supported"] })).toEqual({ ok: true, answer: { support: "out" } });
	});

	it("keep text within its length, trimmed, and leave blanks out", () => {
		expect(parse(item("sw-os"), { system: "  Windows 11 Pro ", usedFor: "" })).toEqual({
			ok: true,
			answer: { system: "Windows 11 Pro" },
		});
		expect(parse(item("sw-os"), { system: "x".repeat(201) })).toMatchObject({
			errors: { "sw-os.system": ["assessment.errors.tooLong"] },
		});
	});

	it("report every bad field of an item at once, each beside its own name", () => {
		const result = parse(item("net-capacity"), { down: "-1", up: "a lot", compatible: "enough" });
		expect(result).toEqual({
			ok: false,
			errors: {
				"net-capacity.down": ["assessment.errors.negative"],
				"net-capacity.up": ["assessment.errors.notANumber"],
			},
		});
	});

	it("store an answer so that it reads back the same, and drop what the item does not ask", () => {
		const target = item("backup");
		const answer = { restoreTest: "never", available: "yes", compatible: "enough" };
		const stored = storeAnswer(target, answer);
		expect(stored).toBe('{"available":"yes","restoreTest":"never","compatible":"enough"}');
		expect(readStoredAnswer(target, stored)).toEqual(answer);
		expect(readStoredAnswer(target, '{"available":3,"restoreTest":"never","colour":"red"}')).toEqual({
			restoreTest: "never",
		});
		expect(readStoredAnswer(target, "not json")).toEqual({});
		expect(answerToFormInput(item("exchange"), { channels: ["portal"], unencrypted: "never" })).toEqual({
			"exchange.channels": ["portal"],
			"exchange.unencrypted": "never",
		});
	});
});
