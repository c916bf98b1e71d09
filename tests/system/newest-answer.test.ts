// The phone's answers endpoint (/j/CODE/answers) against the built app: the newest send wins by
// the phone's own sequence whatever order the network delivers them in, a queued backlog goes in
// one request, and the form without JavaScript still works beside it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDatabase, storedAnswers, tokenHash } from '../support/app-database';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { startHoldingProxy, type HoldingProxy } from '../support/holding-proxy';
import { Client } from '../support/http-client';
import {
	acknowledged,
	joinRoom,
	nextSeq,
	openRoom,
	openStage,
	questionnaireItems,
	sendAnswer,
	sendAnswers,
	type Room
} from '../support/room';
import { waitUntil } from '../support/wait';

let server: AppServer;
let proxy: HoldingProxy;
let room: Room;
let items: { level: string; principleId: string }[];
beforeAll(async () => {
	server = await startServer();
	proxy = await startHoldingProxy(server.port);
	room = await openRoom(server.url);
	await openStage(room, 6, 1);
	items = await questionnaireItems(server.url);
});
afterAll(async () => {
	await proxy?.close();
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
});

const stored = (phone: Client) =>
	readDatabase(server.databasePath, (db) => storedAnswers(db, tokenHash(phone, room.sessionId)));

/** The same phone (its cookie) reaching the app through the proxy. */
function throughProxy(phone: Client): Client {
	const other = new Client(proxy.url);
	for (const [name, value] of phone.cookies) other.cookies.set(name, value);
	return other;
}

it('an old send that a buffering proxy delivers after a newer one is acknowledged and ignored', async () => {
	const phone = await joinRoom(server.url, room.joinCode);
	const item = items[0]!;
	const oldSeq = nextSeq();
	const newSeq = nextSeq();
	// The first try goes through the proxy, which holds it; the phone gives up waiting and the
	// person changes the answer, which goes another way and is stored.
	proxy.hold();
	const old = sendAnswer(throughProxy(phone), room.joinCode, item, 1, 1, 20_000, oldSeq);
	await waitUntil('the proxy holds the old send', () => proxy.held === 1);
	expect(acknowledged(await sendAnswer(phone, room.joinCode, item, 4, 3, 10_000, newSeq))).toBe(true);
	expect(stored(phone).get(`${item.level}|${item.principleId}`)).toMatchObject({ a: 4, b: 3 });
	// Then the proxy lets the old one through, last.
	await proxy.release();
	const late = await old;
	expect(acknowledged(late)).toBe(true);
	expect(stored(phone).get(`${item.level}|${item.principleId}`)).toMatchObject({ a: 4, b: 3 });
	// A newer send still replaces it.
	expect(acknowledged(await sendAnswer(phone, room.joinCode, item, 0, 'x'))).toBe(true);
	expect(stored(phone).get(`${item.level}|${item.principleId}`)).toMatchObject({ a: 0, b: null });
});

it('the same order delivered in order: the newest is stored', async () => {
	const phone = await joinRoom(server.url, room.joinCode);
	const item = items[1]!;
	expect(acknowledged(await sendAnswer(phone, room.joinCode, item, 1, 1))).toBe(true);
	expect(acknowledged(await sendAnswer(phone, room.joinCode, item, 2, 2))).toBe(true);
	expect(stored(phone).get(`${item.level}|${item.principleId}`)).toMatchObject({ a: 2, b: 2 });
});

it('a phone back online sends its queued answers in one request, and they are all stored', async () => {
	const phone = await joinRoom(server.url, room.joinCode);
	const backlog = items.slice(0, 5).map((item, i) => ({ ...item, a: i % 5, b: (i + 2) % 5, seq: nextSeq() }));
	const response = await sendAnswers(phone, room.joinCode, backlog);
	expect(response.status).toBe(200);
	expect(response.json).toEqual({ saved: 5 });
	const mine = stored(phone);
	expect(mine.size).toBe(5);
	for (const answer of backlog) {
		expect(mine.get(`${answer.level}|${answer.principleId}`)).toMatchObject({ a: answer.a, b: answer.b });
	}
});

it('a batch with one malformed answer stores none of it, and says why in the phone’s language', async () => {
	const phone = await joinRoom(server.url, room.joinCode, { 'accept-language': 'en' });
	const good = { ...items[0]!, a: 1, b: 1, seq: nextSeq() };
	for (const bad of [
		{ ...items[1]!, a: 7, b: 1, seq: nextSeq() },
		{ ...items[1]!, a: 1, b: 1, seq: -1 },
		{ level: 'nous', principleId: 'not-a-principle', a: 1, b: 1, seq: nextSeq() },
		{ level: 'je', principleId: items[1]!.principleId, a: 1, b: 1, seq: nextSeq() }
	]) {
		const response = await sendAnswers(phone, room.joinCode, [good, bad]);
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({ message: expect.stringMatching(/[a-z]/) });
	}
	expect(stored(phone).size).toBe(0);
	const tooMany = Array.from({ length: 101 }, () => ({ ...good, seq: nextSeq() }));
	expect((await sendAnswers(phone, room.joinCode, tooMany)).status).toBe(400);
	const notJson = await phone.request(`/j/${room.joinCode}/answers`, {
		method: 'POST',
		body: 'level=nous',
		headers: { 'content-type': 'application/x-www-form-urlencoded' }
	});
	expect(notJson.status).toBe(415);
	expect(stored(phone).size).toBe(0);
});

it('refuses a phone that did not join, and an unknown code', async () => {
	const stranger = new Client(server.url);
	const response = await sendAnswer(stranger, room.joinCode, items[0]!, 1, 1);
	expect(response.status).toBe(403);
	expect(response.headers['x-content-type-options']).toBe('nosniff');
	expect((await sendAnswer(stranger, 'ZZZZZZ', items[0]!, 1, 1)).status).toBe(404);
});

it('without JavaScript, the form still stores the answer and moves on', async () => {
	const phone = await joinRoom(server.url, room.joinCode);
	const item = items[2]!;
	expect(acknowledged(await sendAnswer(phone, room.joinCode, item, 1, 1))).toBe(true);
	const response = await phone.action(
		`/j/${room.joinCode}`,
		'answer',
		{ ...item, a: '3', b: '4', step: '2', go: 'next' },
		{ enhanced: false }
	);
	expect(response.status).toBe(303);
	expect(response.headers.location).toBe(`/j/${room.joinCode}?step=3`);
	expect(stored(phone).get(`${item.level}|${item.principleId}`)).toMatchObject({ a: 3, b: 4 });
});
