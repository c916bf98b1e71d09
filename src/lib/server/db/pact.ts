import type { ClauseState, MeasureStatus, PactPart, PartyKind, RoundSummary } from '$lib/pact/pact';
import { sql, transaction } from './connection';

export interface GroupProfile {
	spaceKind: string;
	territory: string;
	publicPact: boolean;
	publicSlug: string | null;
}

export interface Party {
	id: number;
	name: string;
	kind: PartyKind;
}

export interface Measure {
	id: number;
	clauseId: number;
	text: string;
	status: MeasureStatus;
	note: string;
}

export interface Clause {
	id: number;
	part: PactPart;
	position: number;
	text: string;
	libraryId: string | null;
	credit: string;
	partyId: number | null;
	state: ClauseState;
	disagreement: string;
	tally: RoundSummary | null;
}

/** A group's profile: its kind of space, territory and public page. */
export function groupProfile(groupId: number): GroupProfile {
	const row = sql(
		`SELECT space_kind AS spaceKind, territory, public_pact AS publicPact, public_slug AS publicSlug
		 FROM groups WHERE id = ?`
	).get(groupId) as (Omit<GroupProfile, 'publicPact'> & { publicPact: number }) | undefined;
	return row
		? { ...row, publicPact: row.publicPact === 1 }
		: { spaceKind: '', territory: '', publicPact: false, publicSlug: null };
}

/** Changes a group's kind of space and territory. */
export function updateGroupProfile(groupId: number, fields: { spaceKind: string; territory: string }): void {
	sql('UPDATE groups SET space_kind = ?, territory = ? WHERE id = ?').run(fields.spaceKind, fields.territory, groupId);
}

/** Turns the public page on or off; the address, once drawn, is kept. */
export function setPublicPact(groupId: number, on: boolean, slug: string): void {
	sql('UPDATE groups SET public_pact = ?, public_slug = COALESCE(public_slug, ?) WHERE id = ?').run(
		on ? 1 : 0,
		slug,
		groupId
	);
}

/** The group whose public page has this address, only while the page is on. */
export function findPublicGroup(slug: string): { id: number; name: string } | undefined {
	return sql('SELECT id, name FROM groups WHERE public_slug = ? AND public_pact = 1').get(slug) as
		{ id: number; name: string } | undefined;
}

/** A group's parties in order. */
export function listParties(groupId: number): Party[] {
	return sql('SELECT id, name, kind FROM parties WHERE group_id = ? ORDER BY position, id').all(groupId) as Party[];
}

/** Adds a party at the end; returns its id. */
export function addParty(groupId: number, name: string, kind: PartyKind): number {
	return Number(
		sql(
			`INSERT INTO parties (group_id, position, name, kind)
			 VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM parties WHERE group_id = ?), ?, ?)`
		).run(groupId, groupId, name, kind).lastInsertRowid
	);
}

/** Renames a party or changes its kind; false when it is not the group's. */
export function updateParty(groupId: number, partyId: number, name: string, kind: PartyKind): boolean {
	return (
		sql('UPDATE parties SET name = ?, kind = ? WHERE id = ? AND group_id = ?').run(name, kind, partyId, groupId)
			.changes > 0
	);
}

/** Removes a party (its specific clauses become shared); false when it is not the group's. */
export function removeParty(groupId: number, partyId: number): boolean {
	return sql('DELETE FROM parties WHERE id = ? AND group_id = ?').run(partyId, groupId).changes > 0;
}

const clauseColumns = `id, part, position, text, library_id AS libraryId, credit, party_id AS partyId, state,
	disagreement, tally`;

function toClause(row: Omit<Clause, 'tally'> & { tally: string | null }): Clause {
	return { ...row, tally: row.tally ? (JSON.parse(row.tally) as RoundSummary) : null };
}

/** The draft's clauses, part by part, in order. */
export function listClauses(groupId: number): Clause[] {
	const rows = sql(
		`SELECT ${clauseColumns} FROM pact_clauses WHERE group_id = ?
		 ORDER BY CASE part WHEN 'perimeter' THEN 0 WHEN 'vision' THEN 1 WHEN 'rules' THEN 2 ELSE 3 END, position, id`
	).all(groupId) as (Omit<Clause, 'tally'> & { tally: string | null })[];
	return rows.map(toClause);
}

/** One clause of a group's draft. */
export function findClause(groupId: number, clauseId: number): Clause | undefined {
	const row = sql(`SELECT ${clauseColumns} FROM pact_clauses WHERE id = ? AND group_id = ?`).get(clauseId, groupId) as
		(Omit<Clause, 'tally'> & { tally: string | null }) | undefined;
	return row ? toClause(row) : undefined;
}

/** Appends a clause to a part of the draft; returns its id. */
export function addClause(
	groupId: number,
	fields: { part: PactPart; text: string; libraryId: string | null; credit: string; partyId: number | null }
): number {
	return Number(
		sql(
			`INSERT INTO pact_clauses (group_id, part, position, text, library_id, credit, party_id)
			 VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM pact_clauses WHERE group_id = ? AND part = ?), ?, ?, ?, ?)`
		).run(groupId, fields.part, groupId, fields.part, fields.text, fields.libraryId, fields.credit, fields.partyId)
			.lastInsertRowid
	);
}

/** Writes a clause's fields as given (the server layer decides its state). */
export function saveClause(
	clauseId: number,
	fields: Pick<Clause, 'text' | 'partyId' | 'state' | 'disagreement' | 'tally'>
): void {
	sql('UPDATE pact_clauses SET text = ?, party_id = ?, state = ?, disagreement = ?, tally = ? WHERE id = ?').run(
		fields.text,
		fields.partyId,
		fields.state,
		fields.disagreement,
		fields.tally ? JSON.stringify(fields.tally) : null,
		clauseId
	);
}

/** Swaps a clause with its neighbour in its part; false when there is none. */
export function moveClause(groupId: number, clauseId: number, direction: -1 | 1): boolean {
	return transaction(() => {
		const clause = findClause(groupId, clauseId);
		if (!clause) return false;
		const siblings = listClauses(groupId).filter((c) => c.part === clause.part);
		const index = siblings.findIndex((c) => c.id === clauseId);
		const neighbour = siblings[index + direction];
		if (!neighbour) return false;
		const setPosition = sql('UPDATE pact_clauses SET position = ? WHERE id = ?');
		setPosition.run(index + direction + 1, clauseId);
		setPosition.run(index + 1, neighbour.id);
		return true;
	});
}

/** Removes a clause from the draft; false when it is not the group's. */
export function removeClause(groupId: number, clauseId: number): boolean {
	return sql('DELETE FROM pact_clauses WHERE id = ? AND group_id = ?').run(clauseId, groupId).changes > 0;
}

/** The measures of a group's commitments, by clause then position. */
export function listMeasures(groupId: number): Measure[] {
	return sql(
		`SELECT m.id, m.clause_id AS clauseId, m.text, m.status, m.note FROM pact_measures m
		 JOIN pact_clauses c ON c.id = m.clause_id WHERE c.group_id = ? ORDER BY m.clause_id, m.position, m.id`
	).all(groupId) as Measure[];
}

/** Adds a measure to a clause; returns its id. */
export function addMeasure(clauseId: number, text: string, now = Date.now()): number {
	return Number(
		sql(
			`INSERT INTO pact_measures (clause_id, position, text, updated_at)
			 VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM pact_measures WHERE clause_id = ?), ?, ?)`
		).run(clauseId, clauseId, text, now).lastInsertRowid
	);
}

/** Follows up a measure of a group: its status and a note; false when it is not the group's. */
export function followMeasure(
	groupId: number,
	measureId: number,
	status: MeasureStatus,
	note: string,
	now = Date.now()
) {
	return (
		sql(
			`UPDATE pact_measures SET status = ?, note = ?, updated_at = ?
			 WHERE id = ? AND clause_id IN (SELECT id FROM pact_clauses WHERE group_id = ?)`
		).run(status, note, now, measureId, groupId).changes > 0
	);
}

/** Removes a measure of a group; false when it is not the group's. */
export function removeMeasure(groupId: number, measureId: number): boolean {
	return (
		sql('DELETE FROM pact_measures WHERE id = ? AND clause_id IN (SELECT id FROM pact_clauses WHERE group_id = ?)').run(
			measureId,
			groupId
		).changes > 0
	);
}
