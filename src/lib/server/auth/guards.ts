import { error, redirect } from '@sveltejs/kit';
import { findGroupForUser } from '$lib/server/db/groups';
import type { User } from '$lib/server/db/users';
import { m } from '$lib/paraglide/messages';
import { can, type GroupAction } from './permissions';

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): User {
	if (!locals.user) {
		const back = url.pathname + url.search;
		throw redirect(303, `/sign-in?redirectTo=${encodeURIComponent(back)}`);
	}
	return locals.user;
}

/**
 * The group and the user's role, when the user may do this action. A group the user does not
 * belong to answers 404, so its existence is not revealed; a missing right answers 403.
 */
export function requireGroup(user: User, groupId: number, action: GroupAction = 'read') {
	const found = findGroupForUser(groupId, user.id);
	if (!found) throw error(404, m.error_not_found());
	if (!can(found.role, action)) throw error(403, m.error_forbidden());
	return found;
}
