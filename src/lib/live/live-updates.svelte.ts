import { reloadPatiently } from './patient-reloads.svelte';

const firstReopenMs = 1000;
const longestReopenMs = 30_000;

/**
 * Follows a session's live stream: reloads the page's data when the state version moves (also
 * after a reconnection that missed events) and keeps the latest live counts. Offline, it waits to
 * be back online before it reloads, and a reload that fails anyway is tried again
 * (reloadPatiently). Pages use it through followSession, below.
 */
export class LiveUpdates {
	connected = $state(true);
	counts = $state.raw<Record<string, number> | null>(null);
	/** The version the page's data shows, and the latest one the stream announced. */
	#shown = 0;
	#heard = 0;
	#reloadOnCounts: boolean;
	#spreadReloadsMs: number;
	#reloadTimer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * With reloadOnCounts, every count change also reloads the data (what the room sent so far);
	 * with spreadReloadsMs, a new state is reloaded after a random wait up to that long.
	 */
	constructor({ reloadOnCounts = false, spreadReloadsMs = 0 } = {}) {
		this.#reloadOnCounts = reloadOnCounts;
		this.#spreadReloadsMs = spreadReloadsMs;
	}

	/** The version the page's data shows now. */
	set version(version: number) {
		this.#shown = version;
		this.counts = null;
	}

	/** Opens the stream at a URL, and keeps it open; returns the function that closes it. */
	start(url: string): () => void {
		let source: EventSource;
		let reopen: ReturnType<typeof setTimeout> | undefined;
		let failures = 0;
		const open = () => {
			source = new EventSource(url);
			source.addEventListener('open', () => {
				this.connected = true;
				failures = 0;
			});
			source.addEventListener('error', () => {
				this.connected = false;
				// EventSource retries by itself after a dropped connection or a refused one, but an
				// HTTP error (a proxy's 502 while the app restarts) closes it for good: open a new one,
				// later each time, spread out so that a room of phones does not come back at once.
				if (source.readyState !== EventSource.CLOSED) return;
				const delay = Math.min(firstReopenMs * 2 ** failures++, longestReopenMs);
				reopen = setTimeout(open, delay / 2 + Math.random() * (delay / 2));
			});
			source.addEventListener('state', (event) => {
				this.#heard = (JSON.parse(event.data) as { version: number }).version;
				this.#reloadState();
			});
			source.addEventListener('counts', (event) => {
				const { counts } = JSON.parse(event.data) as { counts: Record<string, number> };
				this.counts = counts;
				if (this.#reloadOnCounts && navigator.onLine) void reloadPatiently();
			});
		};
		// The browser knows it is offline before the stream notices; back online, catch up with
		// what was announced meanwhile (the stream may not have dropped).
		const offline = () => (this.connected = false);
		const online = () => {
			this.connected = source.readyState === EventSource.OPEN;
			this.#reloadState();
		};
		addEventListener('offline', offline);
		addEventListener('online', online);
		open();
		return () => {
			removeEventListener('offline', offline);
			removeEventListener('online', online);
			clearTimeout(reopen);
			clearTimeout(this.#reloadTimer);
			source.close();
		};
	}

	#reloadState(): void {
		if (this.#heard === this.#shown) return;
		if (this.#spreadReloadsMs === 0) return this.#reloadIfOnline();
		// One reload covers every state that arrives while it waits.
		this.#reloadTimer ??= setTimeout(() => {
			this.#reloadTimer = undefined;
			this.#reloadIfOnline();
		}, Math.random() * this.#spreadReloadsMs);
	}

	#reloadIfOnline(): void {
		// Offline, the stream's reopening or the 'online' event brings the reload back.
		if (this.#heard === this.#shown || !navigator.onLine) return;
		void reloadPatiently();
	}
}

interface Follow {
	/** The stream's URL: it is opened again only when this string changes, not on each reload. */
	events: string;
	/** The state version the page's data shows. */
	version: number;
}

/**
 * A live page's one line: follows its session's stream for as long as the page is shown.
 * `follow` reads the page's data (`() => ({ events: `/j/${code}/events`, version: data.session.version })`);
 * the options are LiveUpdates'. Gives the LiveUpdates, for `connected` and `counts`.
 */
export function followSession(
	follow: () => Follow,
	options?: ConstructorParameters<typeof LiveUpdates>[0]
): LiveUpdates {
	const live = new LiveUpdates(options);
	const events = $derived(follow().events);
	$effect(() => {
		live.version = follow().version;
	});
	$effect(() => live.start(events));
	return live;
}
