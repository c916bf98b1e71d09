import { error, type RequestEvent } from '@sveltejs/kit';
import type { GroupAction } from '$lib/server/auth/permissions';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { findSession } from '$lib/server/db/sessions';
import { getFramework } from '$lib/server/framework';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { finalizeSettledSessions, sessionPlan } from './lifecycle';

/**
 * The session of the URL with its group, plan and framework, for a signed-in member allowed to
 * do this action; a session of a group one does not belong to answers 404, as the group does.
 */
export function sessionForMember(
	event: Pick<RequestEvent, 'locals' | 'url'> & { params: Partial<Record<string, string>> },
	action: GroupAction
) {
	const user = requireUser(event.locals, event.url);
	finalizeSettledSessions();
	const session = findSession(Number(event.params.sessionId));
	if (!session || (event.params.groupId && Number(event.params.groupId) !== session.groupId)) {
		throw error(404, m.error_not_found());
	}
	const { group, role } = requireGroup(user, session.groupId, action);
	const framework = getFramework(getLocale());
	return { user, group, role, session, framework, plan: sessionPlan(session.id, framework) };
}
