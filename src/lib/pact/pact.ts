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
