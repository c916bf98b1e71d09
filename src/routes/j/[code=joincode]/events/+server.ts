import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { findJoinableSession } from '$lib/server/db/sessions';
import { liveStream } from '$lib/server/live/stream';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = ({ params, request }) => {
	const session = findJoinableSession(params.code);
	if (!session) throw error(404, m.join_error_unknown());
	return liveStream(session.id, session.version, request.signal, { counts: false });
};
