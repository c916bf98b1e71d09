import type { Aggregate } from './aggregate';

/** How far apart two levels must be, in maturity points, to be worth a word. */
export const gapThreshold = 15;

export interface Gap {
	principleId: string;
	higher: string;
	lower: string;
	difference: number;
}

/**
 * Where a level is well above the next one out (Je above Nous, Nous above Dans): what people live
 * themselves the group does not yet live together, or the milieu does not. Largest first.
 */
export function findGaps(
	cells: Record<string, Record<string, Aggregate>>,
	levelOrder: string[],
	principleIds: string[]
): Gap[] {
	const gaps: Gap[] = [];
	for (let index = 0; index + 1 < levelOrder.length; index++) {
		const higher = levelOrder[index] as string;
		const lower = levelOrder[index + 1] as string;
		for (const principleId of principleIds) {
			const inner = cells[higher]?.[principleId];
			const outer = cells[lower]?.[principleId];
			if (!inner?.shown || !outer?.shown) continue;
			const difference = inner.meanMaturity - outer.meanMaturity;
			if (difference >= gapThreshold) gaps.push({ principleId, higher, lower, difference });
		}
	}
	return gaps.sort((a, b) => b.difference - a.difference);
}

/** A level's overall maturity: the mean of its principles' figures that are shown. */
export function overallMaturity(cells: Record<string, Aggregate>): number | null {
	const shown = Object.values(cells).filter((cell) => cell.shown);
	if (shown.length === 0) return null;
	return shown.reduce((sum, cell) => sum + (cell.shown ? cell.meanMaturity : 0), 0) / shown.length;
}
