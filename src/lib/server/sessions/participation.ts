import { error, type Cookies } from '@sveltejs/kit';
import type { Activity, Framework } from '$lib/framework/types';
import { acceptsInput } from '$lib/session/acceptance';
import type { PlanStage } from '$lib/session/plan';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { createParticipant, findParticipant, type Participant } from '$lib/server/db/participants';
import { findSession, type Session } from '$lib/server/db/sessions';
import { publishCounts } from '$lib/server/live/publish';
import { m } from '$lib/paraglide/messages';
import { liveCounts } from './counts';
import { livePlan } from './live-session';

/** The cookie that makes a phone the same participant of a session after a reload. */
export function participantCookieName(sessionId: number): string {
	return `participant_${sessionId}`;
}

/**
 * The keys of a phone's check-in, consents and first name: each a hash of its token made for that
 * purpose alone. Only the phone holds the token, so no query can join these rows to one another,
 * to the participant or to their answers; the phone itself finds its own rows again.
 */
export interface PhoneKeys {
	checkin: string;
	consent: string;
	name: string;
}

// Hashed when asked for, not on every request: the answer path, the busiest, needs none of them.
function phoneKeys(token: string): PhoneKeys {
	return {
		get checkin() {
			return hashToken(`checkin:${token}`);
		},
		get consent() {
			return hashToken(`consent:${token}`);
		},
		get name() {
			return hashToken(`name:${token}`);
		}
	};
}

export type Phone = Participant & { keys: PhoneKeys };

/** The participant this browser is in a session, if it joined. */
export function currentParticipant(session: Session, cookies: Pick<Cookies, 'get'>): Phone | undefined {
	const token = cookies.get(participantCookieName(session.id));
	const participant = token ? findParticipant(session.id, hashToken(token)) : undefined;
	return participant && token ? { ...participant, keys: phoneKeys(token) } : undefined;
}

/** Makes this browser a participant of the session, once: a second join is the same participant. */
export function joinSession(session: Session, cookies: Cookies, url: URL): Participant {
	const existing = currentParticipant(session, cookies);
	if (existing) return existing;
	const token = generateToken();
	const id = createParticipant(session.id, hashToken(token));
	cookies.set(participantCookieName(session.id), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 90
	});
	return { id, sessionId: session.id, actorKind: null, cardsSent: 0 };
}

/** The participant behind the cookie, or a 403 telling the phone to join first. */
export function requireParticipant(session: Session, cookies: Pick<Cookies, 'get'>): Phone {
	const participant = currentParticipant(session, cookies);
	if (!participant) throw error(403, m.participant_error_not_joined());
	return participant;
}

/** The stage the session is at. */
export function currentStage(session: Session, plan: PlanStage[]): PlanStage | undefined {
	return plan.find((stage) => stage.position === session.stagePosition);
}

/** The current stage when it takes input for this activity now (the server decides, not the phone). */
export function acceptingStage(session: Session, plan: PlanStage[], activity: Activity): PlanStage | undefined {
	const stage = currentStage(session, plan);
	const open =
		stage &&
		acceptsInput(
			{ status: session.status, activity: stage.activity, phase: session.phase, published: session.published },
			activity
		);
	return open ? stage : undefined;
}

/** Lets the projector and control view know counts changed, coalesced; counted when sent. */
export function countsChanged(sessionId: number, framework: Framework): void {
	publishCounts(sessionId, () => {
		const session = findSession(sessionId);
		if (!session) return { version: 0, counts: {} };
		const counts = liveCounts(session, livePlan(session, framework), framework);
		return { version: session.version, counts: { ...counts } };
	});
}
