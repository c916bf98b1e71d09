import { effectiveThreshold } from './anonymity';
import { isRated, type Rating } from './rating';

/** How many people gave one (a, b) pair for a principle at a level. */
export interface PairCount {
	level: string;
	principleId: string;
	a: number;
	b: number;
	count: number;
}

/**
 * The (a, b) pairs given in each cell (level × principle) rated by at least the threshold,
 * counted: what a snapshot keeps and exports carry instead of one row per person.
 */
export function countPairs(
	answers: { level: string; principleId: string; a: Rating; b: Rating }[],
	groupThreshold: number
): PairCount[] {
	const cells = new Map<string, Map<string, PairCount>>();
	for (const answer of answers) {
		if (!isRated(answer)) continue;
		const { level, principleId, a, b } = answer;
		const cell = cells.get(`${level}|${principleId}`) ?? new Map<string, PairCount>();
		cells.set(`${level}|${principleId}`, cell);
		const pair = cell.get(`${a}|${b}`) ?? { level, principleId, a, b, count: 0 };
		pair.count += 1;
		cell.set(`${a}|${b}`, pair);
	}
	const threshold = effectiveThreshold(groupThreshold);
	return [...cells.values()]
		.filter((cell) => [...cell.values()].reduce((sum, pair) => sum + pair.count, 0) >= threshold)
		.flatMap((cell) => [...cell.values()]);
}
