import type { RequestEvent } from '@sveltejs/kit';
import { sessionForMember } from '$lib/server/sessions/access';
import { liveStream } from './stream';

/** The live stream of a session for a signed-in member of its group (control and projector). */
export function memberStream(event: RequestEvent): Response {
	const { session } = sessionForMember(event, 'read');
	return liveStream(session.id, session.version, event.request.signal);
}
