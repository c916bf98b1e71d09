import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// What SvelteKit shows after invalidateAll(): the page again, or its error page in its place
// (page.error, page.status) when reloading the data failed.
const { page, invalidateAll, outcomes } = vi.hoisted(() => {
	const page = { url: new URL('http://localhost/j/ABCDEF'), error: null as object | null, status: 200 };
	const outcomes: (number | { to: string })[] = [];
	const invalidateAll = vi.fn(async () => {
		const next = outcomes.shift() ?? 200;
		if (typeof next === 'object') page.url = new URL(next.to);
		else Object.assign(page, { status: next, error: next >= 400 ? { message: 'x' } : null });
	});
	return { page, invalidateAll, outcomes };
});
vi.mock('$app/navigation', () => ({ invalidateAll }));
vi.mock('$app/state', () => ({ page }));

import { patienceMs, reconnecting, reloadPatiently } from '../../src/lib/live/patient-reloads.svelte';

const browser = new EventTarget();

describe('reloads of a live page through a network blip', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		invalidateAll.mockClear();
		outcomes.length = 0;
		Object.assign(page, { url: new URL('http://localhost/j/ABCDEF'), error: null, status: 200 });
		vi.stubGlobal('addEventListener', browser.addEventListener.bind(browser));
		vi.stubGlobal('removeEventListener', browser.removeEventListener.bind(browser));
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('reloads once when that works', async () => {
		await reloadPatiently();
		expect(invalidateAll).toHaveBeenCalledTimes(1);
	});

	it('reloads again while the network fails (500) or a proxy answers 502, until the page is back', async () => {
		outcomes.push(500, 502, 200);
		const done = reloadPatiently();
		await vi.advanceTimersByTimeAsync(499);
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		// Meanwhile the error page says the connection is coming back.
		expect(reconnecting.now).toBe(true);
		await vi.advanceTimersByTimeAsync(1 + 1000);
		await done;
		expect(invalidateAll).toHaveBeenCalledTimes(3);
		expect(page.error).toBeNull();
		expect(reconnecting.now).toBe(false);
	});

	it('tries again as soon as the phone is back online', async () => {
		outcomes.push(500, 500, 500);
		const done = reloadPatiently();
		await vi.advanceTimersByTimeAsync(500 + 1000);
		expect(invalidateAll).toHaveBeenCalledTimes(3);
		browser.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(0);
		await done;
		expect(invalidateAll).toHaveBeenCalledTimes(4);
	});

	it('gives up after a minute, leaving the error page', async () => {
		outcomes.push(...Array<number>(100).fill(503));
		const done = reloadPatiently();
		await vi.advanceTimersByTimeAsync(patienceMs + 5000);
		await done;
		const calls = invalidateAll.mock.calls.length;
		expect(calls).toBeGreaterThan(5);
		expect(calls).toBeLessThan(20);
		expect(page.status).toBe(503);
		// Given up: the error page is a plain one again.
		expect(reconnecting.now).toBe(false);
	});

	it('leaves alone a 404 and a page the browser left', async () => {
		outcomes.push(404);
		await reloadPatiently();
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		outcomes.push({ to: 'http://localhost/' });
		Object.assign(page, { status: 500, error: {} });
		await reloadPatiently();
		expect(invalidateAll).toHaveBeenCalledTimes(2);
	});

	it('runs one loop however many reloads are asked for meanwhile', async () => {
		outcomes.push(500, 200);
		const first = reloadPatiently();
		const second = reloadPatiently();
		expect(second).toBe(first);
		await vi.advanceTimersByTimeAsync(500);
		await first;
		expect(invalidateAll).toHaveBeenCalledTimes(2);
	});

	it('reloads once more when asked while the data was on its way, however often it was asked', async () => {
		// The session moves on (a stage closes) while an earlier reload's request is out: that
		// request's answer predates the move, so dropping the later ask would leave the page behind.
		let answer: () => void = () => {};
		invalidateAll.mockImplementationOnce(() => new Promise<void>((resolve) => (answer = resolve)));
		const first = reloadPatiently();
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		reloadPatiently();
		reloadPatiently();
		answer();
		await first;
		expect(invalidateAll).toHaveBeenCalledTimes(2);
	});

	it('stops trying again once the browser has gone to another page during the pause', async () => {
		outcomes.push(500, 500, 500);
		const done = reloadPatiently();
		await vi.advanceTimersByTimeAsync(100);
		expect(reconnecting.now).toBe(true);
		page.url = new URL('http://localhost/groups');
		await vi.advanceTimersByTimeAsync(400);
		await done;
		expect(invalidateAll).toHaveBeenCalledTimes(1);
		expect(reconnecting.now).toBe(false);
	});
});
