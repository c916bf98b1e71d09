import { effectiveThreshold } from './anonymity';
import type { Aggregate } from './aggregate';

/** Figures by level, then principle. */
export type Cells = Record<string, Record<string, Aggregate>>;

/**
 * Hides, figure by figure, enough sub-group figures (kinds of actor) that the people left out of
 * the shown ones are never fewer than the threshold: otherwise the whole group's figure, less the
 * shown sub-groups', would give away the answers of the one or two left (secondary suppression).
 * The smallest shown sub-group is hidden first.
 */
export function protectSubgroups(
	everyone: Cells,
	subgroups: Record<string, Cells>,
	groupThreshold: number
): Record<string, Cells> {
	const threshold = effectiveThreshold(groupThreshold);
	const result: Record<string, Cells> = {};
	for (const [kind, cells] of Object.entries(subgroups)) {
		result[kind] = Object.fromEntries(Object.entries(cells).map(([level, row]) => [level, { ...row }]));
	}
	for (const [level, row] of Object.entries(everyone)) {
		for (const [principleId, whole] of Object.entries(row)) {
			const shown = Object.entries(result)
				.filter(([, cells]) => cells[level]?.[principleId]?.shown)
				.map(([kind, cells]) => ({ kind, n: cells[level]![principleId]!.n }))
				.sort((a, b) => a.n - b.n || a.kind.localeCompare(b.kind));
			let leftOut = whole.n - shown.reduce((sum, { n }) => sum + n, 0);
			for (const { kind, n } of shown) {
				if (leftOut === 0 || leftOut >= threshold) break;
				result[kind]![level]![principleId] = { shown: false, n };
				leftOut += n;
			}
		}
	}
	return result;
}
