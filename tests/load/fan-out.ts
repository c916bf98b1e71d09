// How long a state change (a stage moved, an activity opened, a timer started) takes to reach
// every open stream, and for the phones to reload what they show.
import { performance } from 'node:perf_hooks';
import { median } from './stats';
import type { Watcher } from './phones';
import { waitFor } from './wait';

export interface Reach {
	/** performance.now() of the click. */
	startedAt: number;
	/** Milliseconds from the facilitator's click until half, and all, of the streams had the event. */
	eventMedianMs: number;
	eventAllMs: number;
	/** Until every phone had reloaded its page data (NaN when the streams do not reload). */
	reloadAllMs: number;
	/** Streams that had not received it when the wait ran out. */
	missed: number;
}

const newest = (seen: Map<number, number>) => Math.max(0, ...seen.keys());

function firstAfter(seen: Map<number, number>, version: number): number | undefined {
	let first: number | undefined;
	for (const [v, at] of seen) if (v > version && (first === undefined || at < first)) first = at;
	return first;
}

/** Runs the facilitator's action and times its state event across the watchers. */
export async function timeStateChange(
	watchers: readonly Watcher[],
	act: () => Promise<void>,
	{ reloads = true, timeoutMs = 30_000 } = {}
): Promise<Reach> {
	const before = watchers.map((w) => newest(w.seenAt));
	const started = performance.now();
	await act();
	const arrived = (w: Watcher, i: number) => firstAfter(w.seenAt, before[i] as number) !== undefined;
	const reloaded = (w: Watcher, i: number) => firstAfter(w.reloadedAt, before[i] as number) !== undefined;
	await waitFor(() => watchers.every(reloads ? reloaded : arrived), timeoutMs);
	const eventTimes = watchers.flatMap((w, i) => {
		const at = firstAfter(w.seenAt, before[i] as number);
		return at === undefined ? [] : [at - started];
	});
	const reloadTimes = watchers.map((w, i) => (firstAfter(w.reloadedAt, before[i] as number) ?? NaN) - started);
	return {
		startedAt: started,
		eventMedianMs: median(eventTimes),
		eventAllMs: eventTimes.length ? Math.max(...eventTimes) : NaN,
		reloadAllMs: reloads ? Math.max(...reloadTimes) : NaN,
		missed: watchers.length - eventTimes.length
	};
}
