import { describe, expect, it } from "vitest";
import { cleanTable } from "../../../tests/fixtures/dsm/clean-submission";
import { sharedView } from "./share";
import { writeSdmxCsv } from "./write-sdmx-csv";

describe("sharedView", () => {
	const table = cleanTable("IND1").map((observation, index) =>
		index === 5
			? { ...observation, value: "123457", attributes: { ...observation.attributes, CONF_STATUS: "C" } }
			: observation,
	);

	it("withholds confidential values from other states, and keeps the cell", () => {
		const shared = sharedView(table, "KZ");
		expect(shared[5]).toMatchObject({ value: "", attributes: { CONF_STATUS: "C" } });
		expect(writeSdmxCsv(shared)).not.toContain("123457");
		expect(shared.filter((observation, index) => observation !== table[index])).toHaveLength(1);
	});

	it("shows the submitting state its own values", () => {
		expect(sharedView(table, "XA")[5]?.value).toBe("123457");
		expect(sharedView(table)[5]?.value).toBe("");
	});
});
