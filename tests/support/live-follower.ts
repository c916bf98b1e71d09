// A live stream followed the way a browser's EventSource follows it: when the connection drops or
// is refused, it connects again after the `retry` delay the server asked for (1 s).
import type { Client, LiveEvent } from './http-client';

export interface LiveFollower {
	/** Streams that opened with 200 so far (the first one, then each reconnection). */
	readonly connections: number;
	/** The latest state version this phone heard of. */
	readonly version: number;
	/** HTTP statuses other than 200 (EventSource would give up on them: there must be none). */
	readonly refusals: number[];
	close(): void;
}

/** Follows path for a phone until closed, reconnecting like EventSource. */
export function followLive(phone: Client, path: string, retryMs = 1000): LiveFollower {
	let connections = 0;
	let version = 0;
	let closed = false;
	const refusals: number[] = [];
	let current: { close(): void } | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const onEvent = (event: LiveEvent) => {
		if (event.type === 'state') version = (event.data as { version: number }).version;
	};
	const connect = () => {
		if (closed) return;
		const stream = phone.stream(path, onEvent);
		current = stream;
		void stream.opened.then((status) => {
			if (status === 200) connections++;
			else if (status !== 0) refusals.push(status);
		});
		void stream.ended.then(() => {
			if (!closed) timer = setTimeout(connect, retryMs);
		});
	};
	connect();
	return {
		get connections() {
			return connections;
		},
		get version() {
			return version;
		},
		refusals,
		close() {
			closed = true;
			clearTimeout(timer);
			current?.close();
		}
	};
}
