// What travels between browsers and the built server, as `npm start` serves it: cross-site form
// posts are refused, cookies are httpOnly, SameSite=Lax and Secure exactly over https (behind a
// proxy that says so, or with ORIGIN=https://…), and every response carries the security headers.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { removeDatabase, startServer } from '../support/app-server';
import { serveRoom } from '../support/served-room';
import { createGroup, createSession, joinCode, query, run } from '../support/cast';
import { Client } from '../support/http-client';
import { facilitatorEmail, facilitatorPassword, joinRoom } from '../support/room';

const served = serveRoom();

/** A raw request that sends exactly these headers (no Origin unless given); resolves at its head. */
function raw(
	url: string,
	path: string,
	{ method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(new URL(path, url), { method, headers, agent: false }, (res) => {
			resolve({ status: res.statusCode ?? 0, headers: res.headers });
			req.destroy();
		});
		req.on('error', reject);
		req.end(body);
	});
}

function cookie(setCookie: string[] | undefined, name: string): string {
	const line = (setCookie ?? []).find((one) => one.startsWith(`${name}=`));
	if (!line) throw new Error(`No ${name} cookie in ${JSON.stringify(setCookie)}`);
	return line;
}

function expectCookie(line: string, secure: boolean) {
	expect(line).toMatch(/; HttpOnly/i);
	expect(line).toMatch(/; SameSite=Lax/i);
	expect(line).toMatch(/; Path=\//i);
	expect(/; Secure/i.test(line)).toBe(secure);
}

const count = (table: string) => query<number>(served.server.databasePath, `SELECT COUNT(*) FROM ${table}`);
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('cross-site form posts', () => {
	it('refuses a post from another site, or without an Origin, and changes nothing', async () => {
		const before = [count('groups'), count('participants'), count('auth_sessions')];
		const auth = `auth_session=${served.room.facilitator.cookies.get('auth_session')}`;
		const attempts = [
			{ path: '/groups?/create', body: 'name=Pirate&anonymityThreshold=3', cookie: auth },
			{ path: `/j/${served.room.joinCode}?/join`, body: '', cookie: '' },
			{ path: '/sign-in', body: `email=${facilitatorEmail}&password=${facilitatorPassword}`, cookie: '' }
		];
		for (const { path, body, cookie } of attempts) {
			for (const origin of ['http://evil.example', null]) {
				const headers = { ...form, cookie, ...(origin ? { origin } : {}) };
				const response = await raw(served.server.url, path, { method: 'POST', headers, body });
				expect(`${path} ${origin} ${response.status}`).toBe(`${path} ${origin} 403`);
				expect(response.headers['set-cookie']).toBeUndefined();
			}
		}
		expect([count('groups'), count('participants'), count('auth_sessions')]).toEqual(before);
	});
});

describe('cookies', () => {
	async function signIn(client: Client) {
		const fields = { email: facilitatorEmail, password: facilitatorPassword };
		return (await client.action('/sign-in', 'default', fields)).headers['set-cookie'];
	}

	it('are httpOnly, SameSite=Lax and not Secure over plain http (a venue LAN)', async () => {
		expectCookie(cookie(await signIn(new Client(served.server.url)), 'auth_session'), false);
		const phone = new Client(served.server.url);
		const joined = await phone.action(`/j/${served.room.joinCode}`, 'join');
		expectCookie(cookie(joined.headers['set-cookie'], `participant_${served.room.sessionId}`), false);
	});

	it('are Secure when a proxy says the request came over https', async () => {
		const https = { 'x-forwarded-proto': 'https', origin: served.server.url.replace('http:', 'https:') };
		expectCookie(cookie(await signIn(new Client(served.server.url, https)), 'auth_session'), true);
		const joined = await new Client(served.server.url, https).action(`/j/${served.room.joinCode}`, 'join');
		expectCookie(cookie(joined.headers['set-cookie'], `participant_${served.room.sessionId}`), true);
	});

	it('are Secure with ORIGIN=https://…, where an http origin is cross-site', async () => {
		const origin = 'https://entre-deux.example';
		const other = await startServer({ env: { ORIGIN: origin } });
		try {
			const owner = new Client(other.url, { origin });
			const fields = { name: 'Camille', email: facilitatorEmail, password: facilitatorPassword };
			const setup = await owner.action('/setup', 'default', { ...fields, passwordConfirm: facilitatorPassword });
			expectCookie(cookie(setup.headers['set-cookie'], 'auth_session'), true);
			const groupId = await createGroup(owner, 'Groupe');
			const sessionId = await createSession(owner, groupId);
			await run(owner, groupId, sessionId, 'open');
			const code = await joinCode(owner, groupId, sessionId);
			const phone = await joinRoom(other.url, code, { origin });
			expect(phone.cookies.has(`participant_${sessionId}`)).toBe(true);
			const again = await new Client(other.url, { origin }).action(`/j/${code}`, 'join');
			expectCookie(cookie(again.headers['set-cookie'], `participant_${sessionId}`), true);
			const plain = await new Client(other.url).action(`/j/${code}`, 'join');
			expect(plain.status).toBe(403);
		} finally {
			await other.stop();
			removeDatabase(other.databasePath);
		}
	});
});

describe('security headers', () => {
	const everywhere = (headers: IncomingHttpHeaders) => {
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['x-frame-options']).toBe('DENY');
		expect(headers['referrer-policy']).toBe('same-origin');
		expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
		expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
	};

	it('sets a Content-Security-Policy from kit.csp and the others on pages', async () => {
		const cookieHeader = `auth_session=${served.room.facilitator.cookies.get('auth_session')}`;
		for (const [path, headers] of [
			['/sign-in', {}],
			[`/j/${served.room.joinCode}`, {}],
			[`/groups/${served.room.groupId}/sessions/${served.room.sessionId}`, { cookie: cookieHeader }]
		] as const) {
			const response = await raw(served.server.url, path, { headers });
			expect(`${path} ${response.status}`).toBe(`${path} 200`);
			everywhere(response.headers);
			const csp = String(response.headers['content-security-policy']);
			const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
			expect(scripts).toMatch(/'self'/);
			expect(scripts).toMatch(/'nonce-|'sha256-/);
			expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
			expect(csp).toMatch(/default-src 'self'/);
			expect(response.headers['strict-transport-security']).toBeUndefined();
		}
	});

	it('sets them on JSON, CSV and live streams too, with a policy that allows nothing', async () => {
		const cookieHeader = `auth_session=${served.room.facilitator.cookies.get('auth_session')}`;
		const base = `/groups/${served.room.groupId}/sessions/${served.room.sessionId}`;
		for (const path of [
			'/api/framework',
			`/j/${served.room.joinCode}/__data.json`,
			`/j/${served.room.joinCode}/events`
		]) {
			const response = await raw(served.server.url, path);
			everywhere(response.headers);
			expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
		}
		const csv = `/groups/${served.room.groupId}/history.csv`;
		for (const path of [csv, `${base}/events`, `/groups/${served.room.groupId}/export.json`]) {
			const response = await raw(served.server.url, path, { headers: { cookie: cookieHeader } });
			expect(`${path} ${response.status}`).toBe(`${path} 200`);
			everywhere(response.headers);
			expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
		}
	});

	it('asks browsers to keep to https once a page came over https', async () => {
		const response = await raw(served.server.url, '/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
		expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
	});
});
