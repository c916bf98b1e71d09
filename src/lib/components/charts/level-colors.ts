// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const byLevel: Record<string, string> = { je: '#0072B2', nous: '#D55E00', dans: '#009E73' };
const fallback = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** The colour of a level's series in every chart. */
export function levelColor(levelId: string, index: number): string {
	return byLevel[levelId] ?? fallback[index % fallback.length] ?? '#555555';
}
