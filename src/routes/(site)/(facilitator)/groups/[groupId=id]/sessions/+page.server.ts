import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { listSessions } from '$lib/server/db/sessions';
import { getFramework } from '$lib/server/framework';
import { createDraftSession, finalizeSettledSessions } from '$lib/server/sessions/lifecycle';
import { parseForm, readForm } from '$lib/server/validation/form';
import { sessionFields } from '$lib/server/validation/session';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ parent }) => {
	const { group } = await parent();
	finalizeSettledSessions();
	return { sessions: listSessions(group.id), today: new Date().toISOString().slice(0, 10) };
};

export const actions: Actions = {
	create: async ({ locals, params, request, url }) => {
		const { group } = requireGroup(requireUser(locals, url), Number(params.groupId), 'edit');
		const parsed = parseForm(sessionFields, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message, values: parsed.values });
		const id = createDraftSession(group.id, parsed.data, getFramework(getLocale()));
		throw redirect(303, `/groups/${group.id}/sessions/${id}`);
	}
};
