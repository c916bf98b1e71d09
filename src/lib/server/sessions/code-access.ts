import { error, type Cookies } from '@sveltejs/kit';
import type { Session } from '$lib/server/db/sessions';
import { mayLookUpCode, noteRightCode, noteWrongCode } from '$lib/server/limits/join-codes';
import { isJoinCode } from '$lib/session/join-code';
import { m } from '$lib/paraglide/messages';
import { findLiveSession } from './live-session';
import { currentParticipant } from './participation';

export type CodeLookup = { session: Session } | { refused: 'unknown' | 'tooMany' };

/**
 * The session a join code opens for this phone: a live one for anybody, a settling one only for
 * a phone that joined it (for its late reflection). Anything else is a wrong code, counted
 * against the address on every route that takes a code, so guessing stays hopeless there too.
 */
export function lookUpCode(code: string, address: string, cookies: Pick<Cookies, 'get'>, now = Date.now()): CodeLookup {
	if (!mayLookUpCode(address, code, now)) return { refused: 'tooMany' };
	const session = isJoinCode(code) ? findLiveSession(code, now) : undefined;
	if (session && (session.status === 'live' || currentParticipant(session, cookies))) {
		noteRightCode(address, code, now);
		return { session };
	}
	return { refused: noteWrongCode(address, now) ? 'tooMany' : 'unknown' };
}

/** The session of a phone's route (page, stream, action), or the 404 or 429 that says why not. */
export function sessionByCode(event: {
	params: { code: string };
	cookies: Cookies;
	getClientAddress(): string;
}): Session {
	const found = lookUpCode(event.params.code, event.getClientAddress(), event.cookies);
	if ('session' in found) return found.session;
	if (found.refused === 'tooMany') throw error(429, m.join_error_too_many());
	throw error(404, m.join_error_unknown());
}
