import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { deleteGroup, updateGroup } from '$lib/server/db/groups';
import { parseForm, readForm } from '$lib/server/validation/form';
import { deleteConfirmation, groupFields } from '$lib/server/validation/group';
import { m } from '$lib/paraglide/messages';

export const actions: Actions = {
	update: async ({ locals, params, request, url }) => {
		const { group } = requireGroup(requireUser(locals, url), Number(params.groupId), 'edit');
		const parsed = parseForm(groupFields, await readForm(request));
		if (!parsed.success) return fail(400, { action: 'update', message: parsed.message, values: parsed.values });
		updateGroup(group.id, parsed.data);
		return { action: 'update', saved: true };
	},
	delete: async ({ locals, params, request, url }) => {
		const { group } = requireGroup(requireUser(locals, url), Number(params.groupId), 'delete');
		const parsed = parseForm(deleteConfirmation, await readForm(request));
		if (!parsed.success || parsed.data.confirmName !== group.name) {
			return fail(400, { action: 'delete', message: m.error_confirm_name() });
		}
		deleteGroup(group.id);
		throw redirect(303, '/groups');
	}
};
