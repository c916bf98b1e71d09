// Phones as the participant page drives them: join by code, keep the live stream open, and
// reload the page's data whenever the state version moves (what invalidateAll does).
import { performance } from 'node:perf_hooks';
import { phoneReloadSpreadMs } from '../../src/lib/live/reload-spread';
import { Client, type Stream } from '../support/http-client';
import { joinRoom } from '../support/room';

export interface Watcher {
	stream: Stream;
	/** When each state version arrived, and when the data it triggered was reloaded. */
	seenAt: Map<number, number>;
	reloadedAt: Map<number, number>;
}

export interface Phone extends Watcher {
	client: Client;
}

/** Runs fn over the items, at most limit at a time, and keeps the results in order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** Follows a live stream; with reloadPath, reloads it on each new state version, one at a time. */
export function watch(client: Client, path: string, reloadPath?: string): Watcher {
	const seenAt = new Map<number, number>();
	const reloadedAt = new Map<number, number>();
	let latest = 0;
	let reloading = false;
	const reload = async () => {
		if (reloading || !reloadPath) return;
		reloading = true;
		try {
			while (!reloadedAt.has(latest)) {
				const version = latest;
				await client.get(reloadPath).catch(() => undefined);
				reloadedAt.set(version, performance.now());
			}
		} finally {
			reloading = false;
		}
	};
	const stream = client.stream(path, (event) => {
		if (event.type !== 'state') return;
		const { version } = event.data as { version: number };
		if (seenAt.has(version)) return;
		seenAt.set(version, performance.now());
		// The first event of a stream is the version the page already shows.
		if (seenAt.size > 1 && version > latest) {
			latest = version;
			// As the participant page does: a room spreads its reloads.
			setTimeout(() => void reload(), Math.random() * phoneReloadSpreadMs);
		} else latest = Math.max(latest, version);
	});
	return { stream, seenAt, reloadedAt };
}

/** Joins n phones to a session, a few at a time, each with its live stream open. */
export async function joinPhones(baseUrl: string, code: string, n: number, withStreams = true): Promise<Phone[]> {
	const phones = await inParallel(
		Array.from({ length: n }, (_, i) => i),
		50,
		async () => {
			const client = await joinRoom(baseUrl, code);
			const watcher = withStreams
				? watch(client, `/j/${code}/events`, `/j/${code}/__data.json`)
				: { stream: idleStream(), seenAt: new Map(), reloadedAt: new Map() };
			if ((await watcher.stream.opened) !== 200) throw new Error('A phone could not open its live stream');
			return { client, ...watcher };
		}
	);
	return phones;
}

function idleStream(): Stream {
	return { opened: Promise.resolve(200), ended: Promise.resolve(), close: () => {} };
}

/** Closes every stream. */
export function hangUp(watchers: readonly Watcher[]): void {
	for (const watcher of watchers) watcher.stream.close();
}
