import path from "node:path";
import { describe, expect, it } from "vitest";
import { readContentSource } from "../content/content-source.server";
import { listModules } from "../content/modules";
import { itemFields } from "./columns";
import { INSTRUMENT, instrumentOf, itemsOf } from "./instrument";
import type { Localized } from "./model";

describe("the instrument", () => {
	it("keeps the seed's numbering, its two 4.0 included, and the order of its rows", () => {
		const rows = itemsOf(INSTRUMENT)
			.filter((item) => item.code.startsWith("A1") || item.code.startsWith("A2"))
			.map((item) => `${item.code} ${item.label.en.split(" (now")[0]}`);
		expect(rows).toEqual([
			"A1 1.0 Speed (processor)",
			"A1 1.0 RAM",
			"A1 1.0 Hard drive capacity",
			"A1 1.0 Monitor (colour, resolution)",
			"A1 1.0 Age",
			"A1 1.0 Accessories (ports: USB, CD-R/RW, DVD-R/RW)",
			"A1 1.0 Firewall",
			"A1 2.0 Operational system (Windows, others)",
			"A1 2.0 Word processing (Word, other)",
			"A1 2.0 Spreadsheets (Excel, Access)",
			"A1 2.0 Statistical applications (SPSS, SAS, other)",
			"A1 2.0 Professional software",
			"A1 2.0 Other",
			"A1 3.0 Provider",
			"A1 3.0 Type (dial-up vs. high speed, such as cable, DSL)",
			"A1 3.0 Capacity",
			"A1 3.0 Speed",
			"A1 4.0 Printer",
			"A1 4.0 Scanner",
			"A1 4.0 Other",
			"A1 4.0 Connection to a network (LAN, intranet)",
			"A1 5.0 User's training received",
			"A1 6.0 Type of IT support (outsourced, in house?)",
			"A2 1.0 Server and its functions",
			"A2 2.0 Central hardware/software",
			"A2 3.0 Backup",
			"A2 4.0 Storage",
		]);
	});

	it("has the parts and sections of IT_ASSESSMENT.md: A1, A2, A3 and the inter-agency network", () => {
		expect(INSTRUMENT.parts.map((part) => part.id)).toEqual(["A", "B"]);
		expect(INSTRUMENT.sections.map((s) => `${s.part} ${s.code}`)).toEqual([
			"A A1 1.0",
			"A A1 2.0",
			"A A1 3.0",
			"A A1 4.0",
			"A A1 5.0–6.0",
			"A A2",
			"A A3",
			"B B",
		]);
		expect(instrumentOf(INSTRUMENT.version)).toBe(INSTRUMENT);
		expect(() => instrumentOf(99)).toThrow();
	});

	it("gives every item a unique id, asks the DSM compatibility column of every item, and its fields unique names", () => {
		const items = itemsOf(INSTRUMENT);
		expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
		for (const item of items) {
			expect(item.columns, item.id).toContain("compatible");
			const names = itemFields(item).map((field) => field.name);
			expect(new Set(names).size, item.id).toBe(names.length);
			for (const name of names) expect(name, item.id).toMatch(/^[a-zA-Z]+$/);
		}
	});

	it("says everything in English and Russian", () => {
		const texts: Array<[string, Localized]> = [];
		const collect = (where: string, value: unknown) => {
			if (value && typeof value === "object") {
				if ("en" in value && "ru" in value) texts.push([where, value as Localized]);
				else for (const [key, inner] of Object.entries(value)) collect(`${where}.${key}`, inner);
			}
		};
		collect("instrument", INSTRUMENT);
		for (const item of itemsOf(INSTRUMENT)) collect(item.id, itemFields(item));
		expect(texts.length).toBeGreaterThan(500);
		for (const [where, text] of texts) {
			expect(text.en.trim(), where).not.toBe("");
			expect(text.ru.trim(), where).not.toBe("");
			// Names such as "Excel" or "SSD" are the same in both; everything else is translated.
			if (text.ru !== text.en) expect(text.ru, where).toMatch(/[а-яё]/i);
		}
	});

	it("names the DSM in Russian as the glossary fixes it (МОД), never «DSM»", () => {
		const russian = JSON.stringify(INSTRUMENT, (key, value) => (key === "en" ? undefined : value));
		expect(russian).not.toMatch(/DSM/);
		expect(russian).toMatch(/МОД/);
	});

	it("gives each section a written description of each of the five levels", () => {
		for (const section of INSTRUMENT.sections) {
			expect(section.levels, section.id).toHaveLength(5);
			expect(new Set(section.levels.map((level) => level.en)).size, section.id).toBe(5);
		}
	});

	it("links every item, cap and section to a module section that exists", async () => {
		const source = await readContentSource(path.resolve("content"));
		const { modules } = listModules(source.modules);
		const sections = new Set(modules.flatMap((m) => m.sections.map((s) => `${m.slug}/${s.id}`)));
		const refs = INSTRUMENT.sections.flatMap((section) => [
			section.learn,
			...section.items.flatMap((item) => [
				item.learn,
				...(item.caps ?? []).flatMap((cap) => (cap.learn ? [cap.learn] : [])),
			]),
		]);
		for (const ref of refs) expect(sections, `${ref.module}/${ref.section}`).toContain(`${ref.module}/${ref.section}`);
		expect(new Set(refs.map((ref) => ref.module))).toEqual(
			new Set([
				"it-prerequisites",
				"data-exchange-and-sharing",
				"networks-and-focal-points",
				"national-capacity-building",
				"fundraising-and-project-development",
				"additional-technical-data-issues",
			]),
		);
	});
});
