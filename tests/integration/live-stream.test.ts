import { afterEach, describe, expect, it, vi } from 'vitest';
import { hub, type LiveEvent } from '$lib/server/live/hub';
import { publishCounts, publishState } from '$lib/server/live/publish';
import { liveStream } from '$lib/server/live/stream';

afterEach(() => vi.useRealTimers());

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string): Promise<string> {
	let received = '';
	const decoder = new TextDecoder();
	while (!received.includes(text)) {
		const { value, done } = await reader.read();
		if (done) break;
		received += decoder.decode(value);
	}
	return received;
}

describe('the live stream', () => {
	it('opens with the current version, then forwards state changes, and unsubscribes when closed', async () => {
		const abort = new AbortController();
		const response = liveStream(901, 7, abort.signal);
		expect(response.headers.get('content-type')).toContain('text/event-stream');
		const reader = response.body!.getReader();
		const opening = await readUntil(reader, 'event: state');
		expect(opening).toContain('retry: 1000');
		expect(opening).toContain('"version":7');

		publishState(901, 8);
		expect(await readUntil(reader, '"version":8')).toContain('event: state');
		expect(hub().listenerCount(901)).toBe(1);
		abort.abort();
		expect(hub().listenerCount(901)).toBe(0);
	});
});

describe("a phone's stream", () => {
	it('carries state changes but leaves out the counts, which only the projector shows', async () => {
		vi.useFakeTimers();
		const abort = new AbortController();
		const reader = liveStream(903, 1, abort.signal, { counts: false }).body!.getReader();
		const projectorAbort = new AbortController();
		const projector = liveStream(903, 1, projectorAbort.signal).body!.getReader();
		await readUntil(reader, '"version":1');
		await readUntil(projector, '"version":1');
		publishCounts(903, () => ({ version: 1, counts: { joined: 4 } }));
		vi.advanceTimersByTime(250);
		publishState(903, 2);
		expect(await readUntil(projector, '"version":2')).toContain('"joined":4');
		expect(await readUntil(reader, '"version":2')).not.toContain('counts');
		abort.abort();
		projectorAbort.abort();
	});
});

describe('count updates', () => {
	it('are coalesced to one event per quarter second, carrying the latest counts', () => {
		vi.useFakeTimers();
		const events: LiveEvent[] = [];
		const unsubscribe = hub().subscribe(902, (event) => events.push(event));
		for (let joined = 1; joined <= 50; joined++) publishCounts(902, () => ({ version: 3, counts: { joined } }));
		expect(events).toHaveLength(0);
		vi.advanceTimersByTime(250);
		expect(events).toEqual([{ type: 'counts', version: 3, counts: { joined: 50 } }]);
		for (let joined = 51; joined <= 60; joined++) publishCounts(902, () => ({ version: 3, counts: { joined } }));
		vi.advanceTimersByTime(1000);
		expect(events).toHaveLength(2);
		unsubscribe();
	});
});
