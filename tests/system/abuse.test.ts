// What a hostile phone or a careless host cannot break, against the built server. Each phone and
// laptop says which address it comes from (the server reads X-Forwarded-For, as behind a proxy),
// so that a troll, a venue and a script can be told apart, and bursts are sent concurrently.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { createSession, emails, invite, query, register, run, joinCode } from '../support/cast';
import { actionResult, Client, type HttpResponse } from '../support/http-client';
import { control, facilitatorEmail, facilitatorPassword, joinRoom, openRoom, type Room } from '../support/room';
import { waitUntil } from '../support/wait';
import { readFileSync } from 'node:fs';

const messages = (lang: string) =>
	JSON.parse(readFileSync(new URL(`../../messages/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const fr = messages('fr');

let server: AppServer;
let room: Room;
let nextAddress = 1;
/** A new public address (TEST-NET-3) for one more person or script. */
const newAddress = () => `203.0.113.${nextAddress++}`;
const from = (address: string) => ({ 'x-forwarded-for': address });
const count = (sql: string, ...params: unknown[]) => query<number>(server.databasePath, sql, ...params);

beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'X-Forwarded-For' } });
	room = await openRoom(server.url);
	for (const client of [room.facilitator]) Object.assign(client.extraHeaders, from(newAddress()));
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
});

/** A join code shaped right that opens no session (none of the alphabet's codes collide here). */
function wrongCode(i: number): string {
	const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
	let code = '';
	for (let n = i + 1000, k = 0; k < 6; k++, n = Math.floor(n / alphabet.length)) code += alphabet[n % alphabet.length];
	return code === room.joinCode ? 'ZZZZZZ' : code;
}

/** One way of touching a code, as each route a phone has would. */
function touch(client: Client, code: string, route: number): Promise<number> {
	switch (route % 5) {
		case 0:
			return client.get(`/j/${code}`).then((r) => r.status);
		case 1: {
			const stream = client.stream(`/j/${code}/events`, () => {});
			return stream.opened.then((status) => (stream.close(), status));
		}
		case 2:
			return client.action(`/j/${code}`, 'join', {}, { enhanced: false }).then((r) => r.status);
		case 3:
			return client.action(`/j/${code}`, 'card', { text: 'x' }, { enhanced: false }).then((r) => r.status);
		default:
			return client.action('/j', 'default', { code }, { enhanced: false }).then((r) => r.status);
	}
}

const statuses = (list: number[]) =>
	list.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

describe('join codes', () => {
	it('counts wrong codes on every route a phone has, concurrently, and stops an address at 100', async () => {
		const troll = new Client(server.url, from(newAddress()));
		const results = await Promise.all(Array.from({ length: 150 }, (_, i) => touch(troll, wrongCode(i), i)));
		expect(statuses(results)).toEqual({ 404: 100, 429: 50 });
		const refused = await troll.get(`/j/${wrongCode(999)}`);
		expect(refused.status).toBe(429);
		expect(refused.body).toContain(fr.join_error_too_many);
	});

	it('never refuses the right code to an address that a troll got limited (a venue)', async () => {
		const venue = newAddress();
		const troll = new Client(server.url, from(venue));
		await Promise.all(Array.from({ length: 120 }, (_, i) => touch(troll, wrongCode(i), 0)));
		expect((await troll.get(`/j/${wrongCode(7)}`)).status).toBe(429);
		const phone = new Client(server.url, from(venue));
		const typed = await phone.action('/j', 'default', { code: room.joinCode.toLowerCase() }, { enhanced: false });
		expect(typed.status).toBe(303);
		expect((await phone.get(`/j/${room.joinCode}`)).status).toBe(200);
		const stream = phone.stream(`/j/${room.joinCode}/events`, () => {});
		expect(await stream.opened).toBe(200);
		stream.close();
		expect(actionResult(await phone.action(`/j/${room.joinCode}`, 'join'))).toMatchObject({ type: 'redirect' });
	});

	it('takes no new participant in a settling session, and answers as for an unknown code', async () => {
		const sessionId = await createSession(room.facilitator, room.groupId, 'Séance qui décante');
		await run(room.facilitator, room.groupId, sessionId, 'open');
		const code = await joinCode(room.facilitator, room.groupId, sessionId);
		const joined = await joinRoom(server.url, code, from(newAddress()));
		await run(room.facilitator, room.groupId, sessionId, 'close');
		expect(count('SELECT status FROM sessions WHERE id = ?', sessionId)).toBe('settling');

		const stranger = new Client(server.url, from(newAddress()));
		const answers = await Promise.all([0, 1, 2, 3, 4].map((route) => touch(stranger, code, route)));
		expect(answers).toEqual([404, 404, 404, 404, 404]);
		expect(count('SELECT COUNT(*) FROM participants WHERE session_id = ?', sessionId)).toBe(1);

		expect((await joined.get(`/j/${code}`)).status).toBe(200);
		const late = await joined.action(`/j/${code}`, 'feedback', { keep: 'Le temps pris', missing: '', lived: '' });
		expect(actionResult(late)).toMatchObject({ type: 'success' });
	});

	it('when wrong codes flood the instance, an address past its limit learns nothing, but still reaches its room', async () => {
		const other = await createSession(room.facilitator, room.groupId, 'Une autre salle');
		await run(room.facilitator, room.groupId, other, 'open');
		const otherCode = await joinCode(room.facilitator, room.groupId, other);
		const venue = newAddress();
		const inRoom = await joinRoom(server.url, room.joinCode, from(venue));
		// Many addresses, each within its own limit, and the venue's troll past it.
		for (let a = 0; a < 10; a++) {
			const bot = new Client(server.url, from(newAddress()));
			await Promise.all(Array.from({ length: 100 }, (_, i) => touch(bot, wrongCode(i), 0)));
		}
		const troll = new Client(server.url, from(venue));
		await Promise.all(Array.from({ length: 110 }, (_, i) => touch(troll, wrongCode(i), 0)));
		// The troll's address cannot tell a session's code from a wrong one any more…
		expect((await troll.get(`/j/${otherCode}`)).status).toBe(429);
		expect((await troll.get(`/j/${wrongCode(3)}`)).status).toBe(429);
		// …yet the venue's phones still reach their own room, and other addresses the other one.
		expect((await inRoom.get(`/j/${room.joinCode}`)).status).toBe(200);
		const latecomer = new Client(server.url, from(venue));
		expect(actionResult(await latecomer.action(`/j/${room.joinCode}`, 'join'))).toMatchObject({ type: 'redirect' });
		expect((await new Client(server.url, from(newAddress())).get(`/j/${otherCode}`)).status).toBe(200);
	});
});

describe('redirects after signing in', () => {
	it('never leaves the site, whatever a browser would make of the path, and never fails', async () => {
		const signedIn = room.facilitator;
		const targets: [string, string][] = [
			['%2F%09%2Fevil.example%2F', '/groups'],
			['%2F%0A%2Fx', '/groups'],
			['%2F%0D%2Fevil.example', '/groups'],
			['%2F%5C%2Fevil.example', '/groups'],
			['%2F%2Fevil.example', '/groups'],
			['https%3A%2F%2Fevil.example', '/groups'],
			['%2F%00%2Fevil.example', '/groups'],
			[encodeURIComponent(`/groups/${room.groupId}?tab=1`), `/groups/${room.groupId}?tab=1`]
		];
		for (const [target, expected] of targets) {
			const response = await signedIn.get(`/sign-in?redirectTo=${target}`);
			expect(`${target} → ${response.status} ${response.headers.location}`).toBe(`${target} → 303 ${expected}`);
		}
		const fresh = new Client(server.url, from(newAddress()));
		const signIn = await fresh.request(`/sign-in?redirectTo=%2F%09%2Fevil.example%2F`, {
			method: 'POST',
			body: new URLSearchParams({ email: facilitatorEmail, password: facilitatorPassword }).toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
		});
		expect(signIn.status).toBe(303);
		expect(signIn.headers.location).toBe('/groups');
	});
});

describe('sign-in lockout under concurrent attempts', () => {
	it('counts every one of 80 concurrent wrong attempts on one email before its hash: 10 are tried', async () => {
		const email = 'personne-visee@example.org';
		const results = await Promise.all(
			Array.from({ length: 80 }, () =>
				new Client(server.url, from(newAddress())).action('/sign-in', 'default', { email, password: 'devine-moi-1234' })
			)
		);
		expect(count('SELECT COUNT(*) FROM sign_in_failures WHERE email = ?', email)).toBe(10);
		const refused = results.filter((r) => actionResult(r).status === 429).length;
		expect(refused).toBeGreaterThanOrEqual(70);
	});

	it('a burst of 40 guesses from one address, the right one last, never gets in', async () => {
		const owner = room.facilitator;
		const email = 'cible@example.org';
		await register(server.url, await invite(owner, room.groupId, 'viewer'), email);
		const attacker = new Client(server.url, from(newAddress()));
		const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? facilitatorPassword : `mauvais-essai-${i}-xyz`));
		const results = await Promise.all(
			guesses.map((password) => attacker.action('/sign-in', 'default', { email, password }))
		);
		expect(results.map((r) => actionResult(r).type)).not.toContain('redirect');
		expect(count('SELECT COUNT(*) FROM sign_in_failures WHERE email = ?', email)).toBeLessThanOrEqual(10);
		const last = results[39]!;
		expect(actionResult(last)).toMatchObject({ type: 'failure', status: 429 });
		expect(last.headers['set-cookie'] ?? []).toEqual([]);
	});
});

describe('floods from one phone', () => {
	let cardsRoom: { code: string; sessionId: number };

	beforeAll(async () => {
		const sessionId = await createSession(room.facilitator, room.groupId, 'Séance des cartes');
		await run(room.facilitator, room.groupId, sessionId, 'open');
		cardsRoom = { sessionId, code: await joinCode(room.facilitator, room.groupId, sessionId) };
	});

	it('takes one feedback from a phone in the room, even 1,000 sent at once, with a clear message', async () => {
		for (let i = 0; i < 7; i++) await run(room.facilitator, room.groupId, cardsRoom.sessionId, 'next');
		await run(room.facilitator, room.groupId, cardsRoom.sessionId, 'openActivity');
		const phone = await joinRoom(server.url, cardsRoom.code, from(newAddress()));
		const long = 'x'.repeat(1000);
		const results = await Promise.all(
			Array.from({ length: 1000 }, () =>
				phone.action(`/j/${cardsRoom.code}`, 'feedback', { keep: long, missing: long, lived: long })
			)
		);
		const types = statuses(results.map((r) => actionResult(r).status ?? 200));
		expect(types).toEqual({ 200: 1, 429: 999 });
		expect(results.find((r) => actionResult(r).status === 429)!.body).toContain('déjà envoyé votre retour');
		expect(count('SELECT COUNT(*) FROM feedback WHERE session_id = ?', cardsRoom.sessionId)).toBe(1);
		for (let i = 0; i < 3; i++) await run(room.facilitator, room.groupId, cardsRoom.sessionId, 'previous');
		await run(room.facilitator, room.groupId, cardsRoom.sessionId, 'openActivity');
	});

	it('does not give a phone that drops its cookie and joins again a new quota of cards', async () => {
		const address = newAddress();
		let accepted = 0;
		let refusal: HttpResponse | undefined;
		for (let rejoin = 0; rejoin < 6; rejoin++) {
			const phone = await joinRoom(server.url, cardsRoom.code, from(address));
			const results = await Promise.all(
				Array.from({ length: 10 }, (_, i) => phone.action(`/j/${cardsRoom.code}`, 'card', { text: `Carte ${i}` }))
			);
			accepted += results.filter((r) => actionResult(r).type === 'success').length;
			refusal ??= results.find((r) => actionResult(r).status === 429);
		}
		expect(accepted).toBe(10 + 3 * 6);
		expect(refusal!.body).toContain(fr.contribution_error_too_many_here);
		// A phone of another address is not held back by it.
		const neighbour = await joinRoom(server.url, cardsRoom.code, from(newAddress()));
		expect(actionResult(await neighbour.action(`/j/${cardsRoom.code}`, 'card', { text: 'Ma carte' }))).toMatchObject({
			type: 'success'
		});
	});

	it('lets a room of 200 phones behind one address each send its 3 cards', async () => {
		const venue = newAddress();
		const phones = await Promise.all(
			Array.from({ length: 200 }, () => joinRoom(server.url, cardsRoom.code, from(venue)))
		);
		const results = await Promise.all(
			phones.flatMap((phone) =>
				[1, 2, 3].map((i) => phone.action(`/j/${cardsRoom.code}`, 'card', { text: `Idée ${i}` }))
			)
		);
		expect(results.filter((r) => actionResult(r).type === 'success')).toHaveLength(600);
	});

	it('keeps at most 4 live streams open for one phone, with a clear message', async () => {
		const phone = await joinRoom(server.url, room.joinCode, from(newAddress()));
		const streams = Array.from({ length: 30 }, () => phone.stream(`/j/${room.joinCode}/events`, () => {}));
		const opened = await Promise.all(streams.map((s) => s.opened));
		expect(statuses(opened)).toEqual({ 200: 4, 429: 26 });
		const refused = await phone.get(`/j/${room.joinCode}/events`);
		expect(refused.status).toBe(429);
		expect(refused.body).toContain(fr.stream_error_too_many);
		for (const stream of streams) stream.close();
		await waitUntil('a stream can be opened again', async () => {
			const again = phone.stream(`/j/${room.joinCode}/events`, () => {});
			const status = await again.opened;
			again.close();
			return status === 200;
		});
	});
});

describe('live streams whose right to listen ends', () => {
	async function watch(client: Client) {
		const events: unknown[] = [];
		const stream = client.stream(`${room.controlPath}/events`, (event) => events.push(event));
		expect(await stream.opened).toBe(200);
		await waitUntil('the first state event', () => events.length > 0);
		let ended = false;
		void stream.ended.then(() => (ended = true));
		return { events, stream, ended: () => ended };
	}

	it('ends the stream of a viewer removed from the group before the next event reaches it', async () => {
		const email = 'retire@example.org';
		const viewer = await register(server.url, await invite(room.facilitator, room.groupId, 'viewer'), email);
		const watching = await watch(viewer);
		const userId = count('SELECT id FROM users WHERE email = ?', email);
		const removed = await room.facilitator.action(`/groups/${room.groupId}/members`, 'remove', {
			userId: String(userId)
		});
		expect(actionResult(removed).type).not.toBe('failure');
		const seen = watching.events.length;
		await control(room, 'next');
		await waitUntil('the stream ends', watching.ended);
		expect(watching.events.length).toBe(seen);
		await control(room, 'previous');
	});

	it('ends the stream of a browser that signed out', async () => {
		const viewer = await register(server.url, await invite(room.facilitator, room.groupId, 'viewer'), emails.viewer!);
		const watching = await watch(viewer);
		await viewer.action('/sign-out', 'default');
		const seen = watching.events.length;
		await control(room, 'next');
		await waitUntil('the stream ends', watching.ended);
		expect(watching.events.length).toBe(seen);
		await control(room, 'previous');
	});
});

describe('spreadsheet formulas in exports', () => {
	it('neutralises a session title that starts a formula in history.csv', async () => {
		const title = '=HYPERLINK("http://evil.example","clic, ici")';
		const sessionId = await createSession(room.facilitator, room.groupId, title);
		const other = await createSession(room.facilitator, room.groupId, '@SUM(1;2)');
		for (const id of [sessionId, other]) {
			await run(room.facilitator, room.groupId, id, 'open');
			await run(room.facilitator, room.groupId, id, 'close');
			await run(room.facilitator, room.groupId, id, 'finalize');
		}
		const csv = (await room.facilitator.get(`/groups/${room.groupId}/history.csv`)).body;
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""clic, ici"")"`);
		expect(csv).toContain(`"'@SUM(1;2)"`);
		expect(csv).not.toMatch(/(^|,)[=@]/m);
	});
});

describe('accounts', () => {
	const email = 'compte@example.org';
	const newPassword = 'un tout nouveau mot de passe';
	const signIn = async (password: string) => {
		const client = new Client(server.url, from(newAddress()));
		const response = await client.action('/sign-in', 'default', { email, password });
		return { client, ok: actionResult(response).type === 'redirect' };
	};
	const signedIn = async (client: Client) => (await client.get('/groups')).status === 200;

	beforeAll(async () => {
		await register(server.url, await invite(room.facilitator, room.groupId, 'viewer'), email);
	});

	it('changes a password after checking the current one, and ends the other sign-ins', async () => {
		const { client: here } = await signIn(facilitatorPassword);
		const { client: elsewhere } = await signIn(facilitatorPassword);
		const wrong = await here.action('/account', 'changePassword', {
			current: 'pas le bon mot de passe',
			password: newPassword,
			passwordConfirm: newPassword
		});
		expect(actionResult(wrong)).toMatchObject({ type: 'failure', status: 400 });
		expect(wrong.body).toContain(fr.account_error_current_password);
		expect(await signedIn(elsewhere)).toBe(true);

		const changed = await here.action('/account', 'changePassword', {
			current: facilitatorPassword,
			password: newPassword,
			passwordConfirm: newPassword
		});
		expect(actionResult(changed)).toMatchObject({ type: 'success' });
		expect(await signedIn(here)).toBe(true);
		expect(await signedIn(elsewhere)).toBe(false);
		expect((await signIn(facilitatorPassword)).ok).toBe(false);
		expect((await signIn(newPassword)).ok).toBe(true);
	});

	it('lists the active sign-ins, ends one, and signs out everywhere', async () => {
		const { client: here } = await signIn(newPassword);
		const { client: other } = await signIn(newPassword);
		const userId = count('SELECT id FROM users WHERE email = ?', email);
		const active = () => count('SELECT COUNT(*) FROM auth_sessions WHERE user_id = ?', userId);
		const page = await here.get('/account');
		expect(page.status).toBe(200);
		const ids = [...page.body.matchAll(/name="id" value="([0-9a-f]{64})"/g)].map((match) => match[1]!);
		expect(ids).toHaveLength(active() - 1);
		const otherId = query<string>(
			server.databasePath,
			'SELECT id FROM auth_sessions WHERE user_id = ? ORDER BY created_at DESC LIMIT 1',
			userId
		);
		expect(ids).toContain(otherId);
		const ended = await here.action('/account', 'signOutOne', { id: otherId });
		expect(actionResult(ended)).toMatchObject({ type: 'success' });
		expect(await signedIn(other)).toBe(false);
		expect(await signedIn(here)).toBe(true);

		const { client: third } = await signIn(newPassword);
		const everywhere = await here.action('/account', 'signOutEverywhere');
		expect(actionResult(everywhere)).toMatchObject({ type: 'redirect', location: '/' });
		expect(await signedIn(here)).toBe(false);
		expect(await signedIn(third)).toBe(false);
		expect(active()).toBe(0);
	});

	it('ends a sign-in 90 days after it started, however often it was used', async () => {
		const { client } = await signIn(newPassword);
		expect(await signedIn(client)).toBe(true);
		const db = new Database(server.databasePath);
		try {
			const old = Date.now() - 91 * 24 * 60 * 60 * 1000;
			db.prepare('UPDATE auth_sessions SET created_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)').run(
				old,
				email
			);
		} finally {
			db.close();
		}
		expect(await signedIn(client)).toBe(false);
	});

	it('lets the host set a new password with npm run reset-password, which ends every sign-in', async () => {
		const { client } = await signIn(newPassword);
		const reset = 'remis à neuf par l’hôte';
		const result = spawnSync('npm', ['run', '-s', 'reset-password', '--', email.toUpperCase()], {
			cwd: new URL('../..', import.meta.url).pathname,
			input: `${reset}\n${reset}\n`,
			env: { ...process.env, DATABASE_PATH: server.databasePath },
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toContain(email);
		expect(await signedIn(client)).toBe(false);
		expect((await signIn(newPassword)).ok).toBe(false);
		expect((await signIn(reset)).ok).toBe(true);

		const unknown = spawnSync('npm', ['run', '-s', 'reset-password', '--', 'personne@example.org'], {
			cwd: new URL('../..', import.meta.url).pathname,
			input: '',
			env: { ...process.env, DATABASE_PATH: server.databasePath },
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(unknown.status).toBe(1);
	});

	it('never tells through an invitation whether an email already has an account', async () => {
		const token = await invite(room.facilitator, room.groupId, 'viewer');
		const client = new Client(server.url, from(newAddress()));
		const taken = await client.action(`/invite/${token}`, 'register', {
			name: 'Quelqu’un',
			email: facilitatorEmail,
			password: 'une phrase de passe inventée',
			passwordConfirm: 'une phrase de passe inventée'
		});
		expect(actionResult(taken)).toMatchObject({ type: 'failure', status: 400 });
		expect(taken.body).not.toContain(fr.error_email_taken);
		expect(taken.body).toContain(fr.invite_error_account);
		expect(taken.headers['set-cookie'] ?? []).toEqual([]);
		// The invitation is still there for its rightful person.
		expect((await client.get(`/invite/${token}`)).body).not.toContain(fr.invite_unusable);
	});
});
