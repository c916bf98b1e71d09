import { error, type RequestEvent } from '@sveltejs/kit';
import { findAuthSession } from '$lib/server/db/auth-sessions';
import { findGroupForUser } from '$lib/server/db/groups';
import { sessionForMember } from '$lib/server/sessions/access';
import { m } from '$lib/paraglide/messages';
import { streamSlot } from './stream-slots';
import { liveStream } from './stream';

/**
 * The live stream of a session for a signed-in member of its group (control and projector). It
 * ends as soon as that right ends: signed out (here or everywhere), or removed from the group.
 */
export function memberStream(event: RequestEvent): Response {
	const { session, user } = sessionForMember(event, 'read');
	const authSessionId = event.locals.authSession!.id;
	const close = streamSlot(session.id, { member: authSessionId });
	if (!close) throw error(429, m.stream_error_too_many());
	const allowed = () => {
		const signedIn = findAuthSession(authSessionId);
		return Boolean(signedIn && signedIn.session.expiresAt > Date.now() && findGroupForUser(session.groupId, user.id));
	};
	return liveStream(session.id, session.version, event.request.signal, { allowed, onClose: close });
}
