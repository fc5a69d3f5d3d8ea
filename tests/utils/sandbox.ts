import type { Observation } from "~/domain/dsm/observation";
import { describeKey } from "~/domain/dsm/observation";

const AGES = ["Y_LT14", "Y14-17", "Y18-34", "Y35-64", "Y_GE65"];
const SEXES = ["F", "M"];

/**
 * An IND3 table with eight cells wrong but every total still right: one person moved around a
 * 2 × 2 × 2 cycle of citizenship, sex and age (+1 and −1 alternately), so that the validator finds
 * nothing and only scoring against the answer tells. Returns the table and the keys changed.
 */
export function compensatedErrors(answer: readonly Observation[]): { table: Observation[]; changed: string[] } {
	const rows = answer.filter((o) => o.indicator === "IND3");
	const cycle = cycleOf(rows);
	const change = new Map(cycle.map(({ cell, sign }) => [cell, sign]));
	return {
		table: rows.map((o) => (change.has(o) ? { ...o, value: String(Number(o.value) + change.get(o)!) } : o)),
		changed: cycle.map(({ cell }) => describeKey(cell)),
	};
}

/**
 * Eight IND3 cells, two citizenships × two sexes × two ages, with alternate signs: every sum
 * holds none or two of them (the minus ones are at least 1). Confidential, they pass CONF.
 */
export function cycleOf(answer: readonly Observation[]): Array<{ cell: Observation; sign: number }> {
	const rows = answer.filter((o) => o.indicator === "IND3");
	const at = (citizen: string, sex: string, age: string) =>
		rows.find((o) => o.dimensions.CITIZEN === citizen && o.dimensions.SEX === sex && o.dimensions.AGE === age);
	const citizens = [...new Set(rows.map((o) => o.dimensions.CITIZEN ?? ""))].filter((c) => c !== "TOTAL");
	for (const [i, c1] of citizens.entries())
		for (const c2 of citizens.slice(i + 1))
			for (const [j, a1] of AGES.entries())
				for (const a2 of AGES.slice(j + 1)) {
					const cycle = [c1, c2].flatMap((c, ci) =>
						SEXES.flatMap((s, si) =>
							[a1, a2].map((a, ai) => ({ cell: at(c, s, a), sign: (ci + si + ai) % 2 ? -1 : 1 })),
						),
					);
					if (cycle.some(({ cell, sign }) => !cell || (sign < 0 && Number(cell.value) < 1))) continue;
					return cycle.map(({ cell, sign }) => ({ cell: cell!, sign }));
				}
	throw new Error("no cycle of cells to change");
}
