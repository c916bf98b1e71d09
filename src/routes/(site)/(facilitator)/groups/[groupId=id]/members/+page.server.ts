import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { countOwners, listMembers, removeMember, setMemberRole } from '$lib/server/db/groups';
import { deleteInvitation, listPendingInvitations } from '$lib/server/db/invitations';
import { createInvitation } from '$lib/server/invitations';
import { parseForm, readForm } from '$lib/server/validation/form';
import { invitation, invitationRef, memberRef, memberRole } from '$lib/server/validation/group';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { group, can } = await parent();
	return {
		members: listMembers(group.id),
		invitations: can.invite ? listPendingInvitations(group.id, Date.now()) : [],
		me: locals.user?.id
	};
};

// A group keeps at least one owner: the last one can be neither demoted nor removed.
function wouldLoseLastOwner(groupId: number, userId: number): boolean {
	const target = listMembers(groupId).find((member) => member.userId === userId);
	return target?.role === 'owner' && countOwners(groupId) === 1;
}

const missing = () => fail(404, { message: m.error_item_missing() });

export const actions: Actions = {
	invite: async ({ locals, params, request, url }) => {
		const user = requireUser(locals, url);
		const { group } = requireGroup(user, Number(params.groupId), 'invite');
		const parsed = parseForm(invitation, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		const token = createInvitation(group.id, parsed.data.role, user.id);
		return { inviteLink: `${url.origin}/invite/${token}`, role: parsed.data.role as 'facilitator' | 'viewer' };
	},
	withdraw: async ({ locals, params, request, url }) => {
		const { group } = requireGroup(requireUser(locals, url), Number(params.groupId), 'invite');
		const parsed = parseForm(invitationRef, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (!deleteInvitation(group.id, parsed.data.invitationId)) return missing();
	},
	setRole: async ({ locals, params, request, url }) => {
		const { group } = requireGroup(requireUser(locals, url), Number(params.groupId), 'manageMembers');
		const parsed = parseForm(memberRole, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (parsed.data.role !== 'owner' && wouldLoseLastOwner(group.id, parsed.data.userId)) {
			return fail(400, { message: m.error_last_owner() });
		}
		if (!setMemberRole(group.id, parsed.data.userId, parsed.data.role)) return missing();
		return { saved: true };
	},
	remove: async ({ locals, params, request, url }) => {
		const { group } = requireGroup(requireUser(locals, url), Number(params.groupId), 'manageMembers');
		const parsed = parseForm(memberRef, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message });
		if (wouldLoseLastOwner(group.id, parsed.data.userId)) return fail(400, { message: m.error_last_owner() });
		if (!removeMember(group.id, parsed.data.userId)) return missing();
	}
};
