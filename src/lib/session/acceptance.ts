import type { Activity } from '$lib/framework/types';
import type { Phase, SessionStatus } from './status';

/** What the server knows of a session when a participant sends something. */
export interface LiveState {
	status: SessionStatus;
	activity: Activity;
	phase: Phase;
}

/**
 * Whether a participant's input for an activity is taken now. The server decides, so nobody can
 * answer an activity that is not open: only the current one, while open, in a live session; late
 * reflections (feedback) are also taken while the session settles.
 */
export function acceptsInput(state: LiveState, activity: Activity): boolean {
	if (state.status === 'settling') return activity === 'feedback';
	return state.status === 'live' && state.activity === activity && state.phase === 'open';
}
