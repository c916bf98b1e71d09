import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { createGroup, listGroupsForUser } from '$lib/server/db/groups';
import { parseForm, readForm } from '$lib/server/validation/form';
import { groupFields } from '$lib/server/validation/group';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { groups: listGroupsForUser(user.id) };
};

export const actions: Actions = {
	create: async ({ locals, request, url }) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(groupFields, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message, values: parsed.values });
		const id = createGroup(user.id, parsed.data);
		throw redirect(303, `/groups/${id}`);
	}
};
