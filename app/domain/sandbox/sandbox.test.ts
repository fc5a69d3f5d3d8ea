import { describe, expect, it } from "vitest";
import { readDsmText } from "../dsm/read-file";
import { validate } from "../dsm/validate";
import { writeSdmxCsv } from "../dsm/write-sdmx-csv";
import { cellFieldOf, codesOfField, parseCellKey } from "./cells";
import { decodeContent, encodeContent, mergeContent, onContentLines } from "./content";
import { compareContents } from "./diff";
import { findingsByCell, findingsOf } from "./findings";
import { formContentOf, formObservations } from "./form";
import { computeTotals, formLayout, layoutCells } from "./layout";
import { comparePeriods } from "./periods";
import { groupFindings } from "./report";

const attributes = { UNIT: "PER", ROUNDING: "NONE", SOURCE_AGENCY: "Migration service", NOTE: "Persons" };

function ind6(cells: Record<string, string>, period = "2024", citizens = ["AF"]) {
	return formObservations("IND6", "KZ", period, {
		attributes: { unit: "PER", rounding: "NONE", sourceAgency: attributes.SOURCE_AGENCY, note: attributes.NOTE },
		cells,
		citizens,
	});
}

const field = (codes: Record<string, string>) =>
	cellFieldOf("IND6", { INSTANCE: "FIRST", DECISION: "GENCONV", CITIZEN: "AF", ...codes });

describe("the web form", () => {
	it("lays IND6 out as one table per instance and decision, rows citizenship, columns sex × age", () => {
		const layout = formLayout("IND6", ["UNK", "AF"]);
		expect(layout.blocks).toHaveLength(2 * 6);
		expect(layout.rows).toEqual(["TOTAL", "AF", "UNK"]);
		expect([layout.outer, layout.inner]).toEqual(["SEX", "AGE"]);
		expect(layoutCells(layout)).toHaveLength(12 * 3 * 4 * 7);
		expect(formLayout("IND2", []).blocks).toEqual([{ id: "b", codes: {} }]);
	});

	it("computes a total left empty from its parts, along every hierarchy, and keeps a total typed in", () => {
		const { observations, computed } = ind6({
			[field({ SEX: "F", AGE: "Y18-34" })]: "10",
			[field({ SEX: "M", AGE: "Y18-34" })]: "20",
			[field({ SEX: "UNK", AGE: "Y18-34" })]: "0",
			[field({ SEX: "F", AGE: "TOTAL" })]: "99",
		});
		expect(computed).toContain(field({ SEX: "T", AGE: "Y18-34" }));
		const total = observations.find((o) => cellFieldOf("IND6", o.dimensions) === field({ SEX: "T", AGE: "Y18-34" }));
		expect(total?.value).toBe("30");
		expect(
			observations.find((o) => cellFieldOf("IND6", o.dimensions) === field({ SEX: "F", AGE: "TOTAL" }))?.value,
		).toBe("99");
		// An incomplete sum is not guessed.
		expect(computed).not.toContain(field({ SEX: "T", AGE: "TOTAL" }));
	});

	it("chains sums: TOTAL_POS from three decisions, then TOTAL from TOTAL_POS and REJECTED", () => {
		const layout = formLayout("IND6", []);
		const cell = (DECISION: string) =>
			cellFieldOf("IND6", { INSTANCE: "FIRST", DECISION, CITIZEN: "TOTAL", SEX: "F", AGE: "Y18-34" });
		const known = new Map([
			[cell("GENCONV"), 1],
			[cell("SUB_PROT"), 2],
			[cell("HUMSTAT"), 3],
			[cell("REJECTED"), 4],
		]);
		const totals = computeTotals("IND6", layoutCells(layout), known);
		expect(totals.get(cell("TOTAL_POS"))).toBe(6);
		expect(totals.get(cell("TOTAL"))).toBe(10);
	});

	it("reads flags as the XLSX template does, and shows them back", () => {
		const { observations } = ind6({
			[field({ SEX: "F", AGE: "Y_LT14" })]: "40 C",
			[field({ SEX: "F", AGE: "Y14-17" })]: "M",
			[field({ SEX: "F", AGE: "Y35-64" })]: "12 E",
			[field({ SEX: "F", AGE: "Y_GE65" })]: "1,250",
		});
		const byField = new Map(observations.map((o) => [cellFieldOf("IND6", o.dimensions), o]));
		expect(byField.get(field({ SEX: "F", AGE: "Y_LT14" }))?.attributes).toMatchObject({
			CONF_STATUS: "C",
			OBS_STATUS: "A",
		});
		expect(byField.get(field({ SEX: "F", AGE: "Y14-17" }))).toMatchObject({
			value: "",
			attributes: { OBS_STATUS: "M" },
		});
		expect(byField.get(field({ SEX: "F", AGE: "Y_GE65" }))?.value).toBe("1,250");
		const back = formContentOf("IND6", "KZ", "2024", observations);
		expect(back.cells[field({ SEX: "F", AGE: "Y_LT14" })]).toBe("40 C");
		expect(back.cells[field({ SEX: "F", AGE: "Y14-17" })]).toBe("M");
		expect(back.cells[field({ SEX: "F", AGE: "Y35-64" })]).toBe("12 E");
		expect(back.citizens).toEqual(["AF"]);
		expect(back.attributes).toEqual({
			unit: "PER",
			rounding: "NONE",
			sourceAgency: attributes.SOURCE_AGENCY,
			note: attributes.NOTE,
		});
		// A value the engine refuses reaches it as typed: rule VALUE names it.
		expect(validate(observations, { country: "KZ" }).map((issue) => issue.rule)).toContain("VALUE");
	});

	it("names cells and fields both ways", () => {
		const codes = { CITIZEN: "AF", SEX: "F", AGE: "Y18-34", INSTANCE: "FIRST", DECISION: "GENCONV" };
		expect(cellFieldOf("IND6", codes)).toBe("c.AF.F.Y18-34.FIRST.GENCONV");
		expect(codesOfField("IND6", "c.AF.F.Y18-34.FIRST.GENCONV")).toEqual(codes);
		expect(codesOfField("IND6", "c.AF.F")).toBeUndefined();
		expect(parseCellKey("IND6.KZ.2024.AF.F.Y18-34.FIRST.GENCONV")).toEqual({
			indicator: "IND6",
			refArea: "KZ",
			period: "2024",
			codes,
		});
		expect(parseCellKey("IND9.KZ.2024")).toBeUndefined();
	});
});

describe("revisions' content", () => {
	const csv = [
		"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,AGE,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE",
		"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,T,TOTAL,PER,12,A,F,NONE,Agency,Note",
		"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,T,TOTAL,PER,13,A,F,NONE,Agency,Note",
		"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2023,AF,T,TOTAL,PER,,O,C,NONE,Agency,Note",
	].join("\n");
	const read = readDsmText(new TextEncoder().encode(csv)).observations;

	it("stores observations losslessly, duplicates included, on consecutive lines", () => {
		const back = decodeContent(encodeContent(read));
		expect(back).toHaveLength(3);
		expect(back.map(({ origin: _o, ...rest }) => rest)).toEqual(read.map(({ origin: _o, ...rest }) => rest));
		expect(back.map((o) => o.origin.row)).toEqual([2, 3, 4]);
		expect(writeSdmxCsv(back)).toBe(writeSdmxCsv(read));
	});

	it("replaces the slices a save covers and keeps the rest", () => {
		const form = ind6({ [field({ SEX: "F", AGE: "Y18-34" })]: "5" }).observations;
		const merged = mergeContent(read, form);
		expect(merged).toHaveLength(read.length + form.length);
		const again = mergeContent(merged, ind6({ [field({ SEX: "M", AGE: "Y18-34" })]: "7" }).observations);
		expect(again.filter((o) => o.indicator === "IND6").map((o) => o.value)).toEqual(["7"]); // T needs F and UNK too
		expect(again.filter((o) => o.indicator === "IND1")).toHaveLength(3);
	});

	it("compares two revisions cell by cell", () => {
		const before = ind6({
			[field({ SEX: "F", AGE: "Y18-34" })]: "5",
			[field({ SEX: "M", AGE: "Y18-34" })]: "6",
		}).observations;
		const after = ind6({
			[field({ SEX: "F", AGE: "Y18-34" })]: "5 C",
			[field({ SEX: "M", AGE: "Y14-17" })]: "2",
		}).observations;
		const comparison = compareContents(before, after);
		const byKey = new Map(comparison.changes.map((change) => [change.key, change]));
		const key = (codes: Record<string, string>) => `IND6.KZ.2024.AF.${codes.SEX}.${codes.AGE}.FIRST.GENCONV`;
		expect(byKey.get(key({ SEX: "F", AGE: "Y18-34" }))).toMatchObject({
			kind: "changed",
			before: { text: "5" },
			after: { text: "5 C" },
		});
		expect(byKey.get(key({ SEX: "M", AGE: "Y14-17" }))?.kind).toBe("added");
		expect(byKey.get(key({ SEX: "M", AGE: "Y18-34" }))?.kind).toBe("removed");
		expect(comparison.unchanged).toBe(0);
		expect(compareContents(before, before)).toMatchObject({ changes: [], unchanged: before.length });
	});
});

describe("findings", () => {
	it("name the workspace cell and the place in the uploaded file, and group by rule", () => {
		const kept = ind6({ [field({ SEX: "F", AGE: "Y18-34" })]: "5" }).observations;
		const csv = [
			"STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,CITIZEN,SEX,AGE,UNIT,OBS_VALUE,OBS_STATUS,CONF_STATUS,ROUNDING,SOURCE_AGENCY,NOTE",
			"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,X,TOTAL,PER,12,A,F,NONE,Agency,Note",
			"dataflow,DSM:DF_IND1(1.0.0),I,A,KZ,2024,AF,Y,TOTAL,PER,12,A,F,NONE,Agency,Note",
		].join("\n");
		const incoming = readDsmText(new TextEncoder().encode(csv)).observations;
		const merged = mergeContent(kept, incoming);
		const validated = onContentLines(merged);
		const findings = findingsOf({
			issues: validate(validated, { country: "KZ" }),
			validated,
			fromFile: merged.map((_, index) => (index >= kept.length ? incoming[index - kept.length] : undefined)),
		});
		const codes = findings.filter((finding) => finding.rule === "CODE");
		expect(codes).toHaveLength(2);
		expect(codes[0]?.cells[0]).toEqual({
			key: "IND1.KZ.2024.AF.X.TOTAL",
			field: "SEX",
			file: { row: 2, column: "SEX" },
		});
		expect(findingsByCell(findings).get("IND1.KZ.2024.AF.Y.TOTAL")).toEqual([findings.indexOf(codes[1]!)]);
		const report = groupFindings(findings, 1);
		const group = report.groups.find((g) => g.rule === "CODE");
		expect(group).toMatchObject({ count: 2, severity: "error" });
		expect(group?.examples).toHaveLength(1);
		expect(report.groups[0]?.severity).toBe("error");
		expect(report.errors + report.warnings).toBe(findings.length);
	});

	it("orders periods in time", () => {
		expect(["2024-02", "2023", "2024", "2024-Q1"].sort(comparePeriods)).toEqual(["2023", "2024", "2024-Q1", "2024-02"]);
	});
});
