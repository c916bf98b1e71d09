import { isShown } from './anonymity';
import { isRated, leaning, maturity, type PolePair } from './rating';

/** Upper bounds of the maturity bands; the last band includes 100. */
export const bandEdges = [20, 40, 60, 80, 100] as const;

export type Aggregate =
	| {
			shown: true;
			n: number;
			meanMaturity: number;
			/** null where it is not published (disclosure.ts: only from 2k people up). */
			sdMaturity: number | null;
			meanLeaning: number;
			/** Counts per band; null where it is not published (only from 2k people up). */
			distribution: number[] | null;
	  }
	| { shown: false; n: number };

/** The band index (0–4) of a maturity. */
export function bandOf(value: number): number {
	const index = bandEdges.findIndex((edge) => value < edge);
	return index === -1 ? bandEdges.length - 1 : index;
}

function mean(values: number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * A group's figure for one principle at one level: n counts only people who rated both poles;
 * below the group's threshold nothing but n is computed.
 */
export function aggregate(answers: PolePair[], groupThreshold: number): Aggregate {
	const rated = answers.filter(isRated);
	const n = rated.length;
	if (!isShown(n, groupThreshold)) return { shown: false, n };
	const maturities = rated.map(({ a, b }) => maturity(a, b));
	const meanMaturity = mean(maturities);
	const sdMaturity = Math.sqrt(mean(maturities.map((value) => (value - meanMaturity) ** 2)));
	const distribution = bandEdges.map(() => 0);
	for (const value of maturities) distribution[bandOf(value)]! += 1;
	return {
		shown: true,
		n,
		meanMaturity,
		sdMaturity,
		meanLeaning: mean(rated.map(({ a, b }) => leaning(a, b))),
		distribution
	};
}

/** An aggregate from stored or imported figures: shown when it has a mean, else only n. */
export function aggregateFromFigures(figures: {
	n: number;
	meanMaturity: number | null;
	sdMaturity: number | null;
	meanLeaning: number | null;
	distribution: number[] | null;
}): Aggregate {
	const { n, meanMaturity, sdMaturity, meanLeaning, distribution } = figures;
	if (meanMaturity === null) return { shown: false, n };
	return { shown: true, n, meanMaturity, sdMaturity, meanLeaning: meanLeaning ?? 0, distribution };
}
