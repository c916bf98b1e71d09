/** A live session's life: prepared, running in the room, open for late reflections, final. */
export const statuses = ['draft', 'live', 'settling', 'closed'] as const;
export type SessionStatus = (typeof statuses)[number];

const next: Record<SessionStatus, SessionStatus | null> = {
	draft: 'live',
	live: 'settling',
	settling: 'closed',
	closed: null
};

/** Whether a session may go from one status to another: only forward, one step at a time. */
export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
	return next[from] === to;
}

/** Whether participants can still join through the code. */
export function isJoinable(status: SessionStatus): boolean {
	return status === 'live' || status === 'settling';
}

/** An activity's phase within the current stage. */
export type Phase = 'waiting' | 'open' | 'closed';

/** The activities whose figures are published once, from a frozen set (scoring/disclosure.ts). */
export const publishedActivities = ['checkin', 'frame', 'questionnaire'] as const;
export type PublishedActivity = (typeof publishedActivities)[number];
