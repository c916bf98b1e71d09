// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const byLevel: Record<string, string> = { je: '#0072B2', nous: '#D55E00', dans: '#009E73' };
const fallback = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** The colour of a level's series in every chart. */
export function levelColor(levelId: string, index: number): string {
	return byLevel[levelId] ?? fallback[index % fallback.length] ?? '#555555';
}

export type PointShape = 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot' | 'star';

/** A series' line and marker besides its colour, so that levels stay apart in grey on paper. */
export interface LevelMarks {
	dash: number[];
	point: PointShape;
}

const marks: LevelMarks[] = [
	{ dash: [], point: 'circle' },
	{ dash: [14, 6], point: 'rect' },
	{ dash: [3, 4], point: 'triangle' },
	{ dash: [14, 4, 3, 4], point: 'rectRot' },
	{ dash: [8, 8], point: 'crossRot' },
	{ dash: [2, 8], point: 'star' }
];

/** The dash and marker of the series drawn in a level's colour: each level its own. */
export function levelMarks(color: string): LevelMarks {
	const index = fallback.indexOf(color.toUpperCase());
	return marks[Math.max(0, index) % marks.length]!;
}
