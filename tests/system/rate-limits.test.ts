// The rate limits against the built server, all from one address (127.0.0.1) as a venue's phones
// behind one public address would be: a room of 1,000 joins within seconds, a script that keeps
// creating participants is stopped, and one address cannot try passwords on many emails.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serveRoom } from '../support/served-room';
import { actionResult, Client } from '../support/http-client';
import { facilitatorEmail, facilitatorPassword, joinRoom } from '../support/room';

const messages = (lang: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const fr = messages('fr');
const en = messages('en');

function participants(): number {
	const db = new Database(served.server.databasePath, { readonly: true });
	try {
		return db.prepare('SELECT COUNT(*) FROM participants').pluck().get() as number;
	} finally {
		db.close();
	}
}

/** Joins that many new phones, fifty at a time; returns how long it took in ms. */
async function joinMany(count: number): Promise<number> {
	const start = Date.now();
	for (let done = 0; done < count; done += 50) {
		await Promise.all(
			Array.from({ length: Math.min(50, count - done) }, () => joinRoom(served.server.url, served.room.joinCode))
		);
	}
	return Date.now() - start;
}

const served = serveRoom();

describe('joining a session from one address', () => {
	let first: Client;

	it('lets a room of 1,000 phones behind one address join within seconds', async () => {
		first = await joinRoom(served.server.url, served.room.joinCode);
		const took = await joinMany(999);
		expect(participants()).toBe(1000);
		expect(took).toBeLessThan(30_000);
	});

	it('stops a script that keeps creating participants with 429 and a clear message', async () => {
		await joinMany(1000);
		expect(participants()).toBe(2000);
		const enhanced = await new Client(served.server.url).action(`/j/${served.room.joinCode}`, 'join');
		expect(actionResult(enhanced)).toMatchObject({ type: 'failure', status: 429 });
		expect(enhanced.body).toContain(fr.join_error_too_many_joins);
		const plain = await new Client(served.server.url, { 'accept-language': 'en' }).action(
			`/j/${served.room.joinCode}`,
			'join',
			{},
			{ enhanced: false }
		);
		expect(plain.status).toBe(429);
		expect(plain.body).toContain(en.join_error_too_many_joins);
		expect(participants()).toBe(2000);
	});

	it('still lets a phone that already joined come back', async () => {
		const again = await first.action(`/j/${served.room.joinCode}`, 'join');
		expect(actionResult(again)).toMatchObject({ type: 'redirect' });
		expect(participants()).toBe(2000);
	});
});

describe('signing in from one address', () => {
	it('stops an address that tries passwords on many emails, whatever the email', async () => {
		const client = new Client(served.server.url);
		for (let i = 0; i < 50; i++) {
			const response = await client.action('/sign-in', 'default', {
				email: `personne-${i}@example.org`,
				password: 'pas le bon mot de passe'
			});
			expect(actionResult(response)).toMatchObject({ type: 'failure', status: 400 });
		}
		const blocked = await client.action('/sign-in', 'default', {
			email: facilitatorEmail,
			password: facilitatorPassword
		});
		expect(actionResult(blocked)).toMatchObject({ type: 'failure', status: 429 });
		expect(blocked.body).toContain(fr.sign_in_too_many_address);
		expect(blocked.headers['set-cookie'] ?? []).toEqual([]);
	});
});
