import type { VersionContent } from '$lib/pact/pact';
import { sql } from './connection';

export interface PactVersion {
	id: number;
	number: number;
	adoptedOn: string;
	sessionId: number | null;
	content: VersionContent;
}

export interface Signature {
	versionId: number;
	partyId: number;
	name: string;
	role: string;
	signedOn: string;
}

type Row = Omit<PactVersion, 'content'> & { content: string };
const columns = 'id, number, adopted_on AS adoptedOn, session_id AS sessionId, content';
const toVersion = (row: Row): PactVersion => ({ ...row, content: JSON.parse(row.content) as VersionContent });

/** Freezes a new version with the next number; returns its number. */
export function insertVersion(
	groupId: number,
	fields: { adoptedOn: string; sessionId: number | null; content: VersionContent },
	now = Date.now()
): number {
	const number =
		((sql('SELECT MAX(number) FROM pact_versions WHERE group_id = ?').pluck().get(groupId) as number | null) ?? 0) + 1;
	sql(
		'INSERT INTO pact_versions (group_id, number, adopted_on, session_id, content, created_at) VALUES (?, ?, ?, ?, ?, ?)'
	).run(groupId, number, fields.adoptedOn, fields.sessionId, JSON.stringify(fields.content), now);
	return number;
}

/** A group's versions, oldest first. */
export function listVersions(groupId: number): PactVersion[] {
	return (sql(`SELECT ${columns} FROM pact_versions WHERE group_id = ? ORDER BY number`).all(groupId) as Row[]).map(
		toVersion
	);
}

/** One version of a group by number. */
export function findVersion(groupId: number, number: number): PactVersion | undefined {
	const row = sql(`SELECT ${columns} FROM pact_versions WHERE group_id = ? AND number = ?`).get(groupId, number) as
		Row | undefined;
	return row ? toVersion(row) : undefined;
}

/** Records or replaces a party's signatory for a version. */
export function saveSignature(signature: Signature): void {
	sql(
		`INSERT INTO pact_signatures (version_id, party_id, name, role, signed_on) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (version_id, party_id) DO UPDATE SET name = excluded.name, role = excluded.role, signed_on = excluded.signed_on`
	).run(signature.versionId, signature.partyId, signature.name, signature.role, signature.signedOn);
}

/** Removes a party's signature from a version. */
export function removeSignature(versionId: number, partyId: number): boolean {
	return sql('DELETE FROM pact_signatures WHERE version_id = ? AND party_id = ?').run(versionId, partyId).changes > 0;
}

/** The signatures of a group's versions. */
export function listSignatures(groupId: number): Signature[] {
	return sql(
		`SELECT s.version_id AS versionId, s.party_id AS partyId, s.name, s.role, s.signed_on AS signedOn
		 FROM pact_signatures s JOIN pact_versions v ON v.id = s.version_id WHERE v.group_id = ? ORDER BY v.number, s.party_id`
	).all(groupId) as Signature[];
}
