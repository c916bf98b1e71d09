import { invalidateAll } from '$app/navigation';
import { page } from '$app/state';

/**
 * How a live page reloads its data and outlasts a blip. When reloading the data of the page it
 * shows fails (the network dropped, or a proxy answered 502 while the app restarts), SvelteKit
 * shows the root error page in its place: it can, because the root layout loads nothing from the
 * server (the site's layout does), so no second request is needed to show it, and SvelteKit does not
 * fall back to loading the whole page (which offline would be the browser's own offline page, and
 * through the proxy its 502 page, neither of which follows the session any more).
 *
 * So a failed reload shows as `page.error` with a 5xx status (a network failure counts as 500), at
 * the same address: reloadPatiently then calls invalidateAll() again, which reloads that address
 * and puts the page back, after 0.5, 1, 2, 4, 5, 5… s, sooner when the browser comes back online,
 * for up to a minute, and only while the browser stays at that address. Public API only: nothing
 * wraps fetch or knows how SvelteKit names its data requests.
 */
export const patienceMs = 60_000;
const firstRetryMs = 500;
const longestRetryMs = 5000;

/**
 * Whether a reload failed and is being tried again: the error page SvelteKit shows meanwhile then
 * says the connection was lost and is coming back, rather than that something went wrong.
 */
export const reconnecting = $state({ now: false });

let running: Promise<void> | undefined;
/** A reload was asked for since the running one sent its request. */
let wanted = false;

/**
 * Reloads the page's data (invalidateAll), and again while that fails; one such loop at a time.
 * A reload asked for while one runs is not dropped: the data that one brings back may predate what
 * made the caller ask (the session moved on meanwhile), so the loop reloads once more after it,
 * however many were asked for meanwhile.
 */
export function reloadPatiently(): Promise<void> {
	wanted = true;
	running ??= (async () => {
		try {
			let giveUpAt = Date.now() + patienceMs;
			let attempt = 0;
			while (wanted) {
				wanted = false;
				const at = page.url.href;
				await invalidateAll();
				const failed = page.error && page.status >= 500 && page.url.href === at;
				reconnecting.now = Boolean(failed) && Date.now() < giveUpAt;
				if (!failed) {
					attempt = 0;
					giveUpAt = Date.now() + patienceMs;
				} else if (reconnecting.now) {
					await retryPause(Math.min(firstRetryMs * 2 ** attempt++, longestRetryMs));
					// Only while the browser stays at the address that failed: elsewhere, a 5xx is that
					// page's own and no longer a connection coming back.
					if (page.url.href === at) wanted = true;
					else reconnecting.now = false;
				}
			}
		} finally {
			running = undefined;
			reconnecting.now = false;
		}
	})();
	return running;
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
