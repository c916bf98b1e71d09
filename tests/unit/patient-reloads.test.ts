import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const browser = new EventTarget();
let network: ReturnType<typeof vi.fn<Fetch>>;
let page: { fetch: Fetch };
let patienceMs: number;

const ownData = 'http://localhost/j/ABCDEF/__data.json?x-sveltekit-invalidated=11';
const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const answer = (status: number) => Promise.resolve(new Response('{}', { status }));

describe('reloads of a live page through a network blip', () => {
	beforeEach(async () => {
		vi.useFakeTimers();
		vi.resetModules();
		network = vi.fn<Fetch>();
		page = { fetch: network };
		vi.stubGlobal('window', page);
		vi.stubGlobal('location', new URL('http://localhost/j/ABCDEF'));
		vi.stubGlobal('addEventListener', browser.addEventListener.bind(browser));
		vi.stubGlobal('removeEventListener', browser.removeEventListener.bind(browser));
		const patient = await import('../../src/lib/live/patient-reloads');
		patienceMs = patient.patienceMs;
		patient.waitOutBlipsOnReloads();
		patient.waitOutBlipsOnReloads();
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it("tries the page's own data again until the network answers, and hands that answer on", async () => {
		network.mockImplementationOnce(offline).mockImplementationOnce(offline);
		network.mockImplementationOnce(() => answer(200));
		const reload = page.fetch(ownData, {});
		await vi.advanceTimersByTimeAsync(500 + 1000);
		expect((await reload).status).toBe(200);
		expect(network).toHaveBeenCalledTimes(3);
	});

	it("waits out a proxy's 502 while the app restarts", async () => {
		network.mockImplementationOnce(() => answer(502)).mockImplementationOnce(() => answer(200));
		const reload = page.fetch(ownData, {});
		await vi.advanceTimersByTimeAsync(500);
		expect((await reload).status).toBe(200);
	});

	it('tries again as soon as the phone is back online', async () => {
		network.mockImplementation(offline);
		const reload = page.fetch(ownData, {});
		await vi.advanceTimersByTimeAsync(500 + 1000 + 2000);
		expect(network).toHaveBeenCalledTimes(4);
		network.mockImplementation(() => answer(200));
		browser.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(0);
		expect((await reload).status).toBe(200);
		expect(network).toHaveBeenCalledTimes(5);
	});

	it('gives up after a minute and lets the failure through', async () => {
		network.mockImplementation(offline);
		const reload = page.fetch(ownData, {});
		const failed = expect(reload).rejects.toThrow('Failed to fetch');
		await vi.advanceTimersByTimeAsync(patienceMs + 5000);
		await failed;
	});

	it('leaves alone a 404, another page, a form post and other requests', async () => {
		network.mockImplementation(() => answer(404));
		expect((await page.fetch(ownData, {})).status).toBe(404);
		network.mockImplementation(offline);
		await expect(page.fetch('http://localhost/groups/__data.json', {})).rejects.toThrow();
		await expect(page.fetch(ownData, { method: 'POST' })).rejects.toThrow();
		await expect(page.fetch('/j/ABCDEF?/checkin', { method: 'POST' })).rejects.toThrow();
		await expect(page.fetch('http://elsewhere.example/j/ABCDEF/__data.json', {})).rejects.toThrow();
		expect(network).toHaveBeenCalledTimes(5);
	});
});
