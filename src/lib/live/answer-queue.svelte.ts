export interface QueuedAnswer {
	level: string;
	principleId: string;
	a: string;
	b: string;
	/** This phone's order of its sends: the server keeps the newest, whatever arrives last. */
	seq?: number;
}

const retryMs = 3000;

/**
 * Answers on their way to the server. Each is kept (in memory and in localStorage) until the
 * server acknowledges it, and retried while the phone is offline, so a blip loses nothing. Every
 * answer queued is sent in one request to the answers endpoint (src/lib/server/sessions/
 * answer-endpoint.ts), so a phone back online sends its backlog at once. Each carries a sequence
 * that grows with every answer (the clock, never going back), so that an old send a proxy
 * delivers late cannot overwrite a newer one.
 */
export class AnswerQueue {
	pending = $state<Record<string, QueuedAnswer>>({});
	offline = $state(false);
	refused = $state<string | null>(null);
	#storageKey: string;
	#endpoint: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#flushing = false;
	#seq = 0;

	/** endpoint: the session's answers endpoint, `/j/CODE/answers`. */
	constructor(storageKey: string, endpoint: string) {
		this.#storageKey = storageKey;
		this.#endpoint = endpoint;
		if (typeof localStorage === 'undefined') return;
		try {
			this.pending = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
		} catch {
			this.pending = {};
		}
		for (const answer of Object.values(this.pending)) this.#seq = Math.max(this.#seq, answer.seq ?? 0);
	}

	/** Queues an answer (replacing an unsent one for the same screen) and sends it. */
	add(answer: QueuedAnswer): void {
		this.#seq = Math.max(Date.now(), this.#seq + 1);
		this.pending[`${answer.level}|${answer.principleId}`] = { ...answer, seq: this.#seq };
		this.#persist();
		void this.flush();
	}

	/** Sends every queued answer in one request; keeps them if the network did not deliver it. */
	async flush(): Promise<void> {
		if (this.#flushing) return;
		this.#flushing = true;
		clearTimeout(this.#timer);
		try {
			// Answers queued while a send is on its way go in the next one.
			while (Object.keys(this.pending).length) {
				const sent = Object.entries(this.pending);
				if ((await this.#send(sent.map(([, answer]) => answer))) === 'retry') {
					this.offline = true;
					this.#timer = setTimeout(() => void this.flush(), retryMs);
					return;
				}
				for (const [key, answer] of sent) if (this.pending[key]?.seq === answer.seq) delete this.pending[key];
				this.#persist();
			}
			this.offline = false;
		} finally {
			this.#flushing = false;
		}
	}

	async #send(answers: QueuedAnswer[]): Promise<'done' | 'retry'> {
		// Answers queued before sequences existed get one now, older than any new answer.
		const body = JSON.stringify({ answers: answers.map((answer) => ({ ...answer, seq: answer.seq ?? 0 })) });
		let response: Response;
		try {
			response = await fetch(this.#endpoint, {
				method: 'POST',
				body,
				headers: { 'content-type': 'application/json' }
			});
		} catch {
			return 'retry';
		}
		if (response.status >= 500) return 'retry';
		if (!response.ok) {
			// The server refused them for good (activity closed, bad value): say so, do not retry.
			const refusal = (await response.json().catch(() => null)) as { message?: string } | null;
			this.refused = refusal?.message ?? null;
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
