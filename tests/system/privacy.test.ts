// What a participant, a facilitator and an export can learn of who answered what, against the built
// server: results stay hidden from phones until the reveal and below the anonymity threshold, and
// no response carries a participant's token or ties a display name or kind of actor to an answer.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { createSession, invite, joinCode, run } from '../support/cast';
import type { Client, LiveEvent } from '../support/http-client';
import { fillRoute, type PathIds } from '../support/matrix-requests';
import { acknowledged, control, joinRoom, openRoom, openStage, questionnaireItems, sendAnswer } from '../support/room';
import type { Room } from '../support/room';
import { routesOnDisk } from '../support/routes';

// Keys that only figures of results carry (SessionResults and a shown aggregate).
const figures = /meanMaturity|sdMaturity|meanLeaning|divergences/;
const kinds = ['elu', 'agent', 'association', 'habitant'] as const;
const names = kinds.map((kind) => `Zéphyrine-${kind}`);

let server: AppServer;
let room: Room;
let phones: Client[];
let ids: PathIds;

async function answerAll(phone: Client, code: string, offset: number) {
	for (const item of await questionnaireItems(server.url)) {
		expect(acknowledged(await sendAnswer(phone, code, item, (offset + 1) % 5, offset % 5))).toBe(true);
	}
}

/** Every page (with its __data.json) and endpoint this client reaches with a 200, and its body. */
async function sweep(client: Client, sessionId = ids.sessionId): Promise<Map<string, string>> {
	const bodies = new Map<string, string>();
	for (const route of routesOnDisk().gets) {
		const path = fillRoute(route, ids, sessionId);
		if (route.endsWith('/events')) continue;
		const paths = /\.(csv|json)$|^\/api\//.test(route) ? [path] : [path, `${path.replace(/\/$/, '')}/__data.json`];
		for (const one of paths) {
			const response = await client.get(one);
			if (response.status === 200) bodies.set(one, response.body);
		}
	}
	return bodies;
}

/** The events a client's live stream carries within a moment. */
async function streamFor(client: Client, path: string, action: () => Promise<void>): Promise<LiveEvent[]> {
	const events: LiveEvent[] = [];
	const stream = client.stream(path, (event) => events.push(event));
	expect(await stream.opened).toBe(200);
	await action();
	await new Promise((resolve) => setTimeout(resolve, 400));
	stream.close();
	return events;
}

function secretsOf(phones: Client[]): string[] {
	const tokens = phones.flatMap((phone) => [...phone.cookies].filter(([name]) => name.startsWith('participant_')));
	expect(tokens.length).toBe(phones.length);
	return tokens.flatMap(([, token]) => [token, createHash('sha256').update(token).digest('hex')]);
}

beforeAll(async () => {
	server = await startServer();
	room = await openRoom(server.url);
	phones = await Promise.all(kinds.map(() => joinRoom(server.url, room.joinCode)));
	await openStage(room, 2, 1);
	for (const [i, phone] of phones.entries()) {
		const fields = { displayName: names[i]!, actorKind: kinds[i]! };
		expect((await phone.action(`/j/${room.joinCode}`, 'identity', fields)).status).toBe(200);
	}
	await openStage(room, 6, 2);
	for (const [i, phone] of phones.entries()) await answerAll(phone, room.joinCode, i);
	const framework = (await phones[0]!.get('/api/framework')).json as {
		principles: { id: string }[];
		stages: { id: string }[];
	};
	ids = {
		groupId: room.groupId,
		sessionId: room.sessionId,
		code: room.joinCode,
		principleId: framework.principles[0]!.id,
		stageId: framework.stages[0]!.id,
		inviteToken: await invite(room.facilitator, room.groupId, 'viewer')
	};
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
});

describe('results and phones', () => {
	it('shows a participant no result before the reveal, by any route or the live stream', async () => {
		const bodies = await sweep(phones[0]!);
		expect(bodies.has(`/j/${room.joinCode}/__data.json`)).toBe(true);
		expect(bodies.size).toBeGreaterThan(8);
		for (const [path, body] of bodies) expect(`${path} ${figures.test(body)}`).toBe(`${path} false`);
		const events = await streamFor(phones[1]!, `/j/${room.joinCode}/events`, () => control(room, 'closeActivity'));
		expect(events.length).toBeGreaterThan(0);
		expect(JSON.stringify(events)).not.toMatch(figures);
	});

	it('shows the results once revealed at the reveal stage, and still nothing through the stream', async () => {
		await control(room, 'next');
		const events = await streamFor(phones[1]!, `/j/${room.joinCode}/events`, () => control(room, 'reveal'));
		expect(JSON.stringify(events)).not.toMatch(figures);
		expect((await phones[0]!.get(`/j/${room.joinCode}/__data.json`)).body).toMatch(figures);
		expect((await phones[0]!.get(`/j/${room.joinCode}`)).body).toMatch(figures);
	});

	it('shows no figure below the anonymity threshold, even revealed', async () => {
		const owner = room.facilitator;
		const small = await createSession(owner, room.groupId, 'Petite séance');
		await run(owner, room.groupId, small, 'open');
		const code = await joinCode(owner, room.groupId, small);
		const two = await Promise.all([1, 2].map(() => joinRoom(server.url, code)));
		for (let i = 0; i < 5; i++) await run(owner, room.groupId, small, 'next');
		await run(owner, room.groupId, small, 'openActivity');
		for (const [i, phone] of two.entries()) await answerAll(phone, code, i);
		await run(owner, room.groupId, small, 'next');
		await run(owner, room.groupId, small, 'reveal');
		const data = (await two[0]!.get(`/j/${code}/__data.json`)).body;
		expect(data).toMatch(/levelsShown/);
		expect(data).not.toMatch(/meanMaturity|sdMaturity/);
		for (const path of [`/present/${small}`, `/groups/${room.groupId}/sessions/${small}/report`]) {
			expect((await owner.get(`${path}/__data.json`)).body).not.toMatch(/meanMaturity|sdMaturity/);
		}
	});
});

describe('tokens, names and kinds of actor', () => {
	async function everything(): Promise<Map<string, string>> {
		const all = new Map<string, string>();
		for (const client of [room.facilitator, ...phones]) {
			for (const [path, body] of await sweep(client)) all.set(`${path} (${all.size})`, body);
		}
		return all;
	}

	// First names are shown to the room on purpose, on the control view and the projector while the
	// session runs (never beside an answer: see disclosure-attacks.test.ts); nowhere else.
	const roomViews = /^\/(groups\/\d+\/sessions\/\d+|present\/\d+)(\/__data\.json)? /;
	function expectNothingLinked(bodies: Map<string, string>, secrets: string[]) {
		for (const [path, body] of bodies) {
			const hidden = roomViews.test(path) ? secrets : [...secrets, ...names];
			for (const secret of hidden) expect(`${path} ${body.includes(secret)}`).toBe(`${path} false`);
		}
	}

	it('never sends a participant token or a display name, live or in an export', async () => {
		const bodies = await everything();
		const exports = [...bodies.keys()].filter((path) => /\.(csv|json) /.test(path));
		expect(exports.length).toBeGreaterThanOrEqual(3);
		expectNothingLinked(bodies, secretsOf(phones));
	});

	it('keeps names, tokens and kinds of actor out of the closed session, its report and exports', async () => {
		await control(room, 'close');
		await control(room, 'finalize');
		expectNothingLinked(await everything(), secretsOf(phones));
		const base = `/groups/${room.groupId}`;
		const csv = (await room.facilitator.get(`${base}/sessions/${room.sessionId}/answers.csv`)).body;
		expect(csv.split('\r\n')[0]).toBe(
			'\uFEFFsession_date,instrument_version,level,principle,rating_a,rating_b,respondents,maturity,leaning'
		);
		// Each of the 24 cells: the four pairs given, one person each.
		expect(csv.split('\r\n').length).toBe(1 + 24 * 4 + 1);
		const exported = (await room.facilitator.get(`${base}/export.json`)).json as {
			sessions: {
				snapshot: {
					pairs: object[];
					results: { actorKind: string; n: number; meanMaturity: unknown }[];
				};
			}[];
		};
		const report = (await room.facilitator.get(`${base}/sessions/${room.sessionId}/report/__data.json`)).body;
		for (const body of [csv, report, JSON.stringify(exported.sessions.map((s) => s.snapshot.pairs))]) {
			expect(body).not.toMatch(/actorKind|actor_kind|displayName|display_name/);
			// One respondent of each kind: below the threshold, no kind may appear with figures.
			for (const kind of kinds) expect(body).not.toContain(`"${kind}"`);
		}
		// The export keeps per-kind aggregates for re-import only where they are shown: a kind of one
		// person is not there at all, not even how many of that kind answered each statement.
		expect(exported.sessions[0]!.snapshot.results.filter((row) => row.actorKind !== '')).toEqual([]);
		const rows = JSON.stringify(exported.sessions.map((s) => s.snapshot.results));
		for (const kind of kinds) expect(rows).not.toContain(`"${kind}"`);
	});
});
