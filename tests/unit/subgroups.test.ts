import { describe, expect, it } from 'vitest';
import { aggregate, type Aggregate } from '$lib/scoring/aggregate';
import { protectSubgroups, type Cells } from '$lib/scoring/subgroups';

const cell = (ratings: [number, number][]): Aggregate =>
	aggregate(
		ratings.map(([a, b]) => ({ a: a as 0, b: b as 0 })),
		3
	);
const one = (value: Aggregate): Cells => ({ nous: { place: value } });
const people = (count: number, rating: [number, number]) => Array.from({ length: count }, () => rating);

describe('sub-group figures', () => {
	it('hide the smallest shown kind when one person alone would be left out', () => {
		const elus = people(1, [4, 0]);
		const agents = people(3, [2, 2]);
		const associations = people(4, [3, 3]);
		const everyone = one(cell([...elus, ...agents, ...associations]));
		const protectedKinds = protectSubgroups(
			everyone,
			{ elu: one(cell(elus)), agent: one(cell(agents)), association: one(cell(associations)) },
			3
		);
		expect(protectedKinds.elu!.nous!.place).toEqual({ shown: false, n: 1 });
		expect(protectedKinds.agent!.nous!.place).toEqual({ shown: false, n: 3 });
		expect(protectedKinds.association!.nous!.place!.shown).toBe(true);
	});

	it('keep every kind when those left out are enough, or none', () => {
		const agents = people(3, [2, 2]);
		const associations = people(4, [3, 3]);
		const unnamed = people(3, [1, 4]);
		const kinds = { agent: one(cell(agents)), association: one(cell(associations)) };
		const withOthers = protectSubgroups(one(cell([...agents, ...associations, ...unnamed])), kinds, 3);
		expect(withOthers.agent!.nous!.place!.shown).toBe(true);
		expect(withOthers.association!.nous!.place!.shown).toBe(true);
		const alone = protectSubgroups(one(cell([...agents, ...associations])), kinds, 3);
		expect(alone.agent!.nous!.place!.shown).toBe(true);
	});

	it('count people without a kind among those left out', () => {
		const agents = people(3, [2, 2]);
		const associations = people(5, [3, 3]);
		const unnamed = people(2, [0, 4]);
		const result = protectSubgroups(
			one(cell([...agents, ...associations, ...unnamed])),
			{ agent: one(cell(agents)), association: one(cell(associations)) },
			3
		);
		expect(result.agent!.nous!.place).toEqual({ shown: false, n: 3 });
		expect(result.association!.nous!.place!.shown).toBe(true);
	});
});
