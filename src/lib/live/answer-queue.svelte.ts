import { deserialize } from '$app/forms';

export interface QueuedAnswer {
	level: string;
	principleId: string;
	a: string;
	b: string;
}

const retryMs = 3000;

/**
 * Answers on their way to the server. Each is kept (in memory and in localStorage) until the
 * server acknowledges it, and retried while the phone is offline, so a blip loses nothing.
 */
export class AnswerQueue {
	pending = $state<Record<string, QueuedAnswer>>({});
	offline = $state(false);
	refused = $state<string | null>(null);
	#storageKey: string;
	#actionUrl: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#flushing = false;

	constructor(storageKey: string, actionUrl: string) {
		this.#storageKey = storageKey;
		this.#actionUrl = actionUrl;
		if (typeof localStorage === 'undefined') return;
		try {
			this.pending = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
		} catch {
			this.pending = {};
		}
	}

	/** Queues an answer (replacing an unsent one for the same screen) and sends it. */
	add(answer: QueuedAnswer): void {
		this.pending[`${answer.level}|${answer.principleId}`] = answer;
		this.#persist();
		void this.flush();
	}

	/** Sends every queued answer; keeps those the network did not deliver. */
	async flush(): Promise<void> {
		if (this.#flushing) return;
		this.#flushing = true;
		clearTimeout(this.#timer);
		try {
			for (const [key, answer] of Object.entries(this.pending)) {
				const delivered = await this.#send(answer);
				if (delivered === 'retry') {
					this.offline = true;
					this.#timer = setTimeout(() => void this.flush(), retryMs);
					return;
				}
				if (this.pending[key] === answer || JSON.stringify(this.pending[key]) === JSON.stringify(answer)) {
					delete this.pending[key];
				}
				this.#persist();
			}
			this.offline = false;
		} finally {
			this.#flushing = false;
		}
	}

	async #send(answer: QueuedAnswer): Promise<'done' | 'retry'> {
		const body = new FormData();
		for (const [name, value] of Object.entries(answer)) body.set(name, value);
		let response: Response;
		try {
			response = await fetch(this.#actionUrl, {
				method: 'POST',
				body,
				headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
			});
		} catch {
			return 'retry';
		}
		if (response.status >= 500) return 'retry';
		const result = deserialize(await response.text());
		if (result.type === 'failure' || result.type === 'error') {
			// The server refused it for good (activity closed, bad value): say so, do not retry.
			const data = result.type === 'failure' ? result.data : result.error;
			this.refused = (data as { message?: string } | undefined)?.message ?? null;
		}
		return 'done';
	}

	#persist(): void {
		try {
			localStorage.setItem(this.#storageKey, JSON.stringify(this.pending));
		} catch {
			// Private browsing without storage: the queue still lives in memory.
		}
	}
}
