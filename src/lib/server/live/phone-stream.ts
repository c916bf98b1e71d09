import { error, type Cookies } from '@sveltejs/kit';
import type { Session } from '$lib/server/db/sessions';
import { currentParticipant } from '$lib/server/sessions/participation';
import { m } from '$lib/paraglide/messages';
import { streamSlot } from './stream-slots';
import { liveStream } from './stream';

/** The live stream of a session for a phone, within the bounds on open streams. */
export function phoneStream(
	session: Session,
	event: { cookies: Cookies; getClientAddress(): string; request: Request }
): Response {
	const participant = currentParticipant(session, event.cookies);
	const close = streamSlot(session.id, { participant: participant?.id, address: event.getClientAddress() });
	if (!close) throw error(429, m.stream_error_too_many());
	return liveStream(session.id, session.version, event.request.signal, { counts: false, onClose: close });
}
