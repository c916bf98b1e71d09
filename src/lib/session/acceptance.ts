import type { Activity } from '$lib/framework/types';
import type { Phase, PublishedActivity, SessionStatus } from './status';

/** What the server knows of a session when a participant sends something. */
export interface LiveState {
	status: SessionStatus;
	activity: Activity;
	phase: Phase;
	/** Activities whose figures went out. */
	published: PublishedActivity[];
}

/**
 * Whether a participant's input for an activity is taken now. The server decides, so nobody can
 * answer an activity that is not open: only the current one, while open, in a live session; late
 * reflections (feedback) are also taken while the session settles. An activity whose figures were
 * published takes nothing more, so no figure is ever re-published for a slightly different set.
 */
export function acceptsInput(state: LiveState, activity: Activity): boolean {
	if (state.status === 'settling') return activity === 'feedback';
	if (isPublished(state, activity)) return false;
	return state.status === 'live' && state.activity === activity && state.phase === 'open';
}

/** Whether an activity's figures went out (so it can no longer be opened for input). */
export function isPublished(state: Pick<LiveState, 'published'>, activity: Activity): boolean {
	return (state.published as string[]).includes(activity);
}
