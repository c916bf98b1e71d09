import { describe, expect, it } from 'vitest';
import { aggregate, bandOf } from '$lib/scoring/aggregate';
import {
	defaultThreshold,
	mayReleaseAgain,
	publishAggregate,
	publishTally,
	publishedLeaning,
	releasableReflections,
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

	it('show feedback of the room from k together, then late reflections by whole groups of k', () => {
		// Seven in the room: all seven at the close, then late ones five at a time.
		expect([0, 4, 5, 9, 10].map((late) => releasableReflections(7, late, 5))).toEqual([7, 7, 12, 12, 17]);
		// Three in the room wait for two late ones; below the floor of 3, k is 3.
		expect([0, 1, 2, 6, 7].map((late) => releasableReflections(3, late, 5))).toEqual([0, 0, 5, 5, 10]);
		expect(releasableReflections(2, 0, 1)).toBe(0);
		// Each arrival, in the room or late, shows none or at least k more than the read before.
		for (const inRoom of [0, 1, 3, 4, 6, 11]) {
			for (let late = 1; late < 30; late++) {
				const step = releasableReflections(inRoom, late, 4) - releasableReflections(inRoom, late - 1, 4);
				expect(step === 0 || step >= 4).toBe(true);
			}
			const atClose = releasableReflections(inRoom, 0, 4);
			expect(atClose === 0 || atClose >= 4).toBe(true);
		}
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
	const people = (from: number, to: number) => 'abcdefghijklmnopqrstuvwxyz'.slice(from, to).split('');

	it('is released again for the same room, or one that k people left or joined', () => {
		const first = room(...people(0, 5));
		expect(mayReleaseAgain(room(...people(0, 5)), [first], 5)).toBe(true);
		expect(mayReleaseAgain(room(...people(0, 10)), [first], 5)).toBe(true);
		expect(mayReleaseAgain(room(...people(5, 10)), [first], 5)).toBe(true);
		expect(mayReleaseAgain(room(...people(0, 3)), [], 5)).toBe(true);
	});

	it('is withheld when one to k − 1 people left, or came, since an earlier release', () => {
		const first = room(...people(0, 5));
		expect(mayReleaseAgain(room(...people(0, 4)), [first], 5)).toBe(false);
		expect(mayReleaseAgain(room(...people(0, 6)), [first], 5)).toBe(false);
		// One out and one in: the difference of the two tallies is about those two.
		expect(mayReleaseAgain(room(...people(0, 4), 'f'), [first], 5)).toBe(false);
		// k joined but one left: that one's choice shows in the difference with the others'.
		expect(mayReleaseAgain(room(...people(1, 10)), [first], 5)).toBe(false);
		// Nearly a new room, but one person in both: subtracting isolates no one yet, later rounds could.
		expect(mayReleaseAgain(room(...people(4, 9)), [first], 5)).toBe(false);
	});

	it('counts every earlier release together, not two at a time', () => {
		// k = 3, three groups of three and one more person p. Each round against each other one
		// leaves or brings at least three people, yet T3 − T1 − T2 + 2·T4 is p's choice alone.
		const [a, b, c] = [people(0, 3), people(3, 6), people(6, 9)];
		const rounds = [room(...a!, ...b!), room(...b!, ...c!), room(...a!, ...c!, 'p')];
		expect(mayReleaseAgain(rounds[1]!, [rounds[0]!], 3)).toBe(true);
		expect(mayReleaseAgain(rounds[2]!, rounds.slice(0, 2), 3)).toBe(false);
		// Without p the same rounds are safe: each group of people who chose in the same rounds holds three.
		expect(mayReleaseAgain(room(...a!, ...c!), rounds.slice(0, 2), 3)).toBe(true);
		expect(mayReleaseAgain(room(...b!), [...rounds.slice(0, 2), room(...a!, ...c!)], 3)).toBe(true);
	});

	it('never counts k below the floor of 3', () => {
		const first = room(...people(0, 6));
		expect(mayReleaseAgain(room(...people(0, 3)), [first], 1)).toBe(true);
		expect(mayReleaseAgain(room(...people(0, 4)), [first], 1)).toBe(false);
	});
});
