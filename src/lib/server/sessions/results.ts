import type { Framework } from '$lib/framework/types';
import { aggregate, type Aggregate } from '$lib/scoring/aggregate';
import { sessionAnswers } from '$lib/server/db/answers';
import type { PolePair } from '$lib/scoring/rating';

export interface SessionResults {
	threshold: number;
	/** cells[level][principleId]: the group's figure, or only n when below the threshold. */
	cells: Record<string, Record<string, Aggregate>>;
	/** Where the group disagrees most: shown figures with the highest spread, largest first. */
	divergences: { level: string; principleId: string; sdMaturity: number; meanMaturity: number; n: number }[];
	/** Levels for which at least one figure is shown. */
	levelsShown: string[];
}

/** Aggregates a session's answers per level and principle, hiding what is below the threshold. */
export function computeResults(sessionId: number, threshold: number, framework: Framework): SessionResults {
	const byCell = new Map<string, PolePair[]>();
	for (const answer of sessionAnswers(sessionId)) {
		const key = `${answer.level}|${answer.principleId}`;
		const list = byCell.get(key) ?? [];
		list.push({ a: answer.a, b: answer.b });
		byCell.set(key, list);
	}
	const cells: SessionResults['cells'] = {};
	const divergences: SessionResults['divergences'] = [];
	for (const level of framework.levels) {
		cells[level.id] = {};
		for (const principle of framework.principles) {
			const result = aggregate(byCell.get(`${level.id}|${principle.id}`) ?? [], threshold);
			cells[level.id]![principle.id] = result;
			if (result.shown) {
				divergences.push({
					level: level.id,
					principleId: principle.id,
					sdMaturity: result.sdMaturity,
					meanMaturity: result.meanMaturity,
					n: result.n
				});
			}
		}
	}
	divergences.sort((a, b) => b.sdMaturity - a.sdMaturity);
	const levelsShown = framework.levels
		.map((level) => level.id)
		.filter((level) => Object.values(cells[level] ?? {}).some((cell) => cell.shown));
	return { threshold, cells, divergences: divergences.slice(0, 5), levelsShown };
}
