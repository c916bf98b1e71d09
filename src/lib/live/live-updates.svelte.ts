import { invalidateAll } from '$app/navigation';

/**
 * Follows a session's live stream: reloads the page's data when the state version moves (also
 * after a reconnection that missed events) and keeps the latest live counts.
 */
export class LiveUpdates {
	connected = $state(true);
	counts = $state.raw<Record<string, number> | null>(null);
	#version = 0;
	#reloadOnCounts: boolean;

	/** With reloadOnCounts, every count change also reloads the data (what the room sent so far). */
	constructor({ reloadOnCounts = false } = {}) {
		this.#reloadOnCounts = reloadOnCounts;
	}

	/** The version the page's data shows now. */
	set version(version: number) {
		this.#version = version;
		this.counts = null;
	}

	/** Opens the stream at a URL; returns the function that closes it. */
	start(url: string): () => void {
		const source = new EventSource(url);
		source.addEventListener('open', () => (this.connected = true));
		source.addEventListener('error', () => (this.connected = false));
		source.addEventListener('state', (event) => {
			const { version } = JSON.parse(event.data) as { version: number };
			if (version !== this.#version) {
				this.#version = version;
				void invalidateAll();
			}
		});
		source.addEventListener('counts', (event) => {
			const { counts } = JSON.parse(event.data) as { counts: Record<string, number> };
			this.counts = counts;
			if (this.#reloadOnCounts) void invalidateAll();
		});
		return () => source.close();
	}
}
