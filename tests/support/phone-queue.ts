// What the phone's answer queue does with an answer the server did not acknowledge: send it again
// (after a network error or a 5xx) until it is, and give up only on a refusal.
import type { Client } from './http-client';
import { acknowledged, sendAnswer } from './room';

export type Item = { level: string; principleId: string };

/** Sends an answer until the server acknowledges it; throws on a refusal or after `attempts`. */
export async function deliver(
	phone: Client,
	joinCode: string,
	item: Item,
	a: number,
	b: number,
	{ attempts = 20, retryMs = 250 } = {}
): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		let status = 0;
		try {
			const response = await sendAnswer(phone, joinCode, item, a, b, 10_000);
			if (acknowledged(response)) return;
			status = response.status;
			if (status < 500) throw new Error(`The answer was refused: ${status} ${response.body.slice(0, 200)}`);
		} catch (error) {
			if (status !== 0 && status < 500) throw error;
		}
		if (attempt >= attempts) throw new Error(`The answer was not acknowledged after ${attempts} tries`);
		await new Promise((resolve) => setTimeout(resolve, retryMs));
	}
}
