// A curious facilitator and a curious participant, over HTTP against the built app, trying to learn
// one person's answers: two reads around one more answer, a questionnaire reopened after the reveal,
// a new member of a kind of actor, fake phones, exports, and names beside answers.
import Database from 'better-sqlite3';
import { unflatten } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { createSession, invite, joinCode, query, register } from '../support/cast';
import { actionResult, type Client } from '../support/http-client';
import { acknowledged, joinRoom, openRoom, sendAnswer, type Room } from '../support/room';

// What only figures about answers carry, in page data, streams and exports.
const figures = /meanMaturity|sdMaturity|meanLeaning|distribution|divergences|meanAvailability|"tally"/;

let server: AppServer;
let room: Room;
let viewer: Client;
let je: { level: string; principleId: string }[];

beforeAll(async () => {
	server = await startServer();
	room = await openRoom(server.url, { threshold: 3 });
	viewer = await register(server.url, await invite(room.facilitator, room.groupId, 'viewer'), 'curieux@example.org');
	const framework = (await room.facilitator.get('/api/framework?lang=fr')).json as { principles: { id: string }[] };
	je = framework.principles.map((p) => ({ level: 'je', principleId: p.id }));
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
});

/** A session of a group of this facilitator's, opened, with its phones joined. */
async function session(groupId: number, phones: number, title = 'Séance') {
	const owner = room.facilitator;
	const id = await createSession(owner, groupId, title);
	const path = `/groups/${groupId}/sessions/${id}`;
	const act = async (action: string, fields: Record<string, string> = {}) =>
		actionResult(await owner.action(path, action, fields));
	await act('open');
	const code = await joinCode(owner, groupId, id);
	const clients = await Promise.all(Array.from({ length: phones }, () => joinRoom(server.url, code)));
	const goTo = async (position: number) => {
		for (;;) {
			const at = query<number>(server.databasePath, 'SELECT stage_position FROM sessions WHERE id = ?', id);
			if (at === position) return;
			await act(at < position ? 'next' : 'previous');
		}
	};
	return { id, path, code, phones: clients, act, goTo };
}

async function answerJe(phone: Client, code: string, a: number, b: number) {
	for (const item of je) {
		const response = await sendAnswer(phone, code, item, a, b);
		expect(acknowledged(response)).toBe(true);
	}
}

/** A page's data as the page itself reads it (the last node of its __data.json). */
async function pageData(client: Client, path: string): Promise<Record<string, unknown>> {
	const { nodes } = (await client.get(`${path}/__data.json`)).json as { nodes: ({ data?: unknown[] } | null)[] };
	const last = nodes.filter((node) => node?.data).at(-1)!;
	return unflatten(last.data as never) as Record<string, unknown>;
}

/** Every view of a session a facilitator, a viewer and a phone can read, by name. */
async function views(s: { id: number; path: string; code: string; phones: Client[] }) {
	const reads: [string, Client, string][] = [
		['control', room.facilitator, `${s.path}/__data.json`],
		['control (viewer)', viewer, `${s.path}/__data.json`],
		['projector', room.facilitator, `/present/${s.id}/__data.json`],
		['report', room.facilitator, `${s.path}/report/__data.json`],
		['report (viewer)', viewer, `${s.path}/report/__data.json`],
		['phone', s.phones[0]!, `/j/${s.code}/__data.json`],
		['group page', room.facilitator, `/groups/${room.groupId}/__data.json`],
		['history.csv', viewer, `/groups/${room.groupId}/history.csv`],
		['export.json', room.facilitator, `/groups/${room.groupId}/export.json`]
	];
	const bodies = new Map<string, string>();
	for (const [name, client, path] of reads) bodies.set(name, (await client.get(path)).body);
	return bodies;
}

describe('two reads around one more answer', () => {
	it('give no figure at all while the questionnaire takes answers, on any view or export', async () => {
		const s = await session(room.groupId, 4, 'Deux lectures');
		await s.goTo(4);
		await s.act('openActivity');
		for (const [i, phone] of s.phones.slice(0, 3).entries()) await answerJe(phone, s.code, i + 1, 3);
		const before = await views(s);
		await answerJe(s.phones[3]!, s.code, 4, 0);
		const after = await views(s);
		for (const [name, body] of [...before, ...after]) {
			// The group page and its exports carry closed sessions' figures: none of this one.
			if (name === 'group page') continue;
			if (name === 'history.csv') {
				expect(body).not.toContain('Deux lectures');
				continue;
			}
			if (name === 'export.json') {
				const mine = (JSON.parse(body) as { sessions: { title: string; snapshot: unknown }[] }).sessions;
				expect(mine.find((one) => one.title === 'Deux lectures')?.snapshot).toBeNull();
				continue;
			}
			const leak = figures.exec(body)?.[0];
			expect(`${name}: ${leak ?? 'nothing'}`).toBe(`${name}: nothing`);
		}
		expect((await room.facilitator.get(`${s.path}/answers.csv`)).status).toBe(409);
	});
});

describe('a questionnaire reopened after the reveal', () => {
	it('is refused, and a late or changed answer cannot move a published figure', async () => {
		const s = await session(room.groupId, 5, 'Réouverture');
		await s.goTo(4);
		await s.act('openActivity');
		for (const [i, phone] of s.phones.slice(0, 3).entries()) await answerJe(phone, s.code, i + 1, 3);
		expect(await s.act('reveal')).toMatchObject({ type: 'failure', status: 409 });
		await s.goTo(7);
		expect(await s.act('reveal')).toMatchObject({ type: 'success' });
		const phoneResults = async () => (await pageData(s.phones[0]!, `/j/${s.code}`)).results;
		const projectorResults = async () => (await pageData(room.facilitator, `/present/${s.id}`)).results;
		const first = await phoneResults();
		expect(JSON.stringify(first)).toMatch(/meanMaturity/);
		const projector = await projectorResults();

		await s.goTo(4);
		expect(await s.act('openActivity')).toMatchObject({ type: 'failure', status: 409 });
		// The phones are told the questionnaire is over, not that it will open soon.
		expect((await pageData(s.phones[0]!, `/j/${s.code}`)).stage).toMatchObject({ published: true });
		const late = await sendAnswer(s.phones[3]!, s.code, je[0]!, 0, 4);
		expect(late.status).toBe(409);
		const changed = await sendAnswer(s.phones[0]!, s.code, je[0]!, 0, 0);
		expect(changed.status).toBe(409);

		// A new person of a kind of actor arrives after the reveal: the report's breakdown is frozen.
		const report = async () => {
			const { results, breakdown, participation } = await pageData(room.facilitator, `${s.path}/report`);
			return { results, breakdown, participation };
		};
		const reported = await report();
		await s.goTo(2);
		expect(await s.act('openActivity')).toMatchObject({ type: 'success' });
		await s.phones[4]!.action(`/j/${s.code}`, 'identity', { displayName: '', actorKind: 'elu' });
		await s.goTo(7);
		await s.act('reveal');
		expect(await report()).toEqual(reported);
		expect(await phoneResults()).toEqual(first);
		expect(await projectorResults()).toEqual(projector);
		// Hidden, then shown again: the same frozen figures.
		await s.act('hide');
		expect(await phoneResults()).toBeNull();
		await s.act('reveal');
		expect(await phoneResults()).toEqual(first);
	});
});

describe('the check-in', () => {
	it('shows no word and no mean while open, freezes them on close, and takes no more check-ins', async () => {
		const s = await session(room.groupId, 5, 'Météo');
		await s.act('openActivity');
		const words = ['soleil', 'pluie', 'brume', 'orage'];
		for (const [i, word] of words.slice(0, 3).entries()) {
			await s.phones[i]!.action(`/j/${s.code}`, 'checkin', { availability: String(i + 2), word });
		}
		const read = async () => (await room.facilitator.get(`${s.path}/__data.json`)).body;
		const three = await read();
		await s.phones[3]!.action(`/j/${s.code}`, 'checkin', { availability: '1', word: 'orage' });
		const four = await read();
		for (const body of [three, four]) {
			for (const word of words) expect(body).not.toContain(word);
			expect(body).not.toMatch(/meanAvailability":\d/);
		}
		await s.act('closeActivity');
		const closed = await read();
		for (const word of words) expect(closed).toContain(word);
		expect(closed).toMatch(/meanAvailability/);
		expect(await s.act('openActivity')).toMatchObject({ type: 'failure', status: 409 });
		const fifth = await s.phones[4]!.action(`/j/${s.code}`, 'checkin', { availability: '5', word: 'neige' });
		expect(actionResult(fifth)).toMatchObject({ type: 'failure', status: 409 });
		expect(await read()).not.toContain('neige');
	});
});

describe('a pact clause reworded and put to the room again', () => {
	it('shows no second tally for a room that lost or gained a few people, so the two cannot be subtracted', async () => {
		const owner = room.facilitator;
		const pact = `/groups/${room.groupId}/pact`;
		const add = await owner.action(pact, 'add', { part: 'rules', text: 'On vote à main levée', partyId: '' });
		expect(actionResult(add).type).toBe('success');
		let clauseId = String(query<number>(server.databasePath, 'SELECT MAX(id) FROM pact_clauses'));
		const s = await session(room.groupId, 5, 'Reformulation');
		await s.goTo(3);
		await s.act('openActivity');
		/** The facilitator puts the clause, these phones choose, the round closes; what the projector shows of it. */
		const roundWith = async (phones: Client[], objector?: Client) => {
			expect(actionResult(await owner.action(`${s.path}/pact`, 'put', { clauseId })).type).toBe('redirect');
			for (const phone of phones) {
				const choice = phone === objector ? 'object' : 'consent';
				const sent = await phone.action(`/j/${s.code}`, 'clauseConsent', { clauseId, choice, reason: '' });
				expect(actionResult(sent).type).toBe('success');
			}
			expect(actionResult(await owner.action(`${s.path}/pact`, 'close')).type).toBe('redirect');
			const { pact: shown } = (await pageData(owner, `/present/${s.id}`)) as {
				pact: { closed: { tally: Record<string, number> | null; withheld?: string }[] };
			};
			return shown.closed.at(-1)!;
		};
		const reword = async (text: string) =>
			expect(actionResult(await owner.action(pact, 'edit', { clauseId, text, partyId: '' })).type).toBe('success');
		const [a, b, c, d, e] = s.phones as [Client, Client, Client, Client, Client];

		// Four people, d objects: the room sees one objection, not whose.
		expect(await roundWith([a, b, c, d], d)).toMatchObject({ tally: { consent: 3, object: 1 } });
		// The facilitator rewords by a comma and puts it again while d is out of the room: three
		// consents would tell that d objected. Nothing but n is shown, here and on every view.
		await reword('On vote, à main levée');
		expect(await roundWith([a, b, c])).toMatchObject({ tally: null, withheld: 'overlap' });
		for (const path of [s.path, `${s.path}/pact`]) {
			const { pact: view } = (await pageData(owner, path)) as { pact: { rounds: { summary: unknown }[] } };
			expect(view.rounds.at(-1)!.summary).toEqual({ n: 3, tally: null, reasons: [], withheld: 'overlap' });
		}
		// Nor with e in d's place (one out, one in), or with e added (one more).
		expect(await roundWith([a, b, c, e])).toMatchObject({ tally: null, withheld: 'overlap' });
		expect(await roundWith([a, b, c, d, e])).toMatchObject({ tally: null, withheld: 'overlap' });
		// The same four again: shown (they may have changed their minds, which says nothing of who).
		expect(await roundWith([a, b, c, d])).toMatchObject({ tally: { consent: 4, object: 0 } });
		// A second clause with the same words asks the same question: without d, nothing is shown.
		const copy = await owner.action(pact, 'add', { part: 'rules', text: 'On vote à main levée !', partyId: '' });
		expect(actionResult(copy).type).toBe('success');
		clauseId = String(query<number>(server.databasePath, 'SELECT MAX(id) FROM pact_clauses'));
		expect(await roundWith([a, b, c])).toMatchObject({ tally: null, withheld: 'overlap' });
		// So does a copy with a word changed, or with a sentence added.
		for (const text of ['On vote toujours à main levée', 'Le café est offert. On vote à main levée, en principe.']) {
			const near = await owner.action(pact, 'add', { part: 'rules', text, partyId: '' });
			expect(actionResult(near).type).toBe('success');
			clauseId = String(query<number>(server.databasePath, 'SELECT MAX(id) FROM pact_clauses'));
			expect(await roundWith([a, b, c])).toMatchObject({ tally: null, withheld: 'overlap' });
		}
	});
});

describe('fake phones', () => {
	it('cannot isolate one real respondent in a group of the default threshold: one real and two fakes show nothing', async () => {
		const created = await room.facilitator.action('/groups', 'create', { name: 'Collectif neuf', description: '' });
		const groupId = Number(/(\d+)$/.exec(actionResult(created).location ?? '')?.[1]);
		const s = await session(groupId, 3, 'Un vrai, deux faux');
		await s.goTo(4);
		await s.act('openActivity');
		for (const [i, phone] of s.phones.entries()) await answerJe(phone, s.code, i === 0 ? 1 : 4, 4);
		await s.goTo(7);
		await s.act('reveal');
		for (const path of [`/j/${s.code}`, `/present/${s.id}`, `${s.path}/report`]) {
			const client = path.startsWith('/j/') ? s.phones[0]! : room.facilitator;
			const data = await pageData(client, path);
			expect(JSON.stringify(data)).not.toMatch(/meanMaturity|meanLeaning/);
			// The room sees how many answered, to tell fakes from people.
			expect(data.results).toMatchObject({ respondents: 3, threshold: 5, levelsShown: [] });
		}
	});
});

describe('feedback', () => {
	it('shows together from k on, on the control view and in the export, so that none is matched to its writer', async () => {
		const created = await room.facilitator.action('/groups', 'create', { name: 'Retours', description: '' });
		const groupId = Number(/(\d+)$/.exec(actionResult(created).location ?? '')?.[1]);
		const s = await session(groupId, 3, 'Réflexions');
		const write = async (phone: Client, keep: string) =>
			expect(actionResult(await phone.action(`/j/${s.code}`, 'feedback', { keep, missing: '', lived: '' })).type).toBe(
				'success'
			);
		const read = async () => {
			const control = await pageData(room.facilitator, s.path);
			const exported = (await room.facilitator.get(`/groups/${groupId}/export.json`)).body;
			return { control: control.feedback as { items: { keep: string; late: boolean }[]; waiting: number }, exported };
		};
		const texts = ['Dans la salle 1', 'Dans la salle 2', 'Tardive 1', 'Tardive 2', 'Tardive 3'];
		await s.goTo(8);
		await s.act('openActivity');
		await write(s.phones[0]!, texts[0]!);
		await write(s.phones[1]!, texts[1]!);
		// While the session runs, no feedback anywhere.
		let shown = await read();
		expect(shown.control.items).toEqual([]);
		for (const text of texts) expect(shown.exported).not.toContain(text);
		// Closed with two in the room, under the default threshold of 5: they wait, and say so.
		await s.act('close');
		shown = await read();
		expect(shown.control).toMatchObject({ items: [], waiting: 2 });
		// Each late reflection joins them, shown nowhere, until there are five.
		for (const [i, text] of texts.slice(2, 4).entries()) {
			await write(s.phones[i]!, text);
			shown = await read();
			expect(shown.control).toMatchObject({ items: [], waiting: 3 + i });
			for (const one of texts) expect(shown.exported).not.toContain(one);
		}
		// The fifth brings all five at once, shuffled, none marked late: the two of the room would
		// otherwise stand apart as a group of two.
		await write(s.phones[2]!, texts[4]!);
		shown = await read();
		expect(shown.control.waiting).toBe(0);
		expect(shown.control.items.map((item) => item.keep).sort()).toEqual([...texts].sort());
		expect(shown.control.items.filter((item) => item.late)).toEqual([]);
		expect(shown.exported).not.toContain('"late":true');
		for (const text of texts) expect(shown.exported).toContain(text);
	});
});

describe('exports', () => {
	it('give a viewer no per-session distribution, and the facilitators one only once the session is final', async () => {
		const s = await session(room.groupId, 3, 'Exports');
		await s.goTo(3);
		const rules = await room.facilitator.action(`/groups/${room.groupId}/rules`, 'add', { text: 'On parle en « je »' });
		expect(actionResult(rules).type).not.toBe('failure');
		await s.act('openActivity');
		const ruleId = query<number>(
			server.databasePath,
			'SELECT MAX(id) FROM ground_rules WHERE group_id = ?',
			room.groupId
		);
		for (const [i, phone] of s.phones.entries()) {
			await phone.action(`/j/${s.code}`, 'consent', { ruleId: String(ruleId), choice: i === 0 ? 'object' : 'consent' });
		}
		await s.goTo(4);
		await s.act('openActivity');
		for (const [i, phone] of s.phones.entries()) await answerJe(phone, s.code, i, 4 - i);
		await s.act('close');
		expect((await room.facilitator.get(`${s.path}/answers.csv`)).status).toBe(409);
		await s.act('finalize');
		expect((await viewer.get(`${s.path}/answers.csv`)).status).toBe(403);
		expect((await viewer.get(`/groups/${room.groupId}/export.json`)).status).toBe(403);
		expect((await viewer.get(`/groups/${room.groupId}/history.csv`)).status).toBe(200);
		const csv = (await room.facilitator.get(`${s.path}/answers.csv`)).body;
		expect(csv).toContain('respondents');
		expect(csv).not.toContain('respondent,');

		const exported = (await room.facilitator.get(`/groups/${room.groupId}/export.json`)).json as {
			sessions: { key: number; consents: unknown[] }[];
		};
		const text = JSON.stringify(exported);
		expect(text).not.toMatch(/"respondent"|"answers"|"checkins"/);
		const mine = exported.sessions.find((one) => one.key === s.id)!;
		expect(mine.consents).toEqual([{ rule: expect.any(Number), consent: 2, object: 1, abstain: 0 }]);
	});
});

describe('names', () => {
	it('show the room who is there, and no query can join a name to a participant or an answer', async () => {
		const s = await session(room.groupId, 3, 'Prénoms');
		await s.goTo(2);
		await s.act('openActivity');
		await s.phones[0]!.action(`/j/${s.code}`, 'identity', { displayName: 'Zéphyrine', actorKind: 'elu' });
		expect((await room.facilitator.get(`/present/${s.id}/__data.json`)).body).toContain('Zéphyrine');
		expect((await s.phones[0]!.get(`/j/${s.code}/__data.json`)).body).toContain('Zéphyrine');
		const db = new Database(server.databasePath, { readonly: true });
		try {
			const columns = (table: string) =>
				(db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort();
			expect(columns('room_names')).toEqual(['name', 'name_key', 'session_id']);
			expect(columns('participants').some((column) => /name/.test(column))).toBe(false);
			expect(columns('consents')).not.toContain('participant_id');
			expect(columns('checkins')).not.toContain('participant_id');
			const key = db.prepare('SELECT name_key FROM room_names WHERE name = ?').pluck().get('Zéphyrine') as string;
			const linked = db
				.prepare('SELECT COUNT(*) FROM participants WHERE token_hash = ? OR CAST(id AS TEXT) = ?')
				.pluck()
				.get(key, key);
			expect(linked).toBe(0);
		} finally {
			db.close();
		}
	});
});
