import type { Aggregate } from './aggregate';

export interface Change {
	delta: number;
	/**
	 * Whether the change is larger than the spread of both sessions would explain by chance; never
	 * where a spread is not published.
	 */
	notable: boolean;
}

/**
 * The change of a figure between two sessions. It is notable when it exceeds twice the standard
 * error of the difference of two means, √(sd₁²/n₁ + sd₂²/n₂): roughly, a chance below 5 % that two
 * groups answering alike would differ that much.
 */
export function compareAggregates(before: Aggregate, after: Aggregate): Change | null {
	if (!before.shown || !after.shown) return null;
	const delta = after.meanMaturity - before.meanMaturity;
	if (before.sdMaturity === null || after.sdMaturity === null) return { delta, notable: false };
	const standardError = Math.sqrt(before.sdMaturity ** 2 / before.n + after.sdMaturity ** 2 / after.n);
	return { delta, notable: Math.abs(delta) > 2 * standardError && Math.abs(delta) >= 1 };
}
