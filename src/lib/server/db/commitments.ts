import { sql } from './connection';

export type CommitmentStatus = 'open' | 'done' | 'carried' | 'dropped';

export interface Commitment {
	id: number;
	text: string;
	owner: string;
	dueOn: string | null;
	status: CommitmentStatus;
	sessionId: number | null;
}

const columns = 'id, text, owner, due_on AS dueOn, status, session_id AS sessionId';

/** Records a commitment the group makes during a session; returns its id. */
export function addCommitment(
	groupId: number,
	sessionId: number | null,
	fields: { text: string; owner: string; dueOn: string | null }
): number {
	const { lastInsertRowid } = sql(
		'INSERT INTO commitments (group_id, session_id, text, owner, due_on, created_at) VALUES (?, ?, ?, ?, ?, ?)'
	).run(groupId, sessionId, fields.text, fields.owner, fields.dueOn, Date.now());
	return Number(lastInsertRowid);
}

/** The commitments recorded during a session. */
export function sessionCommitments(sessionId: number): Commitment[] {
	return sql(`SELECT ${columns} FROM commitments WHERE session_id = ? ORDER BY id`).all(sessionId) as Commitment[];
}

/** Removes a commitment recorded during a session. */
export function removeCommitment(sessionId: number, id: number): boolean {
	return sql('DELETE FROM commitments WHERE id = ? AND session_id = ?').run(id, sessionId).changes > 0;
}

/** A group's commitments still to keep (open or carried over), oldest due first. */
export function listOpenCommitments(groupId: number): Commitment[] {
	return sql(
		`SELECT ${columns} FROM commitments WHERE group_id = ? AND status IN ('open', 'carried')
		 ORDER BY due_on IS NULL, due_on, id`
	).all(groupId) as Commitment[];
}

/** Marks a group's commitment done, carried over or dropped; returns false when there is none. */
export function setCommitmentStatus(groupId: number, id: number, status: CommitmentStatus): boolean {
	return sql('UPDATE commitments SET status = ? WHERE id = ? AND group_id = ?').run(status, id, groupId).changes > 0;
}

/** A group's commitments with the session they were made in, for exports. */
export function commitmentsForExport(groupId: number) {
	return sql(
		'SELECT session_id AS sessionKey, text, owner, due_on AS dueOn, status FROM commitments WHERE group_id = ? ORDER BY id'
	).all(groupId) as {
		sessionKey: number | null;
		text: string;
		owner: string;
		dueOn: string | null;
		status: CommitmentStatus;
	}[];
}
