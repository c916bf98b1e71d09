import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const { invalidateAll } = vi.hoisted(() => ({ invalidateAll: vi.fn(async () => {}) }));
vi.mock('$app/navigation', () => ({ invalidateAll }));
vi.mock('../../src/lib/live/patient-reloads.svelte', () => ({ reloadPatiently: () => invalidateAll() }));

import { LiveUpdates } from '../../src/lib/live/live-updates.svelte';

/** A stand-in for the browser's EventSource that the test feeds by hand. */
class FakeEventSource extends EventTarget {
	static readonly CONNECTING = 0;
	static readonly OPEN = 1;
	static readonly CLOSED = 2;
	static opened: FakeEventSource[] = [];
	readyState = FakeEventSource.CONNECTING;
	constructor(readonly url: string) {
		super();
		FakeEventSource.opened.push(this);
	}
	announce(version: number): void {
		this.readyState = FakeEventSource.OPEN;
		this.dispatchEvent(new Event('open'));
		this.dispatchEvent(new MessageEvent('state', { data: JSON.stringify({ version }) }));
	}
	drop(): void {
		this.readyState = FakeEventSource.CONNECTING;
		this.dispatchEvent(new Event('error'));
	}
	close(): void {
		this.readyState = FakeEventSource.CLOSED;
	}
}

const browser = new EventTarget();
const network = { onLine: true };

function setOnline(onLine: boolean): void {
	network.onLine = onLine;
	browser.dispatchEvent(new Event(onLine ? 'online' : 'offline'));
}

/** A phone's page that shows a version, follows the stream and spreads its reloads over 1.5 s. */
function phoneShowing(version: number) {
	const live = new LiveUpdates({ spreadReloadsMs: 1500 });
	live.version = version;
	const stop = live.start('/j/ABCDEF/events');
	return { live, stop, stream: FakeEventSource.opened.at(-1)! };
}

describe('a page following a live session', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		FakeEventSource.opened = [];
		network.onLine = true;
		invalidateAll.mockClear();
		vi.stubGlobal('EventSource', FakeEventSource);
		vi.stubGlobal('navigator', network);
		vi.stubGlobal('addEventListener', browser.addEventListener.bind(browser));
		vi.stubGlobal('removeEventListener', browser.removeEventListener.bind(browser));
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('does not reload when the stream announces the version it shows', () => {
		const { stream, stop } = phoneShowing(4);
		stream.announce(4);
		vi.advanceTimersByTime(2000);
		expect(invalidateAll).not.toHaveBeenCalled();
		stop();
	});

	it('reloads once within the spread, however many changes arrive while it waits', () => {
		const { stream, stop } = phoneShowing(4);
		stream.announce(5);
		stream.announce(6);
		expect(invalidateAll).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1500);
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		stop();
	});

	it('waits offline, says so, then reloads when the phone is back online', () => {
		const { live, stream, stop } = phoneShowing(4);
		stream.announce(5);
		setOnline(false);
		expect(live.connected).toBe(false);
		vi.advanceTimersByTime(1500);
		expect(invalidateAll).not.toHaveBeenCalled();
		setOnline(true);
		expect(live.connected).toBe(true);
		vi.advanceTimersByTime(1500);
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		stop();
	});

	it('reloads after a reconnection that missed a change, and not when it missed none', () => {
		const { live, stream, stop } = phoneShowing(4);
		stream.announce(4);
		stream.drop();
		stream.announce(5);
		vi.advanceTimersByTime(1500);
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		live.version = 5;
		stream.drop();
		stream.announce(5);
		vi.advanceTimersByTime(1500);
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		stop();
	});

	it('stops listening when the page closes the stream', () => {
		const { stream, stop } = phoneShowing(4);
		stream.announce(5);
		stop();
		setOnline(true);
		vi.advanceTimersByTime(3000);
		expect(invalidateAll).not.toHaveBeenCalled();
		expect(stream.readyState).toBe(FakeEventSource.CLOSED);
	});
});
