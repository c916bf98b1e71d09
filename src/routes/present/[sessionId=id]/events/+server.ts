import type { RequestHandler } from './$types';
import { liveStream } from '$lib/server/live/stream';
import { sessionForMember } from '$lib/server/sessions/access';

export const GET: RequestHandler = (event) => {
	const { session } = sessionForMember(event, 'read');
	return liveStream(session.id, session.version, event.request.signal);
};
