import { describe, expect, test } from "vitest";
import { numberDifference, readNumbers } from "./numbers";

describe("readNumbers", () => {
	test.each([
		["4,000 residents, 1,500 arrived, 12.5 %", [4000, 1500, 12.5]],
		["1,250.75 and 1,25 (a list, not a number)", [1250.75, 1, 25]],
		["IND1, Regulation 862/2007, 1 January 2026", [1, 862, 2007, 1, 2026]],
		["version 1.0.0 on 01.12.2026", [1, 0, 0, 1, 12, 2026]],
		["−5 and 2019–2021", [5, 2019, 2021]],
	])("English %s", (text, numbers) => {
		expect(readNumbers(text, "en")).toEqual(numbers);
	});

	test.each([
		["4 000 жителей, 1\u00a0500 прибыли, 12,5 %", [4000, 1500, 12.5]],
		["1\u202f250,75 и 1\u2009250", [1250.75, 1250]],
		["IND1, Регламент 862/2007, 1 января 2026 г.", [1, 862, 2007, 1, 2026]],
		["версия 1.0.0 от 01.12.2026", [1, 0, 0, 1, 12, 2026]],
		["в 2024 году 250 человек", [2024, 250]],
		["мероприятия 1.1 и 2.1 (номера, как в английском тексте)", [1.1, 2.1]],
	])("Russian %s", (text, numbers) => {
		expect(readNumbers(text, "ru")).toEqual(numbers);
	});
});

test("numberDifference counts repeats and ignores order", () => {
	expect(numberDifference([1, 2, 2, 3], [3, 2, 1, 2])).toEqual({ missing: [], extra: [] });
	expect(numberDifference([1, 2, 2], [2, 4])).toEqual({ missing: [1, 2], extra: [4] });
});
