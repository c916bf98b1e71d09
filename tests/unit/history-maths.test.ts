import { describe, expect, it } from 'vitest';
import type { Aggregate } from '$lib/scoring/aggregate';
import { compareAggregates } from '$lib/scoring/compare';
import { findGaps, gapThreshold, overallMaturity } from '$lib/scoring/gaps';

const shown = (meanMaturity: number, sdMaturity: number, n: number): Aggregate => ({
	shown: true,
	n,
	meanMaturity,
	sdMaturity,
	meanLeaning: 0,
	distribution: [0, 0, 0, 0, n]
});

describe('comparing two sessions', () => {
	it('gives the change of the mean', () => {
		expect(compareAggregates(shown(40, 10, 20), shown(55, 10, 20))?.delta).toBe(15);
		expect(compareAggregates(shown(55, 10, 20), shown(40, 10, 20))?.delta).toBe(-15);
	});

	it('calls a change notable only beyond twice the standard error of the difference', () => {
		// SE = √(10²/20 + 10²/20) = √10 ≈ 3.16, so the bar is about 6.3 points.
		expect(compareAggregates(shown(50, 10, 20), shown(57, 10, 20))?.notable).toBe(true);
		expect(compareAggregates(shown(50, 10, 20), shown(56, 10, 20))?.notable).toBe(false);
		// The same change over three people with a wide spread is not notable.
		expect(compareAggregates(shown(50, 30, 3), shown(70, 30, 3))?.notable).toBe(false);
	});

	it('compares nothing hidden below the threshold', () => {
		expect(compareAggregates({ shown: false, n: 2 }, shown(50, 10, 5))).toBeNull();
	});
});

describe('gaps between levels', () => {
	it('points out where Je is well above Nous, and Nous above Dans, largest first', () => {
		const cells = {
			je: { a: shown(80, 5, 5), b: shown(60, 5, 5), c: shown(70, 5, 5) },
			nous: { a: shown(50, 5, 5), b: shown(55, 5, 5), c: shown(70, 5, 5) },
			dans: { a: shown(45, 5, 5), b: shown(30, 5, 5), c: { shown: false, n: 2 } as Aggregate }
		};
		expect(findGaps(cells, ['je', 'nous', 'dans'], ['a', 'b', 'c'])).toEqual([
			{ principleId: 'a', higher: 'je', lower: 'nous', difference: 30 },
			{ principleId: 'b', higher: 'nous', lower: 'dans', difference: 25 }
		]);
	});

	it('ignores differences below the threshold of the gap', () => {
		const cells = { je: { a: shown(50 + gapThreshold - 0.1, 5, 5) }, nous: { a: shown(50, 5, 5) } };
		expect(findGaps(cells, ['je', 'nous'], ['a'])).toEqual([]);
	});

	it('averages a level over its shown principles only', () => {
		expect(overallMaturity({ a: shown(40, 1, 3), b: shown(60, 1, 3), c: { shown: false, n: 1 } })).toBe(50);
		expect(overallMaturity({ c: { shown: false, n: 1 } })).toBeNull();
	});
});
