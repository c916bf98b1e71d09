import { effectiveThreshold } from './anonymity';
import type { Aggregate } from './aggregate';
import type { Cells } from './subgroups';

// Disclosure control: every figure derived from answers that someone other than the person who
// answered can see (a screen, page data, a stream event, an export) is made here, from a frozen
// set of answers, and nowhere else. The rules, in the order a figure meets them:
//
// 1. A closed set. While an activity takes input nobody gets anything about its answers but how
//    many people have finished. A questionnaire's figures are computed once, when its results are
//    frozen (the reveal, or the session's close if it never had one); the check-in's and the ground
//    rules' when their activity closes. From then on that activity takes no more input, so no
//    figure is ever published again for a set that differs from the first by a few people.
// 2. The threshold k (the group's, 5 by default, never below 3): no figure over fewer than k
//    people; a sub-group's figure (a kind of actor) is also hidden when the people it leaves out
//    of the whole are fewer than k (secondary suppression, subgroups.ts).
// 3. Coarse figures: a mean maturity to the unit, a leaning to one decimal; the spread (standard
//    deviation, to the unit) and the distribution in five bands of 20 points only from 2k people
//    up. At n = 3, exact means, spreads and histograms pin down the whole set of answers in 32 %
//    of the possible sets; these figures in 7 % (at n = 5: 8 % and 0.1 %), the sets where everyone
//    answered alike, which no figure can hide (tests/unit/disclosure.test.ts counts them).
// 4. Words and tallies: check-in words only at n >= k, shuffled once when frozen; consent tallies
//    per rule only at n >= k; the « retours » only after the close, in steps of k texts or more.
// 5. A question asked again. The one figure that may be published twice in a session is a pact
//    clause's tally, when the clause is reworded (or written again in close words, or a ground rule
//    says the same) and put to the room again. Its new tally is released only if, sorting everyone
//    who chose in any of its rounds by the rounds they chose in, each group holds at least k
//    people: else subtracting tallies would give the choices of the few who came or left.

/** The threshold a new group starts with. */
export const defaultThreshold = 5;

/** Whether a spread or a distribution may be shown over n people: only from twice the threshold up. */
export function isSpreadShown(n: number, groupThreshold: number): boolean {
	return n >= 2 * effectiveThreshold(groupThreshold);
}

/** A maturity as published: to the unit. */
export const publishedMaturity = (value: number) => Math.round(value);

/** A leaning as published: to one decimal (−0 shown as 0). */
export const publishedLeaning = (value: number) => Math.round(value * 10) / 10 || 0;

/** One cell as it may be shown: rounded, its spread and distribution only from 2k people up. */
export function publishAggregate(cell: Aggregate, groupThreshold: number): Aggregate {
	if (!cell.shown) return { shown: false, n: cell.n };
	if (cell.n < effectiveThreshold(groupThreshold)) return { shown: false, n: cell.n };
	const spread = isSpreadShown(cell.n, groupThreshold);
	return {
		shown: true,
		n: cell.n,
		meanMaturity: publishedMaturity(cell.meanMaturity),
		sdMaturity: spread && cell.sdMaturity !== null ? Math.round(cell.sdMaturity) : null,
		meanLeaning: publishedLeaning(cell.meanLeaning),
		distribution: spread && cell.distribution ? [...cell.distribution] : null
	};
}

/** Every cell of a session (level → principle) as it may be shown. */
export function publishCells(cells: Cells, groupThreshold: number): Cells {
	return Object.fromEntries(
		Object.entries(cells).map(([level, row]) => [
			level,
			Object.fromEntries(
				Object.entries(row).map(([principleId, cell]) => [principleId, publishAggregate(cell, groupThreshold)])
			)
		])
	);
}

/** The check-in as the room may see it, once it closed. */
export interface CheckinSummary {
	n: number;
	/** Mean availability (1–5) to one decimal, or null below the threshold. */
	meanAvailability: number | null;
	/** The words given, shuffled, or none when fewer than k people gave one. */
	words: string[];
}

/**
 * The check-in's figures from its closed set: the mean from k people up, the words from k words
 * up, in the order given (the caller shuffles them once, when it freezes the summary).
 */
export function summarizeCheckins(
	checkins: { availability: number; word: string }[],
	groupThreshold: number
): CheckinSummary {
	const threshold = effectiveThreshold(groupThreshold);
	const n = checkins.length;
	const words = checkins.map((checkin) => checkin.word).filter(Boolean);
	const mean = checkins.reduce((sum, checkin) => sum + checkin.availability, 0) / Math.max(1, n);
	return {
		n,
		meanAvailability: n >= threshold ? Math.round(mean * 10) / 10 : null,
		words: words.length >= threshold ? words : []
	};
}

/**
 * How many of a session's « retours » may be read once it closed, the earliest first: those of the
 * room together if they are k or more, then the late ones by whole groups of k (below k in the
 * room, they wait with the late ones). Each read then differs from the one before by none or by
 * at least k texts, so none can be matched to the person seen writing it, or to the moment it
 * arrived (and so to whoever said they would write one). The rest wait for company.
 */
export function releasableReflections(inRoom: number, late: number, groupThreshold: number): number {
	const threshold = effectiveThreshold(groupThreshold);
	if (inRoom >= threshold) return inRoom + Math.floor(late / threshold) * threshold;
	return Math.floor((inRoom + late) / threshold) * threshold;
}

export type ConsentTally = { consent: number; object: number; abstain: number };

/** One rule's tally as it may be shown: the counts from k choices up, else only n. */
export function publishTally(tally: ConsentTally, groupThreshold: number): { n: number; tally: ConsentTally | null } {
	const n = tally.consent + tally.object + tally.abstain;
	return { n, tally: n >= effectiveThreshold(groupThreshold) ? { ...tally } : null };
}

/**
 * Whether a figure may be released over a set of people when figures on the same question were
 * released before over other sets (rule 5). Sort everyone who answered any of them by the figures
 * they count in: each such group must hold at least k people. Any sum or difference of the figures
 * then gives at best a group's total, never fewer than k people's answers (two rounds: those who
 * stayed, those who left, those who came). People are named by keys made for this alone.
 */
export function mayReleaseAgain(
	current: ReadonlySet<string>,
	earlier: readonly ReadonlySet<string>[],
	groupThreshold: number
): boolean {
	if (earlier.length === 0) return true;
	const sets = [current, ...earlier];
	const groups = new Map<string, number>();
	for (const key of new Set(sets.flatMap((set) => [...set]))) {
		const membership = sets.map((set) => (set.has(key) ? '1' : '0')).join('');
		groups.set(membership, (groups.get(membership) ?? 0) + 1);
	}
	return [...groups.values()].every((size) => size >= effectiveThreshold(groupThreshold));
}
