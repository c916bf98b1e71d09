/**
 * When reloading the data of the page it shows fails, SvelteKit leaves that page: for the browser's
 * own offline page when the network dropped, or for an error page (a proxy's 502 while the app
 * restarts) that no longer follows the session. A live page waits the blip out instead: a reload of
 * the page's own data that fails that way is tried again, sooner when the phone is back online,
 * for up to a minute. Navigating to another page is left as it is.
 *
 * SvelteKit fetches page data with window.fetch, which it reads at each load so that it can be
 * wrapped (its development server uses its own copy, so this works in builds only).
 */
export const patienceMs = 60_000;
const transientStatuses = new Set([502, 503, 504]);
const firstRetryMs = 500;
const longestRetryMs = 5000;

let installed = false;

/** Wraps window.fetch once, so that reloads of the current page's data outlast network blips. */
export function waitOutBlipsOnReloads(): void {
	if (installed) return;
	installed = true;
	const fetchOnce = window.fetch.bind(window);
	window.fetch = async (input, init) => {
		if (!reloadsCurrentPage(input, init)) return fetchOnce(input, init);
		const giveUpAt = Date.now() + patienceMs;
		for (let attempt = 0; ; attempt++) {
			try {
				const response = await fetchOnce(input, init);
				if (!transientStatuses.has(response.status) || Date.now() >= giveUpAt) return response;
			} catch (error) {
				if (Date.now() >= giveUpAt) throw error;
			}
			await retryPause(Math.min(firstRetryMs * 2 ** attempt, longestRetryMs));
		}
	};
}

/** Whether a request loads the data of the page the browser shows now (an invalidation). */
function reloadsCurrentPage(input: RequestInfo | URL, init?: RequestInit): boolean {
	const request = input instanceof Request ? input : null;
	if ((init?.method ?? request?.method ?? 'GET') !== 'GET') return false;
	const url = new URL(request ? request.url : String(input), location.href);
	const page = location.pathname.replace(/\/$/, '');
	return url.origin === location.origin && url.pathname === `${page}/__data.json`;
}

/** Waits the given time, or less if the browser comes back online meanwhile. */
function retryPause(ms: number): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			removeEventListener('online', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		addEventListener('online', done);
	});
}
