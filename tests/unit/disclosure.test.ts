import { describe, expect, it } from 'vitest';
import { aggregate, bandOf } from '$lib/scoring/aggregate';
import {
	defaultThreshold,
	mayReleaseAgain,
	publishAggregate,
	publishTally,
	publishedLeaning,
	summarizeCheckins
} from '$lib/scoring/disclosure';
import { leaning, maturity, type PolePair } from '$lib/scoring/rating';

const pairs: PolePair[] = [];
for (let a = 0; a <= 4; a++) for (let b = 0; b <= 4; b++) pairs.push({ a: a as 0, b: b as 0 });

function* multisets(n: number, start = 0, chosen: PolePair[] = []): Generator<PolePair[]> {
	if (n === 0) {
		yield chosen;
		return;
	}
	for (let index = start; index < pairs.length; index++) {
		chosen.push(pairs[index]!);
		yield* multisets(n - 1, index, chosen);
		chosen.pop();
	}
}

/** The share of all sets of n answers that the given figures single out (no other set gives them). */
function pinnedShare(n: number, figures: (answers: PolePair[]) => string): number {
	const seen = new Map<string, number>();
	let total = 0;
	for (const set of multisets(n)) {
		total += 1;
		const key = figures(set);
		seen.set(key, (seen.get(key) ?? 0) + 1);
	}
	return [...seen.values()].filter((count) => count === 1).length / total;
}

const exact = (answers: PolePair[]) => {
	const values = answers.map(({ a, b }) => maturity(a!, b!));
	const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
	const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
	const lean = answers.reduce((sum, { a, b }) => sum + leaning(a!, b!), 0) / answers.length;
	const bands = [0, 0, 0, 0, 0];
	for (const value of values) bands[bandOf(value)]! += 1;
	return [mean.toFixed(9), sd.toFixed(9), lean.toFixed(9), bands.join()].join('|');
};
const published = (threshold: number) => (answers: PolePair[]) =>
	JSON.stringify(publishAggregate(aggregate(answers, threshold), threshold));

describe('published figures', () => {
	it('round the maturity to the unit and the leaning to one decimal, and give spread and bands from 2k only', () => {
		const five: PolePair[] = [
			{ a: 4, b: 3 },
			{ a: 2, b: 3 },
			{ a: 1, b: 4 },
			{ a: 3, b: 3 },
			{ a: 0, b: 2 }
		];
		const small = publishAggregate(aggregate(five, 5), 5);
		expect(small).toEqual({
			shown: true,
			n: 5,
			meanMaturity: 55,
			sdMaturity: null,
			meanLeaning: 0.3,
			distribution: null
		});
		const ten = publishAggregate(aggregate([...five, ...five], 5), 5);
		expect(ten).toMatchObject({ n: 10, meanMaturity: 55, sdMaturity: 30, distribution: [2, 0, 2, 4, 2] });
		expect(publishAggregate(aggregate(five.slice(0, 4), 5), 5)).toEqual({ shown: false, n: 4 });
		expect(publishedLeaning(-0.04)).toBe(0);
	});

	it('single out far fewer sets of answers than exact figures would (n = 3 and n = 5)', () => {
		const atThree = { exact: pinnedShare(3, exact), published: pinnedShare(3, published(3)) };
		expect(atThree.exact).toBeGreaterThan(0.3);
		expect(atThree.published).toBeLessThan(0.08);
		const atFive = { exact: pinnedShare(5, exact), published: pinnedShare(5, published(defaultThreshold)) };
		expect(atFive.exact).toBeGreaterThan(0.07);
		expect(atFive.published).toBeLessThan(0.002);
	});
});

describe('the check-in and the rules', () => {
	it('give a mean from k people and words from k words, else nothing', () => {
		const four = [1, 2, 3, 4].map((availability) => ({ availability, word: 'prêt' }));
		expect(summarizeCheckins(four, 5)).toEqual({ n: 4, meanAvailability: null, words: [] });
		const five = [...four, { availability: 5, word: '' }];
		expect(summarizeCheckins(five, 5)).toEqual({ n: 5, meanAvailability: 3, words: [] });
		const words = [...five.slice(0, 4), { availability: 5, word: 'fatigué' }];
		expect(summarizeCheckins(words, 5).words).toHaveLength(5);
	});

	it('tally a rule only from k choices up', () => {
		expect(publishTally({ consent: 2, object: 1, abstain: 1 }, 5)).toEqual({ n: 4, tally: null });
		expect(publishTally({ consent: 3, object: 1, abstain: 1 }, 5)).toEqual({
			n: 5,
			tally: { consent: 3, object: 1, abstain: 1 }
		});
	});
});

describe('a question asked again', () => {
	const room = (...keys: string[]) => new Set(keys);
	const eleven = 'abcdefghijk'.split('');

	it('is released again for the same room, or one that k people left or joined', () => {
		const first = room('a', 'b', 'c', 'd', 'e');
		expect(mayReleaseAgain(room('a', 'b', 'c', 'd', 'e'), [first], 5)).toBe(true);
		expect(mayReleaseAgain(room(...eleven.slice(0, 10)), [first], 5)).toBe(true);
		expect(mayReleaseAgain(room(...eleven.slice(5, 10)), [first], 5)).toBe(true);
		expect(mayReleaseAgain(room('a', 'b', 'c'), [], 5)).toBe(true);
	});

	it('is withheld when one to k − 1 people left, or came, since any earlier release', () => {
		const first = room('a', 'b', 'c', 'd', 'e');
		expect(mayReleaseAgain(room('a', 'b', 'c', 'd'), [first], 5)).toBe(false);
		expect(mayReleaseAgain(room('a', 'b', 'c', 'd', 'e', 'f'), [first], 5)).toBe(false);
		// One out and one in: the difference of the two tallies is still about two people.
		expect(mayReleaseAgain(room('a', 'b', 'c', 'd', 'f'), [first], 5)).toBe(false);
		// k joined but one left: that one's choice shows in the difference with the others'.
		expect(mayReleaseAgain(room('b', 'c', 'd', 'e', ...eleven.slice(5, 10)), [first], 5)).toBe(false);
		// Every earlier release counts, not only the last.
		expect(mayReleaseAgain(room('a', 'b', 'c', 'd', 'e'), [room(...eleven.slice(0, 10)), first], 5)).toBe(true);
		expect(mayReleaseAgain(room('a', 'b', 'c', 'd', 'e'), [first, room('a', 'b', 'c', 'd', 'e', 'f')], 5)).toBe(false);
	});

	it('never counts k below the floor of 3', () => {
		const first = room('a', 'b', 'c', 'd');
		expect(mayReleaseAgain(room('a'), [first], 1)).toBe(true);
		expect(mayReleaseAgain(room('a', 'b'), [first], 1)).toBe(false);
		expect(mayReleaseAgain(room('a', 'b', 'c'), [first], 1)).toBe(false);
	});
});
