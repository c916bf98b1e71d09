// The projector and the control view as their pages behave: each follows the session's stream
// and reloads its data on every event, counts included (reloadOnCounts), one reload at a time.
import { performance } from 'node:perf_hooks';
import type { Client, Stream } from '../support/http-client';
import { waitFor } from './wait';

export interface CountsSeen {
	at: number;
	responded: number;
	answering: number;
}

export interface Projector {
	stream: Stream;
	counts: CountsSeen[];
}

/** Opens a screen's stream (path + /events) and reloads its data (path + /__data.json). */
export async function followScreen(client: Client, path: string): Promise<Projector> {
	const counts: CountsSeen[] = [];
	const dataPath = `${path}/__data.json`;
	let reloading = false;
	let again = false;
	const reload = async () => {
		if (reloading) return void (again = true);
		reloading = true;
		do {
			again = false;
			await client.get(dataPath).catch(() => undefined);
		} while (again);
		reloading = false;
	};
	const stream = client.stream(`${path}/events`, (event) => {
		if (event.type === 'counts') {
			const figures = (event.data as { counts: { responded: number; answering: number } }).counts;
			counts.push({ at: performance.now(), responded: figures.responded, answering: figures.answering });
		}
		void reload();
	});
	if ((await stream.opened) !== 200) throw new Error(`${path}: the stream did not open`);
	return { stream, counts };
}

/**
 * Milliseconds from the last acknowledged answer until the projector showed every complete
 * participant as responded (0 when that event left before the last response came back), or NaN.
 */
export async function projectorLag(projector: Projector, lastAckAt: number, complete: number): Promise<number> {
	const shown = () => projector.counts.find((c) => c.responded >= complete && c.answering >= complete);
	await waitFor(() => shown() !== undefined, 5000);
	const event = shown();
	return event ? Math.max(0, event.at - lastAckAt) : NaN;
}
