import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { addMember } from '$lib/server/db/groups';
import { findInvitation, insertInvitation, markInvitationUsed, type InvitedRole } from '$lib/server/db/invitations';
import { transaction } from '$lib/server/db/connection';

export const invitationLifetime = 7 * 24 * 60 * 60 * 1000;

/** Creates a single-use invitation to a group; returns the token for the link (stored only hashed). */
export function createInvitation(groupId: number, role: InvitedRole, invitedBy: number, now = Date.now()): string {
	const token = generateToken();
	insertInvitation({ id: hashToken(token), groupId, role, invitedBy, expiresAt: now + invitationLifetime });
	return token;
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'unknown';

/** The invitation behind a link and whether it can still be used. */
export function inspectInvitation(token: string, now = Date.now()) {
	const invitation = findInvitation(hashToken(token));
	const state: InvitationState = !invitation
		? 'unknown'
		: invitation.usedAt !== null
			? 'used'
			: invitation.expiresAt <= now
				? 'expired'
				: 'valid';
	return { invitation, state };
}

/** Uses an invitation for a user, once: returns the group id, or null when it cannot be used. */
export function acceptInvitation(token: string, userId: number, now = Date.now()): number | null {
	return transaction(() => {
		const { invitation, state } = inspectInvitation(token, now);
		if (!invitation || state !== 'valid') return null;
		if (!markInvitationUsed(invitation.id, userId, now)) return null;
		addMember(invitation.groupId, userId, invitation.role);
		return invitation.groupId;
	});
}
