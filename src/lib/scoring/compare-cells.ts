import type { Aggregate } from './aggregate';
import { compareAggregates, type Change } from './compare';

type Cells = Record<string, Record<string, Aggregate>>;

/** The change of every principle at every level from one session's figures to another's. */
export function compareCells(
	before: Cells,
	after: Cells,
	levelIds: string[],
	principleIds: string[]
): { principleId: string; byLevel: Record<string, Change | null> }[] {
	return principleIds.map((principleId) => ({
		principleId,
		byLevel: Object.fromEntries(
			levelIds.map((level) => {
				const from = before[level]?.[principleId];
				const to = after[level]?.[principleId];
				return [level, from && to ? compareAggregates(from, to) : null];
			})
		)
	}));
}
