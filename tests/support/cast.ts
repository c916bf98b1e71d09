// The people of the authorization matrix, set up over HTTP as they would be: the owner through
// /setup, a facilitator and a viewer through the members page and /invite/TOKEN, a second group
// with its own facilitator, a live session in each group and a participant in each session.
import Database from 'better-sqlite3';
import { Client, type HttpResponse } from './http-client';
import { control, facilitatorEmail, facilitatorPassword, joinRoom, openRoom, type Room } from './room';

export const actorNames = ['anon', 'partA', 'partB', 'viewer', 'facil', 'owner', 'other'] as const;
export type ActorName = (typeof actorNames)[number];

export const password = facilitatorPassword;
export const emails: Partial<Record<ActorName, string>> = {
	owner: facilitatorEmail,
	viewer: 'viewer@example.org',
	facil: 'facilitator@example.org',
	other: 'other@example.org'
};

export interface Cast {
	baseUrl: string;
	databasePath: string;
	actors: Record<ActorName, Client>;
	room: Room;
	/** Ids and codes the routes are called with. */
	ids: {
		groupId: number;
		sessionId: number;
		code: string;
		otherGroupId: number;
		otherSessionId: number;
		otherCode: string;
		throwawayGroupId: number;
		throwawaySessionId: number;
		ruleId: number;
		cardId: number;
		commitmentId: number;
		viewerId: number;
		spareMemberId: number;
		principleId: string;
		stageId: string;
		/** A valid invitation to the throwaway group, for its page. */
		inviteToken: string;
		/** Group A's pact: a party, a clause, a commitment with a measure, version 1, its public page. */
		partyId: number;
		clauseId: number;
		commitmentClauseId: number;
		measureId: number;
		pactSlug: string;
	};
}

function ok(response: HttpResponse, what: string): HttpResponse {
	const type = (response.json as { type?: string } | undefined)?.type;
	if (response.status >= 400 || type === 'failure' || type === 'error') {
		throw new Error(`${what}: ${response.status} ${response.body.slice(0, 300)}`);
	}
	return response;
}

const lastId = (response: HttpResponse) =>
	Number(/(\d+)$/.exec((response.json as { location?: string }).location ?? '')?.[1]);

/** A new group of this client's; returns its id. */
export async function createGroup(client: Client, name: string): Promise<number> {
	const fields = { name, description: '', anonymityThreshold: '3' };
	return lastId(ok(await client.action('/groups', 'create', fields), `group ${name}`));
}

/** A new draft session in a group; returns its id. */
export async function createSession(client: Client, groupId: number, title = 'Séance'): Promise<number> {
	const fields = { title, heldOn: new Date().toISOString().slice(0, 10), settleDays: '7' };
	return lastId(ok(await client.action(`/groups/${groupId}/sessions`, 'create', fields), 'session'));
}

/** Runs a control action on a session and checks it worked. */
export async function run(client: Client, groupId: number, sessionId: number, action: string, fields = {}) {
	ok(await client.action(`/groups/${groupId}/sessions/${sessionId}`, action, fields), action);
}

/** The join code of a live session, from its control page. */
export async function joinCode(client: Client, groupId: number, sessionId: number): Promise<string> {
	const page = await client.get(`/groups/${groupId}/sessions/${sessionId}`);
	const code = /\/j\/([A-HJ-NP-Z2-9]{6})/.exec(page.body)?.[1];
	if (!code) throw new Error('No join code on the control page');
	return code;
}

/** An invitation link's token, made on the members page. */
export async function invite(client: Client, groupId: number, role: 'facilitator' | 'viewer'): Promise<string> {
	const response = ok(await client.action(`/groups/${groupId}/members`, 'invite', { role }), 'invite');
	const token = /\/invite\/([a-z0-9]+)/.exec(response.body)?.[1];
	if (!token) throw new Error(`No invitation link in ${response.body}`);
	return token;
}

/** A new account made from an invitation; the client comes back signed in. */
export async function register(baseUrl: string, token: string, email: string, name = 'Dominique'): Promise<Client> {
	const client = new Client(baseUrl);
	const fields = { name, email, password, passwordConfirm: password };
	ok(await client.action(`/invite/${token}`, 'register', fields), `register ${email}`);
	return client;
}

/** One value from the app's database, read beside the running server. */
export function query<T>(databasePath: string, sql: string, ...params: unknown[]): T {
	const db = new Database(databasePath, { readonly: true });
	try {
		return db
			.prepare(sql)
			.pluck()
			.get(...params) as T;
	} finally {
		db.close();
	}
}

/**
 * Writes to the app's database beside the running server: only to stand for what a room would do
 * (the consent of enough phones), which the matrix does not test.
 */
export function execute(databasePath: string, sql: string, ...params: unknown[]): void {
	const db = new Database(databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare(sql).run(...params);
	} finally {
		db.close();
	}
}

/** Group A's pact with one adopted version and its public page on, as a facilitator builds it. */
async function draftPact(owner: Client, groupId: number, databasePath: string) {
	const pact = `/groups/${groupId}/pact`;
	ok(await owner.action(pact, 'addParty', { name: 'Ville de Figeac', kind: 'collectivite' }), 'party');
	const partyId = query<number>(databasePath, 'SELECT MAX(id) FROM parties WHERE group_id = ?', groupId);
	ok(await owner.action(pact, 'pick', { libraryId: 'decision-consentement' }), 'pick');
	const clauseId = query<number>(databasePath, 'SELECT MAX(id) FROM pact_clauses WHERE group_id = ?', groupId);
	const commitment = { part: 'commitments', text: 'La ville prête une salle.', partyId: String(partyId) };
	ok(await owner.action(pact, 'add', commitment), 'commitment');
	const commitmentClauseId = query<number>(
		databasePath,
		'SELECT MAX(id) FROM pact_clauses WHERE group_id = ?',
		groupId
	);
	ok(
		await owner.action(pact, 'addMeasure', { clauseId: String(commitmentClauseId), text: 'Salle réservée' }),
		'measure'
	);
	const measureId = query<number>(databasePath, 'SELECT MAX(id) FROM pact_measures');
	execute(databasePath, "UPDATE pact_clauses SET state = 'consented' WHERE group_id = ?", groupId);
	ok(await owner.action(pact, 'adopt', { adoptedOn: '2026-03-21' }), 'adopt');
	ok(await owner.action(pact, 'publish', { on: 'on' }), 'publish');
	// A clause the room objected to, for the disagreement to be recorded on.
	execute(
		databasePath,
		"INSERT INTO pact_clauses (group_id, part, position, text, state) VALUES (?, 'rules', 9, 'Le vote à main levée.', 'objected')",
		groupId
	);
	const pactSlug = query<string>(databasePath, 'SELECT public_slug FROM groups WHERE id = ?', groupId);
	return { partyId, clauseId, commitmentClauseId, measureId, pactSlug };
}

/** Sets everything up; the throwaway session T stands at its first stage with one card sent. */
export async function castRoom(baseUrl: string, databasePath: string): Promise<Cast> {
	const room = await openRoom(baseUrl);
	const owner = room.facilitator;
	const { groupId, sessionId } = room;
	const viewer = await register(baseUrl, await invite(owner, groupId, 'viewer'), emails.viewer!);
	const facil = await register(baseUrl, await invite(owner, groupId, 'facilitator'), emails.facil!);
	await register(baseUrl, await invite(owner, groupId, 'viewer'), 'spare@example.org');

	const otherGroupId = await createGroup(owner, 'Conseil de développement');
	const other = await register(baseUrl, await invite(owner, otherGroupId, 'facilitator'), emails.other!);
	const otherSessionId = await createSession(other, otherGroupId, 'Autre séance');
	await run(other, otherGroupId, otherSessionId, 'open');
	const otherCode = await joinCode(other, otherGroupId, otherSessionId);
	const throwawayGroupId = await createGroup(owner, 'Groupe jetable');

	ok(await owner.action(`/groups/${groupId}/rules`, 'add', { text: 'On se parle franchement' }), 'rule');
	await control(room, 'addCommitment', { text: 'Relire la charte', owner: '', dueOn: '' });
	const pact = await draftPact(owner, groupId, databasePath);

	// T: a live session of the same group with one card, for the control actions to act on.
	const t = await createSession(owner, groupId, 'Séance jetable');
	await run(owner, groupId, t, 'open');
	const tCode = await joinCode(owner, groupId, t);
	const writer = await joinRoom(baseUrl, tCode);
	for (let i = 0; i < 4; i++) await run(owner, groupId, t, 'next');
	await run(owner, groupId, t, 'openActivity');
	ok(await writer.action(`/j/${tCode}`, 'card', { text: 'Une carte' }), 'card');
	for (let i = 0; i < 4; i++) await run(owner, groupId, t, 'previous');

	// Session A stands at its check-in, open, so its participant may check in and nothing else.
	await control(room, 'openActivity');
	const partA = await joinRoom(baseUrl, room.joinCode);
	const partB = await joinRoom(baseUrl, otherCode);

	const framework = (await owner.get('/api/framework')).json as {
		principles: { id: string }[];
		stages: { id: string }[];
	};
	const inviteToken = await invite(owner, throwawayGroupId, 'viewer');
	const id = (sql: string, ...params: unknown[]) => query<number>(databasePath, sql, ...params);
	return {
		baseUrl,
		databasePath,
		room,
		actors: { anon: new Client(baseUrl), partA, partB, viewer, facil, owner, other },
		ids: {
			groupId,
			sessionId,
			code: room.joinCode,
			otherGroupId,
			otherSessionId,
			otherCode,
			throwawayGroupId,
			throwawaySessionId: t,
			ruleId: id('SELECT id FROM ground_rules WHERE group_id = ?', groupId),
			cardId: id('SELECT id FROM cards WHERE session_id = ?', t),
			commitmentId: id('SELECT id FROM commitments WHERE group_id = ?', groupId),
			viewerId: id('SELECT id FROM users WHERE email = ?', emails.viewer),
			spareMemberId: id("SELECT id FROM users WHERE email = 'spare@example.org'"),
			principleId: framework.principles[0]!.id,
			stageId: framework.stages[0]!.id,
			inviteToken,
			...pact
		}
	};
}
