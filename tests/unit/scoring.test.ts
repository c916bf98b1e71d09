import { describe, expect, it } from 'vitest';
import { aggregate, bandOf } from '$lib/scoring/aggregate';
import { effectiveThreshold, isShown } from '$lib/scoring/anonymity';
import { leaning, maturity, type PolePair } from '$lib/scoring/rating';

describe('one answer', () => {
	it('gives maturity √(a·b) / 4 × 100, high only when both poles are lived', () => {
		expect(maturity(4, 4)).toBe(100);
		expect(maturity(4, 0)).toBe(0);
		expect(maturity(2, 3)).toBeCloseTo(61.237, 3);
		expect(maturity(1, 1)).toBe(25);
	});

	it('gives leaning (b − a) / 4, from −1 (pole A) to +1 (pole B)', () => {
		expect(leaning(4, 0)).toBe(-1);
		expect(leaning(0, 4)).toBe(1);
		expect(leaning(3, 3)).toBe(0);
		expect(leaning(1, 2)).toBe(0.25);
	});
});

describe('the anonymity threshold', () => {
	it('is never below 3', () => {
		expect(effectiveThreshold(1)).toBe(3);
		expect(effectiveThreshold(5)).toBe(5);
		expect(isShown(2, 0)).toBe(false);
		expect(isShown(3, 3)).toBe(true);
		expect(isShown(4, 5)).toBe(false);
	});
});

describe('a group figure', () => {
	it('is the mean with population spread, mean leaning and bands, computed by hand', () => {
		const answers: PolePair[] = [
			{ a: 4, b: 4 }, // maturity 100, leaning 0
			{ a: 1, b: 1 }, // 25, 0
			{ a: 0, b: 4 } // 0, +1
		];
		const result = aggregate(answers, 3);
		expect(result.shown).toBe(true);
		if (!result.shown) return;
		expect(result.n).toBe(3);
		expect(result.meanMaturity).toBeCloseTo(125 / 3, 10);
		// Population variance: ((100−41.67)² + (25−41.67)² + (0−41.67)²) / 3
		expect(result.sdMaturity).toBeCloseTo(Math.sqrt((58.3333 ** 2 + 16.6667 ** 2 + 41.6667 ** 2) / 3), 3);
		expect(result.meanLeaning).toBeCloseTo(1 / 3, 10);
		expect(result.distribution).toEqual([1, 1, 0, 0, 1]);
	});

	it('leaves out "I can\'t say" instead of counting it as 0', () => {
		const answers: PolePair[] = [
			{ a: 4, b: 4 },
			{ a: 4, b: 4 },
			{ a: 4, b: 4 },
			{ a: null, b: 4 },
			{ a: 0, b: null }
		];
		const result = aggregate(answers, 3);
		expect(result).toMatchObject({ shown: true, n: 3, meanMaturity: 100, sdMaturity: 0 });
	});

	it('computes nothing but n for a group smaller than its threshold', () => {
		expect(
			aggregate(
				[
					{ a: 2, b: 2 },
					{ a: 3, b: 3 }
				],
				3
			)
		).toEqual({ shown: false, n: 2 });
		expect(
			aggregate(
				[
					{ a: 2, b: 2 },
					{ a: 3, b: 3 },
					{ a: null, b: 3 }
				],
				3
			)
		).toEqual({ shown: false, n: 2 });
		expect(aggregate([], 3)).toEqual({ shown: false, n: 0 });
		const four = Array.from({ length: 4 }, () => ({ a: 2, b: 2 }) as PolePair);
		expect(aggregate(four, 5)).toEqual({ shown: false, n: 4 });
	});

	it('puts 100 in the last band and band edges in the upper band', () => {
		expect(bandOf(0)).toBe(0);
		expect(bandOf(20)).toBe(1);
		expect(bandOf(79.9)).toBe(3);
		expect(bandOf(100)).toBe(4);
	});
});
