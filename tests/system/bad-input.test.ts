import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../messages/fr.json';
import { catalogueTexts } from '../support/catalogue';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { actionResult, Client, type HttpResponse } from '../support/http-client';
import { control, joinRoom, openRoom, openStage, type Room } from '../support/room';

let server: AppServer;
let room: Room;
let phone: Client;

beforeAll(async () => {
	server = await startServer();
	room = await openRoom(server.url);
	phone = await joinRoom(server.url, room.joinCode);
	await openStage(room, 6, 1);
});
afterAll(async () => {
	await server.stop();
	removeDatabase(server.databasePath);
});

const texts = Object.values(catalogueTexts(fr)).map((text) => text.split(/\{\w+\}/)[0]!);

/** Every string a response carries: Kit's JSON error, a failure's devalue'd data, or the page. */
function strings(response: HttpResponse): string[] {
	const json = response.json as { error?: { message?: string }; data?: string; message?: string } | undefined;
	if (!json) return [response.body];
	const data = json.data ? (JSON.parse(json.data) as unknown[]) : [];
	return [json.error?.message, json.message, ...data].filter((s): s is string => typeof s === 'string');
}

/** A 4xx (as the status or an enhanced failure's) with one of the app's French messages. */
function expectRefused(response: HttpResponse): void {
	expect(response.status, response.body.slice(0, 200)).toBeLessThan(500);
	const result = actionResult(response);
	const status = result.type === 'failure' ? result.status! : response.status;
	expect(status, response.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
	expect(status).toBeLessThan(500);
	expect(strings(response).some((s) => texts.some((text) => text.length > 3 && s.includes(text)))).toBe(true);
}

const enhanced = { 'x-sveltekit-action': 'true', accept: 'application/json' };
const post = (client: Client, path: string, body: Buffer | string, contentType?: string) =>
	client.request(path, {
		method: 'POST',
		body,
		headers: { ...enhanced, ...(contentType ? { 'content-type': contentType } : {}) }
	});
const answerPath = () => `/j/${room.joinCode}?/answer`;
const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b));

function multipart(fields: [string, Buffer][]): { body: Buffer; type: string } {
	const boundary = 'entre-deux-boundary';
	const parts = fields.map(([name, value]) =>
		Buffer.concat([
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
			value,
			Buffer.from('\r\n')
		])
	);
	return {
		body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
		type: `multipart/form-data; boundary=${boundary}`
	};
}

describe('bad bodies over HTTP', () => {
	it('refuses non-UTF-8 bytes in urlencoded and multipart answers', async () => {
		await fc.assert(
			fc.asyncProperty(bytes, fc.boolean(), async (raw, asMultipart) => {
				const fields: [string, Buffer][] = [
					['level', Buffer.from('nous')],
					['principleId', Buffer.from('place')],
					['a', raw],
					['b', Buffer.from([0xff, 0xfe])]
				];
				const { body, type } = asMultipart
					? multipart(fields)
					: {
							body: Buffer.concat(fields.flatMap(([n, v], i) => [Buffer.from(`${i ? '&' : ''}${n}=`), v])),
							type: 'application/x-www-form-urlencoded'
						};
				expectRefused(await post(phone, answerPath(), body, type));
			}),
			{ numRuns: 25 }
		);
	});

	it('refuses a malformed multipart body, a wrong or missing content type and a huge body', async () => {
		const card = `/j/${room.joinCode}?/card`;
		expectRefused(await post(phone, card, '--nope\r\nnot a part', 'multipart/form-data; boundary=nope'));
		expectRefused(await post(phone, card, '{"text":"x"}', 'application/json'));
		expectRefused(await post(phone, card, 'text=x', 'text/plain'));
		expectRefused(await post(phone, card, 'text=x'));
		// The card activity is closed, so that action answers 409 before reading; an answer reads its body.
		const huge = await post(phone, answerPath(), `a=${'a'.repeat(2_000_000)}`, 'application/x-www-form-urlencoded');
		expectRefused(huge);
	});
});

describe('forged and replayed tokens over HTTP', () => {
	it('refuses a forged participant cookie and a token replayed on another session', async () => {
		const cookie = `participant_${room.sessionId}`;
		await fc.assert(
			fc.asyncProperty(fc.stringMatching(/^[a-z0-9]{1,40}$/), async (token) => {
				const forged = new Client(server.url, { cookie: `${cookie}=${token}` });
				expectRefused(
					await forged.action(`/j/${room.joinCode}`, 'answer', { level: 'nous', principleId: 'place', a: '1', b: '2' })
				);
			}),
			{ numRuns: 10 }
		);
		const mine = phone.cookies.get(cookie)!;
		const created = await room.facilitator.action(`/groups/${room.groupId}/sessions`, 'create', {
			title: 'Autre',
			heldOn: '2026-06-21'
		});
		const otherId = Number(/(\d+)$/.exec(actionResult(created).location ?? '')?.[1]);
		const other = { ...room, sessionId: otherId, controlPath: `/groups/${room.groupId}/sessions/${otherId}` };
		await control(other, 'open');
		const code = /\/j\/([A-HJ-NP-Z2-9]{6})/.exec((await room.facilitator.get(other.controlPath)).body)![1]!;
		await openStage(other, 6, 1);
		const replay = new Client(server.url, { cookie: `participant_${otherId}=${mine}` });
		expectRefused(await replay.action(`/j/${code}`, 'answer', { level: 'nous', principleId: 'place', a: '1', b: '2' }));
	});

	it('sends a forged or signed-out auth cookie to sign in, with no data', async () => {
		const signedOut = new Client(server.url);
		signedOut.cookies.set('auth_session', room.facilitator.cookies.get('auth_session')!);
		const leaving = new Client(server.url);
		await leaving.action('/sign-in', 'default', {
			email: 'camille@example.org',
			password: 'une phrase de passe assez longue'
		});
		const token = leaving.cookies.get('auth_session')!;
		await leaving.action('/sign-out', 'default');
		for (const value of ['forged-token', token]) {
			const client = new Client(server.url, { cookie: `auth_session=${value}` });
			const page = await client.get(`/groups/${room.groupId}`);
			expect(page.status).toBe(303);
			expect(page.headers.location).toMatch(/^\/sign-in/);
			expect(page.body).not.toContain('COP locale');
		}
	});

	it('refuses an invitation link once it has been used', async () => {
		const invited = await room.facilitator.action(`/groups/${room.groupId}/members`, 'invite', { role: 'viewer' });
		const link = /\/invite\/[a-z0-9]+/.exec(invited.body)![0];
		const account = (email: string) => ({
			name: 'Lou',
			email,
			password: 'une phrase assez longue',
			passwordConfirm: 'une phrase assez longue'
		});
		expect(actionResult(await new Client(server.url).action(link, 'register', account('lou@example.org'))).type).toBe(
			'redirect'
		);
		expectRefused(await new Client(server.url).action(link, 'register', account('intrus@example.org')));
	});

	it('logged no unexpected error', () => {
		expect(server.output()).not.toMatch(/\[[0-9a-f]{8}\]/);
	});
});
