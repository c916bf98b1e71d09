import { describe, expect, it } from 'vitest';
import { turnstile } from '$lib/server/limits/turnstile';

/** A piece of work that runs until the test lets it finish. */
function held(log: string[], name: string) {
	let finish: (fail?: boolean) => void = () => {};
	const work = () =>
		new Promise<string>((resolve, reject) => {
			log.push(`start ${name}`);
			finish = (fail) => (fail ? reject(new Error(name)) : resolve(name));
		});
	return { work, finish: (fail?: boolean) => finish(fail) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a turnstile', () => {
	it('runs at most its limit at once, the others in the order they came', async () => {
		const log: string[] = [];
		const through = turnstile(2);
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => held(log, name)) as ReturnType<typeof held>[];
		const done = [a, b, c, d].map((piece) => through(piece!.work));
		await settle();
		expect(log).toEqual(['start a', 'start b']);
		b!.finish();
		await settle();
		expect(log).toEqual(['start a', 'start b', 'start c']);
		a!.finish();
		c!.finish();
		await settle();
		d!.finish();
		await expect(Promise.all(done)).resolves.toEqual(['a', 'b', 'c', 'd']);
	});

	it('gives the turn on when a piece of work fails', async () => {
		const log: string[] = [];
		const through = turnstile(1);
		const a = held(log, 'a');
		const b = held(log, 'b');
		const first = through(a.work);
		const second = through(b.work);
		await settle();
		a.finish(true);
		await expect(first).rejects.toThrow('a');
		await settle();
		expect(log).toEqual(['start a', 'start b']);
		b.finish();
		await expect(second).resolves.toBe('b');
		// The slot is free again.
		const c = held(log, 'c');
		const third = through(c.work);
		await settle();
		expect(log.at(-1)).toBe('start c');
		c.finish();
		await third;
	});
});
