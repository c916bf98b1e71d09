import { sql } from './connection';

export type InvitedRole = 'facilitator' | 'viewer';

export interface Invitation {
	id: string;
	groupId: number;
	groupName: string;
	role: InvitedRole;
	expiresAt: number;
	usedAt: number | null;
}

/** Stores an invitation under the hash of its token. */
export function insertInvitation(invitation: {
	id: string;
	groupId: number;
	role: InvitedRole;
	invitedBy: number;
	expiresAt: number;
}): void {
	sql(
		`INSERT INTO invitations (id, group_id, role, invited_by, created_at, expires_at)
		 VALUES (?, ?, ?, ?, ?, ?)`
	).run(invitation.id, invitation.groupId, invitation.role, invitation.invitedBy, Date.now(), invitation.expiresAt);
}

/** The invitation with this id and its group's name, or undefined. */
export function findInvitation(id: string): Invitation | undefined {
	return sql(
		`SELECT i.id, i.group_id AS groupId, g.name AS groupName, i.role, i.expires_at AS expiresAt,
		   i.used_at AS usedAt
		 FROM invitations i JOIN groups g ON g.id = i.group_id WHERE i.id = ?`
	).get(id) as Invitation | undefined;
}

/** Marks an invitation used, once: returns false when it was already used. */
export function markInvitationUsed(id: string, userId: number, at: number): boolean {
	return (
		sql('UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL').run(at, userId, id)
			.changes > 0
	);
}

/** A group's invitations that are neither used nor expired, newest first. */
export function listPendingInvitations(
	groupId: number,
	now: number
): { id: string; role: InvitedRole; expiresAt: number }[] {
	return sql(
		`SELECT id, role, expires_at AS expiresAt FROM invitations
		 WHERE group_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at DESC`
	).all(groupId, now) as { id: string; role: InvitedRole; expiresAt: number }[];
}

/** Withdraws a pending invitation of a group; false when there is none. */
export function deleteInvitation(groupId: number, id: string): boolean {
	return sql('DELETE FROM invitations WHERE id = ? AND group_id = ?').run(id, groupId).changes > 0;
}
