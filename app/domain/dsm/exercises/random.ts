/** A small seeded generator (mulberry32): the same seed gives the same exercise on every machine. */
export type Random = {
	/** A number in [0, 1). */
	readonly next: () => number;
	/** A whole number in [min, max]. */
	readonly int: (min: number, max: number) => number;
	readonly chance: (probability: number) => boolean;
	readonly pick: <T>(items: readonly T[]) => T;
	/** Picks by weight: [["UZ", 5], ["KZ", 2]] gives UZ five times in seven. */
	readonly weighted: <T>(items: ReadonlyArray<readonly [T, number]>) => T;
	readonly shuffle: <T>(items: readonly T[]) => T[];
};

export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(items: readonly T[]): T => {
		if (items.length === 0) throw new RangeError("Cannot pick from an empty list");
		return items[int(0, items.length - 1)] as T;
	};
	const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
		const total = items.reduce((sum, [, weight]) => sum + weight, 0);
		let threshold = next() * total;
		for (const [item, weight] of items) {
			threshold -= weight;
			if (threshold < 0) return item;
		}
		return pick(items)[0];
	};
	const shuffle = <T>(items: readonly T[]): T[] => {
		const shuffled = [...items];
		for (let index = shuffled.length - 1; index > 0; index--) {
			const other = int(0, index);
			[shuffled[index], shuffled[other]] = [shuffled[other] as T, shuffled[index] as T];
		}
		return shuffled;
	};
	return { next, int, chance: (probability) => next() < probability, pick, weighted, shuffle };
}
