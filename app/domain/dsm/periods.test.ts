import { describe, expect, it } from "vitest";
import { formatPeriod, isoDate, parsePeriod, periodEnd, periodStart, previousPeriod } from "./periods";

describe("periods", () => {
	it("reads the three formats and nothing else", () => {
		expect(parsePeriod("2024")).toEqual({ frequency: "A", year: 2024, index: 1 });
		expect(parsePeriod("2024-Q3")).toEqual({ frequency: "Q", year: 2024, index: 3 });
		expect(parsePeriod("2024-02")).toEqual({ frequency: "M", year: 2024, index: 2 });
		for (const text of ["2024-Q5", "2024-13", "24", "2024Q1", "2024-1"]) expect(parsePeriod(text)).toBeUndefined();
	});

	it("knows first and last days and the period before", () => {
		const days = (text: string) => {
			const period = parsePeriod(text);
			if (!period) throw new Error(text);
			return [isoDate(periodStart(period)), isoDate(periodEnd(period)), formatPeriod(previousPeriod(period))];
		};
		expect(days("2024")).toEqual(["2024-01-01", "2024-12-31", "2023"]);
		expect(days("2024-Q1")).toEqual(["2024-01-01", "2024-03-31", "2023-Q4"]);
		expect(days("2024-02")).toEqual(["2024-02-01", "2024-02-29", "2024-01"]);
		expect(days("2024-01")).toEqual(["2024-01-01", "2024-01-31", "2023-12"]);
	});
});
