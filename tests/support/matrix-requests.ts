// The request behind each row of the authorization matrix: which object a route is called on, the
// fields an action is sent with, and the throwaway objects some need so that whoever may run
// them harms nothing (a fresh session in the state the action wants, a fresh invitation…).
import { request as httpRequest } from 'node:http';
import { createSession, emails, execute, invite, password, query, run, type ActorName, type Cast } from './cast';
import { Client, type HttpResponse } from './http-client';
import { outcome } from './routes';

export type PathIds = Pick<Cast['ids'], 'groupId' | 'sessionId' | 'code' | 'principleId' | 'stageId' | 'inviteToken'> &
	Partial<Pick<Cast['ids'], 'pactSlug'>>;

/** The path of a page or endpoint, with the ids of group A, session A and its code. */
export function fillRoute(route: string, ids: PathIds, sessionId = ids.sessionId): string {
	return route
		.replace('[groupId=id]', String(ids.groupId))
		.replace('[sessionId=id]', String(sessionId))
		.replace('[code=joincode]', ids.code)
		.replace('[principleId]', ids.principleId)
		.replace('[stageId]', ids.stageId)
		.replace('[token]', ids.inviteToken)
		.replace('[number=id]', '1')
		.replace('[slug]', ids.pactSlug ?? 'no-public-page');
}

/** The path of a route for the matrix's cast. */
export function getPath(route: string, cast: Cast, sessionId = cast.ids.sessionId): string {
	return fillRoute(route, cast.ids, sessionId);
}

/** Opens a live stream and tells its outcome from the response's head, then hangs up. */
export function openStream(client: Client, path: string): Promise<string> {
	const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			new URL(path, client.baseUrl),
			{ headers: { accept: 'text/event-stream', cookie }, agent: false },
			(res) => {
				resolve(outcome({ status: res.statusCode ?? 0, headers: res.headers, body: '', json: undefined }));
				req.destroy();
			}
		);
		req.on('error', reject);
		req.end();
	});
}

const today = () => new Date().toISOString().slice(0, 10);
let counter = 0;

const fieldsFor: Record<string, (cast: Cast) => Record<string, string | string[]>> = {
	// A wrong current password and a sign-in that is not one's own: refused on the page.
	'/account?/changePassword': () => ({
		current: 'pas le mot de passe actuel',
		password: 'un nouveau mot de passe',
		passwordConfirm: 'un nouveau mot de passe'
	}),
	'/account?/signOutOne': () => ({ id: '0'.repeat(64) }),
	'/groups?/create': () => ({ name: 'Groupe de la matrice', description: '', anonymityThreshold: '3' }),
	'members?/invite': () => ({ role: 'viewer' }),
	'members?/setRole': (cast) => ({ userId: String(cast.ids.viewerId), role: 'viewer' }),
	'members?/remove': (cast) => ({ userId: String(cast.ids.spareMemberId) }),
	'rules?/add': () => ({ text: 'Règle de la matrice' }),
	'rules?/edit': (cast) => ({ ruleId: String(cast.ids.ruleId), text: 'On se parle franchement' }),
	'rules?/move': (cast) => ({ ruleId: String(cast.ids.ruleId), direction: 'down' }),
	'sessions?/create': () => ({ title: 'Séance de la matrice', heldOn: today(), settleDays: '7' }),
	'?/timer': () => ({ minutes: '5' }),
	'?/projectorTheme': () => ({ theme: 'dark' }),
	'?/recall': () => ({}),
	'?/plan': () => ({ position: '6', levels: ['nous', 'dans'] }),
	'?/approveCard': (cast) => ({ cardId: String(cast.ids.cardId) }),
	'?/rejectCard': (cast) => ({ cardId: String(cast.ids.cardId) }),
	'?/addCommitment': () => ({ text: 'Engagement de la matrice', owner: '', dueOn: '' }),
	'?/reviewCommitment': (cast) => ({ commitmentId: String(cast.ids.commitmentId), status: 'carried' }),
	'settings?/update': () => ({ name: 'COP locale de Figeac', description: '', anonymityThreshold: '3' }),
	'settings?/delete': () => ({ confirmName: 'pas le nom du groupe' }),
	'pact?/profile': () => ({ spaceKind: 'conseil-alimentaire', territory: 'Le Grand Figeac' }),
	'pact?/addParty': () => ({ name: 'Partie de la matrice', kind: 'association' }),
	'pact?/editParty': (cast) => ({ partyId: String(cast.ids.partyId), name: 'Ville de Figeac', kind: 'collectivite' }),
	'pact?/pick': () => ({ libraryId: 'parole-egale' }),
	'pact?/add': () => ({ part: 'vision', text: 'Clause de la matrice', partyId: '' }),
	'pact?/edit': (cast) => ({ clauseId: String(cast.ids.clauseId), text: 'Clause de la matrice, revue', partyId: '' }),
	'pact?/move': (cast) => ({ clauseId: String(cast.ids.clauseId), direction: 'down' }),
	'pact?/disagreement': () => ({ note: 'La mairie préfère un vote' }),
	'pact?/addMeasure': (cast) => ({ clauseId: String(cast.ids.commitmentClauseId), text: 'Mesure de la matrice' }),
	'pact?/followMeasure': (cast) => ({ measureId: String(cast.ids.measureId), status: 'done', note: 'Fait' }),
	'pact?/adopt': () => ({ adoptedOn: today() }),
	'pact?/publish': () => ({ on: 'on' }),
	'versions?/sign': (cast) => ({
		version: '1',
		partyId: String(cast.ids.partyId),
		name: 'Anne Martin',
		role: 'Maire',
		signedOn: today()
	}),
	'versions?/unsign': (cast) => ({ version: '1', partyId: String(cast.ids.partyId) }),
	'?/clauseConsent': (cast) => ({ clauseId: String(cast.ids.clauseId), choice: 'consent', reason: '' }),
	'/j?/default': (cast) => ({ code: cast.ids.code }),
	'?/checkin': () => ({ availability: '4', word: 'prêt' }),
	'?/identity': () => ({ displayName: 'Matrice', actorKind: '' }),
	'?/consent': (cast) => ({ ruleId: String(cast.ids.ruleId), choice: 'consent' }),
	'?/answer': (cast) => ({ level: 'nous', principleId: cast.ids.principleId, a: '3', b: '2' }),
	'?/card': () => ({ text: 'Une carte de la matrice' }),
	'?/feedback': () => ({ text: 'Merci' }),
	'/locale?/default': () => ({ locale: 'fr', redirectTo: '/' }),
	'/setup?/default': () => ({ name: 'Intrus', email: 'intrus@example.org', password, passwordConfirm: password }),
	'/sign-in?/default': () => ({ email: 'personne@example.org', password: 'pas le bon mot de passe' })
};

// The state a fresh session must be in for these control actions to make sense.
const freshSession: Record<string, string[]> = {
	open: [],
	close: ['open'],
	finalize: ['open', 'close'],
	// The results are first revealed at the reveal stage (the seventh of the default plan) only.
	reveal: ['open', 'next', 'next', 'next', 'next', 'next', 'next']
};

async function signIn(baseUrl: string, email: string): Promise<Client> {
	const client = new Client(baseUrl);
	const response = await client.action('/sign-in', 'default', { email, password });
	if (outcome(response) !== 'ok') throw new Error(`sign-in ${email}: ${response.body}`);
	return client;
}

/** Prepares what a row needs for one person, and returns how to send it. */
export async function actionRequest(key: string, name: ActorName, cast: Cast, client: Client) {
	const [route = '', action = ''] = key.split('?/');
	const field = Object.entries(fieldsFor).find(([suffix]) => key.endsWith(suffix))?.[1];
	let fields = field ? field(cast) : {};
	let path = getPath(route, cast, cast.ids.throwawaySessionId);
	const owner = cast.actors.owner;
	const { groupId } = cast.ids;

	if (route.endsWith('[sessionId=id]') && action in freshSession) {
		const id = await createSession(owner, groupId, `Séance pour ${action}`);
		for (const step of freshSession[action]!) await run(owner, groupId, id, step);
		path = getPath(route, cast, id);
	} else if (key === '/groups/[groupId=id]/rules?/remove') {
		await owner.action(`/groups/${groupId}/rules`, 'add', { text: 'Règle jetable' });
		const id = query<number>(cast.databasePath, 'SELECT MAX(id) FROM ground_rules WHERE group_id = ?', groupId);
		fields = { ruleId: String(id) };
	} else if (key.endsWith('pact?/removeParty') || key.endsWith('pact?/remove') || key.endsWith('pact?/removeMeasure')) {
		const pact = `/groups/${groupId}/pact`;
		if (action === 'removeParty') {
			await owner.action(pact, 'addParty', { name: 'Partie jetable', kind: 'autre' });
			fields = { partyId: String(query<number>(cast.databasePath, 'SELECT MAX(id) FROM parties')) };
		} else if (action === 'remove') {
			await owner.action(pact, 'add', { part: 'vision', text: 'Clause jetable', partyId: '' });
			fields = { clauseId: String(query<number>(cast.databasePath, 'SELECT MAX(id) FROM pact_clauses')) };
		} else {
			await owner.action(pact, 'addMeasure', { clauseId: String(cast.ids.commitmentClauseId), text: 'Mesure jetable' });
			fields = { measureId: String(query<number>(cast.databasePath, 'SELECT MAX(id) FROM pact_measures')) };
		}
	} else if (key.endsWith('pact?/disagreement')) {
		// A clause the room objected to (standing for the phones' choices), for this person to keep.
		execute(
			cast.databasePath,
			"INSERT INTO pact_clauses (group_id, part, position, text, state) VALUES (?, 'rules', 20, 'Objection jetable', 'objected')",
			groupId
		);
		fields.clauseId = String(query<number>(cast.databasePath, 'SELECT MAX(id) FROM pact_clauses'));
	} else if (key.endsWith('pact?/adopt')) {
		// Every clause consented (standing for the room) and one more, so each adoption makes a version.
		execute(
			cast.databasePath,
			"UPDATE pact_clauses SET state = 'consented' WHERE group_id = ? AND state <> 'disagreement'",
			groupId
		);
		execute(
			cast.databasePath,
			"INSERT INTO pact_clauses (group_id, part, position, text, state) VALUES (?, 'vision', 30, ?, 'consented')",
			groupId,
			`Clause consentie ${++counter}`
		);
	} else if (key.endsWith('versions?/unsign')) {
		await owner.action(`/groups/${groupId}/pact/versions`, 'sign', fieldsFor['versions?/sign']!(cast) as never);
	} else if (route.endsWith('[sessionId=id]/pact') && action === 'followMeasure') {
		fields = { measureId: String(cast.ids.measureId), status: 'carried', note: 'Reportée au trimestre prochain' };
	} else if (route.endsWith('[sessionId=id]/pact')) {
		// A round on session T: the one left open is closed, a fresh clause is put for ?/close.
		await owner.action(path, 'close', {});
		await owner.action(`/groups/${groupId}/pact`, 'add', { part: 'vision', text: 'Clause à soumettre', partyId: '' });
		const clauseId = String(query<number>(cast.databasePath, 'SELECT MAX(id) FROM pact_clauses'));
		if (action === 'close') await owner.action(path, 'put', { clauseId });
		fields = action === 'put' ? { clauseId } : {};
	} else if (key.endsWith('members?/withdraw')) {
		await invite(owner, groupId, 'viewer');
		const sql = 'SELECT id FROM invitations WHERE group_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1';
		fields = { invitationId: query<string>(cast.databasePath, sql, groupId) };
	} else if (key.endsWith('?/removeCommitment')) {
		await owner.action(path, 'addCommitment', { text: 'Engagement jetable', owner: '', dueOn: '' });
		const sql = 'SELECT MAX(id) FROM commitments WHERE session_id = ?';
		fields = { commitmentId: String(query<number>(cast.databasePath, sql, cast.ids.throwawaySessionId)) };
	} else if (route === '/invite/[token]') {
		const token = await invite(owner, cast.ids.throwawayGroupId, 'viewer');
		path = `/invite/${token}`;
		const email = `matrice-${name}-${++counter}@example.org`;
		fields = action === 'register' ? { name: 'Matrice', email, password, passwordConfirm: password } : {};
	} else if (key === '/account?/signOutEverywhere' && emails[name]) {
		// Signing out everywhere ends the person's own auth session too: they sign in again after.
		const actor = cast.actors[name];
		return {
			send: async (): Promise<HttpResponse> => {
				const response = await client.action(path, action, fields);
				const again = await signIn(cast.baseUrl, emails[name]!);
				actor.cookies.set('auth_session', again.cookies.get('auth_session')!);
				return response;
			}
		};
	} else if (route === '/sign-out' && emails[name]) {
		// Signing out ends an auth session: a second one, so the person stays signed in.
		client = await signIn(cast.baseUrl, emails[name]);
	}
	return { send: (): Promise<HttpResponse> => client.action(path, action, fields) };
}
