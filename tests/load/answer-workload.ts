// The answer workload, the same against Entre-deux and the baseline: every phone sends its items
// one after another, as the phone's answer queue does, with a random pause before each.
import { performance } from 'node:perf_hooks';
import { actionResult, type Client } from '../support/http-client';
import { acknowledged, sendAnswer } from '../support/room';
import { sleep } from './wait';

export interface Item {
	level: string;
	principleId: string;
}

export interface Pace {
	/** Pause before each answer, drawn uniformly between these milliseconds. */
	minPauseMs: number;
	maxPauseMs: number;
}

/** A person reading each screen: 1 to 3 s per answer, 24 answers in about 48 s. */
export const paced: Pace = { minPauseMs: 1000, maxPauseMs: 3000 };
/** As fast as the server answers: what throughput is measured with. */
export const flatOut: Pace = { minPauseMs: 0, maxPauseMs: 0 };

export interface WorkloadResult {
	sent: number;
	acknowledged: number;
	/** Milliseconds from sending to the response, for every answer acknowledged or not. */
	latencies: number[];
	/** performance.now() when each of those was sent. */
	sentAt: number[];
	/** Failed sends, by HTTP status or network error (a phone sends those again, up to 3 times). */
	errors: Record<string, number>;
	/** Phones that had every item acknowledged. */
	completePhones: number;
	durationMs: number;
	/** performance.now() of the last acknowledgement. */
	lastAckAt: number;
}

const rating = () => Math.floor(Math.random() * 5);
const timeoutMs = 30_000;
const attempts = 3;
const retryMs = 3000;
const retried = (status: string) => !/^[1-4]\d\d$/.test(status) && status !== 'refused';

/**
 * How the phones send their answers: to the answers endpoint as the phone's answer queue does
 * (the default), or to the page's form action as it did before that endpoint existed, enhanced as
 * `use:enhance` posts it (what `--via action` measures, the before of that change).
 */
export type Via = 'endpoint' | 'action';

function post(phone: Client, code: string, item: Item, via: Via) {
	if (via === 'endpoint') return sendAnswer(phone, code, item, rating(), rating(), timeoutMs);
	const fields = { ...item, a: String(rating()), b: String(rating()) };
	return phone.request(`/j/${code}?/answer`, {
		method: 'POST',
		body: new URLSearchParams(fields).toString(),
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true',
			accept: 'application/json'
		},
		timeoutMs
	});
}

/** Sends one answer; gives 'ok' when acknowledged, else the status or the network error's code. */
async function send(phone: Client, code: string, item: Item, result: WorkloadResult, via: Via): Promise<string> {
	const sentAt = performance.now();
	result.sent++;
	let status: string;
	try {
		const response = await post(phone, code, item, via);
		const ok = via === 'endpoint' ? acknowledged(response) : actionResult(response).type === 'success';
		status = ok ? 'ok' : response.status === 200 ? 'refused' : String(response.status);
	} catch (error) {
		status = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
	}
	const now = performance.now();
	result.latencies.push(now - sentAt);
	result.sentAt.push(sentAt);
	if (status === 'ok') {
		result.acknowledged++;
		result.lastAckAt = Math.max(result.lastAckAt, now);
	}
	return status;
}

/** Sends every item from every phone at the given pace; resolves when all are answered or failed. */
export async function answerAll(
	phones: readonly Client[],
	code: string,
	items: readonly Item[],
	pace: Pace,
	via: Via = 'endpoint'
) {
	const result: WorkloadResult = {
		sent: 0,
		acknowledged: 0,
		latencies: [],
		sentAt: [],
		errors: {},
		completePhones: 0,
		durationMs: 0,
		lastAckAt: 0
	};
	const pause = () => pace.minPauseMs + Math.random() * (pace.maxPauseMs - pace.minPauseMs);
	const started = performance.now();
	await Promise.all(
		phones.map(async (phone) => {
			let acknowledgedHere = 0;
			for (const item of items) {
				const wait = pause();
				if (wait > 0) await sleep(wait);
				// Like the phone's answer queue: a network failure or a 5xx is sent again.
				for (let attempt = 1; attempt <= attempts; attempt++) {
					const status = await send(phone, code, item, result, via);
					if (status === 'ok') {
						acknowledgedHere++;
						break;
					}
					result.errors[status] = (result.errors[status] ?? 0) + 1;
					if (!retried(status)) break;
					if (attempt < attempts) await sleep(retryMs);
				}
			}
			if (acknowledgedHere === items.length) result.completePhones++;
		})
	);
	result.durationMs = performance.now() - started;
	return result;
}

/** Acknowledged answers per second over the whole workload. */
export function answersPerSecond(result: WorkloadResult): number {
	return result.durationMs > 0 ? (result.acknowledged * 1000) / result.durationMs : 0;
}
