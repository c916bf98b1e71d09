import { error, type Cookies } from '@sveltejs/kit';
import { findSession, type Session } from '$lib/server/db/sessions';
import { currentParticipant } from '$lib/server/sessions/participation';
import { m } from '$lib/paraglide/messages';
import { streamSlot } from './stream-slots';
import { liveStream } from './stream';

// A session's status, read at most once a second however many phones follow it.
const statuses = new Map<number, { at: number; status: Session['status'] | undefined }>();

function statusOf(sessionId: number, now = Date.now()): Session['status'] | undefined {
	const cached = statuses.get(sessionId);
	if (cached && cached.at > now - 1000) return cached.status;
	const status = findSession(sessionId)?.status;
	if (statuses.size > 10_000) statuses.clear();
	statuses.set(sessionId, { at: now, status });
	return status;
}

/**
 * The live stream of a session for a phone, within the bounds on open streams. It ends when the
 * phone may no longer follow: a live session for anybody, a settling one for its participants.
 */
export function phoneStream(
	session: Session,
	event: { cookies: Cookies; getClientAddress(): string; request: Request }
): Response {
	const participant = currentParticipant(session, event.cookies);
	const close = streamSlot(session.id, { participant: participant?.id, address: event.getClientAddress() });
	if (!close) throw error(429, m.stream_error_too_many());
	const allowed = participant
		? () => ['live', 'settling'].includes(statusOf(session.id) ?? '')
		: () => statusOf(session.id) === 'live';
	return liveStream(session.id, session.version, event.request.signal, { counts: false, allowed, onClose: close });
}
