// A live session driven over HTTP as people would: a facilitator who sets everything up from
// the first-run page, and participants who join by code and answer from their phones.
import { actionResult, Client, type HttpResponse } from './http-client';

export const facilitatorEmail = 'camille@example.org';
export const facilitatorPassword = 'une phrase de passe assez longue';

export interface Room {
	facilitator: Client;
	groupId: number;
	sessionId: number;
	joinCode: string;
	controlPath: string;
}

function expectOk(response: HttpResponse, what: string): void {
	const result = actionResult(response);
	if (response.status >= 400 || result.type === 'failure' || result.type === 'error') {
		throw new Error(`${what} failed: ${response.status} ${response.body.slice(0, 300)}`);
	}
}

function redirectId(response: HttpResponse, what: string): number {
	expectOk(response, what);
	const location = actionResult(response).location ?? '';
	const id = Number(/(\d+)$/.exec(location)?.[1]);
	if (!id) throw new Error(`${what}: no id in ${location}`);
	return id;
}

/** Creates the first account (through /setup), a group and a session, and opens it. */
export async function openRoom(baseUrl: string, { threshold = 3 } = {}): Promise<Room> {
	const facilitator = new Client(baseUrl);
	expectOk(
		await facilitator.action('/setup', 'default', {
			name: 'Camille',
			email: facilitatorEmail,
			password: facilitatorPassword,
			passwordConfirm: facilitatorPassword
		}),
		'setup'
	);
	const groupId = redirectId(
		await facilitator.action('/groups', 'create', {
			name: 'COP locale de Figeac',
			description: '',
			anonymityThreshold: String(threshold)
		}),
		'group'
	);
	const sessionId = redirectId(
		await facilitator.action(`/groups/${groupId}/sessions`, 'create', {
			title: 'Revue trimestrielle',
			heldOn: new Date().toISOString().slice(0, 10),
			settleDays: '7'
		}),
		'session'
	);
	const controlPath = `/groups/${groupId}/sessions/${sessionId}`;
	expectOk(await facilitator.action(controlPath, 'open'), 'open');
	const page = await facilitator.get(controlPath);
	const joinCode = /\/j\/([A-HJ-NP-Z2-9]{6})/.exec(page.body)?.[1];
	if (!joinCode) throw new Error('No join code on the control page');
	return { facilitator, groupId, sessionId, joinCode, controlPath };
}

/** Runs one control action (next, openActivity, closeActivity, reveal…) and checks it worked. */
export async function control(room: Room, action: string, fields: Record<string, string> = {}): Promise<void> {
	expectOk(await room.facilitator.action(room.controlPath, action, fields), action);
}

/** Moves the session to the stage at this position (1-based) and opens its activity. */
export async function openStage(room: Room, position: number, current: number): Promise<void> {
	for (let at = current; at < position; at++) await control(room, 'next');
	await control(room, 'openActivity');
}

/** A phone that joined the room: its client carries the participant cookie. */
export async function joinRoom(
	baseUrl: string,
	joinCode: string,
	headers: Record<string, string> = {}
): Promise<Client> {
	const phone = new Client(baseUrl, headers);
	const response = await phone.action(`/j/${joinCode}`, 'join');
	expectOk(response, 'join');
	return phone;
}

/** The 24 items of the default plan's sixth stage: every principle at the levels nous and dans. */
export async function questionnaireItems(baseUrl: string): Promise<{ level: string; principleId: string }[]> {
	const response = await new Client(baseUrl).get('/api/framework?lang=fr');
	const framework = response.json as { principles: { id: string }[] };
	return ['nous', 'dans'].flatMap((level) => framework.principles.map((p) => ({ level, principleId: p.id })));
}

let lastSeq = 0;
/** A sequence as the phone's answer queue gives each answer: growing with every send. */
export const nextSeq = () => (lastSeq = Math.max(Date.now(), lastSeq + 1));

/** One answer as the phone's answer queue sends it (to the answers endpoint, with its sequence). */
export function sendAnswer(
	phone: Client,
	joinCode: string,
	item: { level: string; principleId: string },
	a: number | 'x',
	b: number | 'x',
	timeoutMs?: number,
	seq = nextSeq()
): Promise<HttpResponse> {
	return sendAnswers(phone, joinCode, [{ ...item, a, b, seq }], timeoutMs);
}

/** Several answers in one request, as the phone's queue sends its backlog after a blip. */
export function sendAnswers(
	phone: Client,
	joinCode: string,
	answers: { level: string; principleId: string; a: number | 'x'; b: number | 'x'; seq: number }[],
	timeoutMs?: number
): Promise<HttpResponse> {
	return phone.request(`/j/${joinCode}/answers`, {
		method: 'POST',
		body: JSON.stringify({ answers: answers.map((one) => ({ ...one, a: String(one.a), b: String(one.b) })) }),
		headers: { 'content-type': 'application/json' },
		timeoutMs
	});
}

/** Whether the server acknowledged answers (what makes the phone's queue drop them). */
export function acknowledged(response: HttpResponse): boolean {
	return response.status === 200 && typeof (response.json as { saved?: unknown } | undefined)?.saved === 'number';
}
