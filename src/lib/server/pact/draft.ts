import { findLibraryClause, type PactLibrary } from '$lib/pact/library';
import type { PactPart, VersionClause, VersionContent } from '$lib/pact/pact';
import {
	addClause,
	findClause,
	groupProfile,
	listClauses,
	listMeasures,
	listParties,
	saveClause,
	type Clause
} from '$lib/server/db/pact';

/** Adds a clause of the library to the draft, in its part, with its credit; undefined when unknown. */
export function pickLibraryClause(groupId: number, library: PactLibrary, libraryId: string): number | undefined {
	const clause = findLibraryClause(library, libraryId);
	if (!clause) return undefined;
	return addClause(groupId, { part: clause.part, text: clause.text, libraryId, credit: clause.credit, partyId: null });
}

/** Adds the group's own clause to a part of the draft. */
export function addOwnClause(groupId: number, part: PactPart, text: string, partyId: number | null): number {
	return addClause(groupId, { part, text, libraryId: null, credit: '', partyId });
}

/**
 * Changes a clause's wording or party. A new wording is a new question to the room: it goes back to
 * draft and loses its tally and recorded disagreement; the same wording keeps them.
 */
export function editClause(groupId: number, clauseId: number, text: string, partyId: number | null): boolean {
	const clause = findClause(groupId, clauseId);
	if (!clause) return false;
	const reworded = clause.text !== text;
	saveClause(clauseId, {
		text,
		partyId: clause.part === 'commitments' ? partyId : null,
		state: reworded ? 'draft' : clause.state,
		disagreement: reworded ? '' : clause.disagreement,
		tally: reworded ? null : clause.tally
	});
	return true;
}

/** Keeps an objected clause as it is, with the disagreement recorded; false unless it was objected. */
export function recordDisagreement(groupId: number, clauseId: number, note: string): boolean {
	const clause = findClause(groupId, clauseId);
	if (!clause || (clause.state !== 'objected' && clause.state !== 'disagreement')) return false;
	saveClause(clauseId, { ...clause, state: 'disagreement', disagreement: note });
	return true;
}

/** The draft as a version would freeze it: profile, parties, clauses with their measures. */
export function draftContent(groupId: number): VersionContent {
	const profile = groupProfile(groupId);
	const measures = listMeasures(groupId);
	return {
		spaceKind: profile.spaceKind,
		territory: profile.territory,
		parties: listParties(groupId),
		clauses: listClauses(groupId).map((clause) => toVersionClause(clause, measures))
	};
}

function toVersionClause(clause: Clause, measures: ReturnType<typeof listMeasures>): VersionClause {
	return {
		id: clause.id,
		part: clause.part,
		text: clause.text,
		credit: clause.credit,
		libraryId: clause.libraryId,
		partyId: clause.partyId,
		state: clause.state,
		disagreement: clause.disagreement,
		tally: clause.tally,
		measures: measures.filter((m) => m.clauseId === clause.id).map(({ text, status, note }) => ({ text, status, note }))
	};
}
