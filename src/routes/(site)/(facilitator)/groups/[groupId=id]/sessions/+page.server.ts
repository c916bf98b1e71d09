import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { listSessions } from '$lib/server/db/sessions';
import { plannedMinutes, plannedTotal } from '$lib/framework/formats';
import { sessionFormats } from '$lib/framework/types';
import { getFramework } from '$lib/server/framework';
import { createDraftSession, finalizeSettledSessions } from '$lib/server/sessions/lifecycle';
import { parseForm, readForm } from '$lib/server/validation/form';
import { sessionFields } from '$lib/server/validation/session';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = async ({ parent }) => {
	const { group } = await parent();
	finalizeSettledSessions();
	const framework = getFramework(getLocale());
	return {
		sessions: listSessions(group.id),
		today: new Date().toISOString().slice(0, 10),
		formats: sessionFormats.map((format) => ({ id: format, total: plannedTotal(framework.stages, format) })),
		stages: framework.stages.map((stage) => ({
			title: stage.title,
			minutes: Object.fromEntries(sessionFormats.map((format) => [format, plannedMinutes(stage, format)])),
			shortened: stage.shortened
		}))
	};
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
