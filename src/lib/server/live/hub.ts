/** What a live stream tells its clients. */
export type LiveEvent =
	{ type: 'state'; version: number } | { type: 'counts'; version: number; counts: Record<string, number> };

export type Listener = (event: LiveEvent) => void;

/**
 * Publish/subscribe per session. This one lives in the process; a deployment of several
 * instances swaps it for one on PostgreSQL LISTEN/NOTIFY or Redis pub/sub.
 */
export interface Hub {
	subscribe(sessionId: number, listener: Listener): () => void;
	publish(sessionId: number, event: LiveEvent): void;
	listenerCount(sessionId: number): number;
}

class MemoryHub implements Hub {
	#listeners = new Map<number, Set<Listener>>();

	subscribe(sessionId: number, listener: Listener) {
		const set = this.#listeners.get(sessionId) ?? new Set();
		set.add(listener);
		this.#listeners.set(sessionId, set);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.#listeners.delete(sessionId);
		};
	}

	publish(sessionId: number, event: LiveEvent) {
		for (const listener of this.#listeners.get(sessionId) ?? []) listener(event);
	}

	listenerCount(sessionId: number) {
		return this.#listeners.get(sessionId)?.size ?? 0;
	}
}

// Kept on globalThis so that Vite's dev reloads do not strand open streams on an old hub.
const store = globalThis as typeof globalThis & { entreDeuxHub?: Hub };

/** The process's hub. */
export function hub(): Hub {
	store.entreDeuxHub ??= new MemoryHub();
	return store.entreDeuxHub;
}
