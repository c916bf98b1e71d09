import type { Aggregate } from '$lib/scoring/aggregate';

export interface ResultsData {
	cells: Record<string, Record<string, Aggregate>>;
	divergences: { level: string; principleId: string; sdMaturity: number; meanMaturity: number; n: number }[];
	levelsShown: string[];
}

interface Named {
	id: string;
	title?: string;
	label?: string;
}

/** Radar series from a session's results: one per level shown, null where a figure is hidden. */
export function radarFromResults(
	results: ResultsData,
	levels: Named[],
	principles: Named[],
	color: (levelId: string, index: number) => string
) {
	return {
		labels: principles.map((p) => p.title ?? p.id),
		series: levels
			.filter((level) => results.levelsShown.includes(level.id))
			.map((level, index) => ({
				label: level.label ?? level.id,
				color: color(level.id, index),
				values: principles.map((p) => {
					const cell = results.cells[level.id]?.[p.id];
					return cell?.shown ? Math.round(cell.meanMaturity * 10) / 10 : null;
				})
			}))
	};
}

/** The principles where the group disagrees most, named for display. */
export function divergenceItems(results: ResultsData, levels: Named[], principles: Named[]) {
	return results.divergences.map((d) => ({
		label: principles.find((p) => p.id === d.principleId)?.title ?? d.principleId,
		level: levels.find((l) => l.id === d.level)?.label ?? d.level,
		spread: d.sdMaturity,
		mean: d.meanMaturity,
		n: d.n
	}));
}
