import type { Aggregate } from '$lib/scoring/aggregate';

export interface ResultsData {
	/** How many people answered: shown with every figure, for the room to check. */
	respondents: number;
	/** The threshold the figures were published under. */
	threshold: number;
	cells: Record<string, Record<string, Aggregate>>;
	divergences: { level: string; principleId: string; sdMaturity: number; meanMaturity: number; n: number }[];
	levelsShown: string[];
}

interface Named {
	id: string;
	title?: string;
	label?: string;
}

type Cells = ResultsData['cells'];

/**
 * Radar series from a session's results: one per level shown, null where a figure is hidden;
 * with a previous session, its levels as dashed lines of the same colours.
 */
export function radarFromResults(
	results: ResultsData,
	levels: Named[],
	principles: Named[],
	color: (levelId: string, index: number) => string,
	previous?: { label: (level: string) => string; cells: Cells } | null
) {
	const values = (cells: Cells, level: string) =>
		principles.map((p) => {
			const cell = cells[level]?.[p.id];
			return cell?.shown ? Math.round(cell.meanMaturity * 10) / 10 : null;
		});
	const shown = levels.filter((level) => results.levelsShown.includes(level.id));
	return {
		labels: principles.map((p) => p.title ?? p.id),
		series: [
			...shown.map((level, index) => ({
				label: level.label ?? level.id,
				color: color(level.id, index),
				values: values(results.cells, level.id)
			})),
			...(previous
				? shown.map((level, index) => ({
						label: previous.label(level.label ?? level.id),
						color: color(level.id, index),
						values: values(previous.cells, level.id),
						dashed: true
					}))
				: [])
		]
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
