import { hub } from './hub';

const countsInterval = 250;
const pending = new Map<
	number,
	{ timer: ReturnType<typeof setTimeout>; compute: () => { version: number; counts: Record<string, number> } }
>();

/** Tells every client of a session that its state changed (stage, phase, reveal…). */
export function publishState(sessionId: number, version: number): void {
	hub().publish(sessionId, { type: 'state', version });
}

/**
 * Tells clients the live counts, at most four times a second per session: a burst of answers
 * becomes one event carrying the counts as they are when it leaves.
 */
export function publishCounts(
	sessionId: number,
	compute: () => { version: number; counts: Record<string, number> }
): void {
	const waiting = pending.get(sessionId);
	if (waiting) {
		waiting.compute = compute;
		return;
	}
	const entry = {
		compute,
		timer: setTimeout(() => {
			pending.delete(sessionId);
			if (hub().listenerCount(sessionId) === 0) return;
			hub().publish(sessionId, { type: 'counts', ...entry.compute() });
		}, countsInterval)
	};
	pending.set(sessionId, entry);
}
