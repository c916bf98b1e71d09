import { m } from '$lib/paraglide/messages';
import type { SessionStatus } from './status';

/** Each session status in the reader's language. */
export const statusName: Record<SessionStatus, () => string> = {
	draft: () => m.session_status_draft(),
	live: () => m.session_status_live(),
	settling: () => m.session_status_settling(),
	closed: () => m.session_status_closed()
};
