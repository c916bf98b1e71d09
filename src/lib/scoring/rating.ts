/** A rating of how much one pole is lived: 0 never … 4 fully, or null for "I can't say". */
export type Rating = 0 | 1 | 2 | 3 | 4 | null;

/** One person's two ratings for one principle at one level. */
export interface PolePair {
	a: Rating;
	b: Rating;
}

export const maxRating = 4;

/** Whether both poles were rated, so the answer counts in the figures. */
export function isRated(pair: PolePair): pair is { a: Exclude<Rating, null>; b: Exclude<Rating, null> } {
	return pair.a !== null && pair.b !== null;
}

/** Maturity, 0–100: √(a·b) / 4 × 100, high only when both logics are lived. */
export function maturity(a: number, b: number): number {
	return (Math.sqrt(a * b) / maxRating) * 100;
}

/** Leaning, −1 … +1: (b − a) / 4, negative when pole A dominates, positive when pole B does. */
export function leaning(a: number, b: number): number {
	return (b - a) / maxRating;
}
