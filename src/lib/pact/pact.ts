import { effectiveThreshold } from '$lib/scoring/anonymity';

// The pact's vocabulary and rules (DESIGN.md: pact, party): plain data, no I/O.

export const pactParts = ['perimeter', 'vision', 'rules', 'commitments'] as const;
export type PactPart = (typeof pactParts)[number];

export const partyKinds = [
	'collectivite',
	'etat',
	'association',
	'collectif',
	'entreprise',
	'recherche',
	'autre'
] as const;
export type PartyKind = (typeof partyKinds)[number];

export const spaceKinds = [
	'commission-extra-municipale',
	'conseil-developpement',
	'conseil-alimentaire',
	'conseil-energie',
	'conseil-biodiversite',
	'groupe-cooperation',
	'autre'
] as const;
export type SpaceKind = (typeof spaceKinds)[number];

export const clauseChoices = ['consent', 'reservation', 'object'] as const;
export type ClauseChoice = (typeof clauseChoices)[number];

export const clauseStates = ['draft', 'consented', 'objected', 'disagreement'] as const;
export type ClauseState = (typeof clauseStates)[number];

export const measureStatuses = ['open', 'done', 'carried', 'dropped'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export type ClauseTally = Record<ClauseChoice, number>;

/** What the room is shown of one closed round: counts and reasons from k choices up, else only n. */
export interface RoundSummary {
	n: number;
	tally: ClauseTally | null;
	reasons: string[];
	/**
	 * Why nothing but n was released from k choices up: the clause was put to the room before in
	 * the session and too few people came or left since (disclosure.ts, rule 5).
	 */
	withheld?: 'overlap';
}

/**
 * The release of a round once it closes: nothing but n below the threshold; at or above it the
 * counts and the objections' reasons, shuffled so their order says nothing about who gave them.
 */
export function summarizeRound(
	choices: { choice: ClauseChoice; reason: string }[],
	groupThreshold: number,
	random: () => number = Math.random
): RoundSummary {
	const n = choices.length;
	if (n < effectiveThreshold(groupThreshold)) return { n, tally: null, reasons: [] };
	const tally: ClauseTally = { consent: 0, reservation: 0, object: 0 };
	for (const { choice } of choices) tally[choice] += 1;
	const reasons = choices.map((c) => c.reason.trim()).filter(Boolean);
	for (let i = reasons.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[reasons[i], reasons[j]] = [reasons[j] as string, reasons[i] as string];
	}
	return { n, tally, reasons };
}

/**
 * A wording without case, accents or punctuation, its words one space apart: « On vote, à main
 * levée. » asks what « on vote a main levee » does.
 */
export function wordingKey(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/\p{M}+/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** What tells the question a round put to the room: its clause, its clause of the library, its wording. */
export interface QuestionKey {
	clauseId: number;
	libraryId: string | null;
	wordingKey: string;
}

/** How many items (letters, words) to insert, delete or change to turn one list into the other (Levenshtein). */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const change = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
			row.push(Math.min(change, previous[j]! + 1, row[j - 1]! + 1));
		}
		previous = row;
	}
	return previous[b.length]!;
}

/** The fewest letters a wording holds to count as the same question when found inside a longer one. */
const shortestContained = 12;

/** Whether two lists differ by at most a share of the longer one's items. */
function within<T>(a: ArrayLike<T>, b: ArrayLike<T>, share: number): boolean {
	const allowed = Math.floor(Math.max(a.length, b.length) * share);
	return Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

/**
 * Whether two wordings (as keys) ask the same thing as far as their letters can tell: a quarter
 * of the letters or a third of the words changed or less (a typo, a plural, a word added or
 * swapped), or one held whole inside the other (the same clause with a sentence added). Keys
 * recorded without spaces (before words were kept apart) compare by their letters.
 */
export function closeWordings(a: string, b: string): boolean {
	const [lettersA, lettersB] = [a.replaceAll(' ', ''), b.replaceAll(' ', '')];
	if (lettersA === lettersB) return true;
	const [short, long] = lettersA.length <= lettersB.length ? [lettersA, lettersB] : [lettersB, lettersA];
	if (short.length >= shortestContained && long.includes(short)) return true;
	return within(lettersA, lettersB, 1 / 4) || within(a.split(' '), b.split(' '), 1 / 3);
}

/**
 * Whether two rounds put the same question to the room, as far as the app can tell: the same
 * clause (reworded or not), the same clause of the library, or close wordings.
 */
export function sameQuestion(a: QuestionKey, b: QuestionKey): boolean {
	return (
		a.clauseId === b.clauseId ||
		(a.libraryId !== null && a.libraryId === b.libraryId) ||
		closeWordings(a.wordingKey, b.wordingKey)
	);
}

/** A round released as n alone: the room that chose differs from an earlier one's by too few people. */
export function withheldRound(n: number): RoundSummary {
	return { n, tally: null, reasons: [], withheld: 'overlap' };
}

/** The state a clause takes from a released round: objected as soon as one person objects. */
export function stateAfterRound(summary: RoundSummary): ClauseState | null {
	if (!summary.tally) return null;
	return summary.tally.object > 0 ? 'objected' : 'consented';
}

/** Whether a round may be opened on a clause: only on a wording the room has not yet decided on. */
export function canPutToRoom(state: ClauseState): boolean {
	return state === 'draft';
}

/** Why a draft cannot be adopted, or null: every clause consented, or its disagreement recorded. */
export function adoptionBlocker(clauses: { state: ClauseState }[]): 'empty' | 'undecided' | null {
	if (clauses.length === 0) return 'empty';
	return clauses.every((c) => c.state === 'consented' || c.state === 'disagreement') ? null : 'undecided';
}

export interface VersionClause {
	id: number;
	part: PactPart;
	text: string;
	credit: string;
	libraryId: string | null;
	partyId: number | null;
	state: ClauseState;
	disagreement: string;
	tally: RoundSummary | null;
	measures: { text: string; status: MeasureStatus; note: string }[];
}

export interface VersionContent {
	spaceKind: string;
	territory: string;
	parties: { id: number; name: string; kind: PartyKind }[];
	clauses: VersionClause[];
}

export type ClauseChange =
	| { kind: 'added'; part: PactPart; after: string }
	| { kind: 'removed'; part: PactPart; before: string }
	| { kind: 'changed'; part: PactPart; before: string; after: string }
	| { kind: 'disagreement'; part: PactPart; after: string; before: string };

/**
 * What changed from one version (or draft) to another, clause by clause: a clause keeps its id
 * across versions, so a new wording is a change, not a removal and an addition.
 */
export function diffClauses(
	before: Pick<VersionClause, 'id' | 'part' | 'text' | 'disagreement'>[],
	after: Pick<VersionClause, 'id' | 'part' | 'text' | 'disagreement'>[]
): ClauseChange[] {
	const changes: ClauseChange[] = [];
	const old = new Map(before.map((c) => [c.id, c]));
	const kept = new Set<number>();
	for (const clause of after) {
		const previous = old.get(clause.id);
		if (!previous) {
			changes.push({ kind: 'added', part: clause.part, after: clause.text });
			continue;
		}
		kept.add(clause.id);
		if (previous.text !== clause.text) {
			changes.push({ kind: 'changed', part: clause.part, before: previous.text, after: clause.text });
		} else if (previous.disagreement !== clause.disagreement) {
			changes.push({
				kind: 'disagreement',
				part: clause.part,
				before: previous.disagreement,
				after: clause.disagreement
			});
		}
	}
	for (const clause of before) {
		if (!kept.has(clause.id)) changes.push({ kind: 'removed', part: clause.part, before: clause.text });
	}
	return changes.sort((a, b) => pactParts.indexOf(a.part) - pactParts.indexOf(b.part));
}
