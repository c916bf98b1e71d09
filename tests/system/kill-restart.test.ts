import { afterAll, expect, it } from 'vitest';
import { readDatabase, sessionState, storedAnswers, tokenHash } from '../support/app-database';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import type { Client } from '../support/http-client';
import { followLive, type LiveFollower } from '../support/live-follower';
import { deliver } from '../support/phone-queue';
import { acknowledged, control, joinRoom, openRoom, openStage, questionnaireItems, sendAnswer } from '../support/room';
import { waitUntil } from '../support/wait';

const phoneCount = 100;
const killAfter = 300;

let server: AppServer | undefined;
let followers: LiveFollower[] = [];
afterAll(async () => {
	for (const follower of followers) follower.close();
	await server?.stop();
	if (server) removeDatabase(server.databasePath);
});

/** The ratings phone p gives to item i: varied, so that a value stored for the wrong item shows. */
const ratings = (p: number, i: number) => ({ a: (p + i) % 5, b: (p * 3 + i * 2) % 5 });

it('keeps every acknowledged answer, the stage and the live streams when the process is killed', async () => {
	server = await startServer();
	const { databasePath, port } = server;
	const room = await openRoom(server.url);
	const phones: Client[] = await Promise.all(
		Array.from({ length: phoneCount }, () => joinRoom(server!.url, room.joinCode))
	);
	await openStage(room, 6, 1);
	const items = await questionnaireItems(server.url);
	const events = `/j/${room.joinCode}/events`;
	followers = phones.map((phone) => followLive(phone, events));
	await waitUntil('every phone follows the session', () => followers.every((f) => f.connections === 1));
	const before = readDatabase(databasePath, (db) => sessionState(db, room.sessionId));

	// Every phone answers its items one after the other; a phone stops at its first network error.
	const acked = new Map<string, { a: number; b: number }>();
	const refused: number[] = [];
	let inFlight = 0;
	const answering = phones.map(async (phone, p) => {
		for (const [i, item] of items.entries()) {
			const { a, b } = ratings(p, i);
			inFlight++;
			try {
				const response = await sendAnswer(phone, room.joinCode, item, a, b);
				if (acknowledged(response)) acked.set(`${p}|${item.level}|${item.principleId}`, { a, b });
				else refused.push(response.status);
			} catch {
				return;
			} finally {
				inFlight--;
			}
		}
	});
	await waitUntil(`${killAfter} answers are acknowledged`, () => acked.size >= killAfter, { everyMs: 5 });
	const inFlightAtKill = inFlight;
	await server.stop('SIGKILL');
	await Promise.all(answering);
	const ackedBeforeKill = new Map(acked);
	expect(inFlightAtKill).toBeGreaterThan(0);
	expect(ackedBeforeKill.size).toBeLessThan(phoneCount * items.length);
	expect(refused).toEqual([]);

	server = await startServer({ databasePath, port });
	const lost: string[] = [];
	readDatabase(databasePath, (db) => {
		const stored = phones.map((phone) => storedAnswers(db, tokenHash(phone, room.sessionId)));
		for (const [key, values] of ackedBeforeKill) {
			const [p, level, principleId] = key.split('|');
			const row = stored[Number(p)]!.get(`${level}|${principleId}`);
			if (row?.a !== values.a || row?.b !== values.b) lost.push(key);
		}
		expect(sessionState(db, room.sessionId)).toEqual(before);
	});
	expect(lost).toEqual([]);

	// The phones' streams come back by themselves; their queues send what was not acknowledged.
	await waitUntil('every phone follows the session again', () => followers.every((f) => f.connections >= 2));
	await Promise.all(
		phones.map(async (phone, p) => {
			for (const [i, item] of items.entries()) {
				if (acked.has(`${p}|${item.level}|${item.principleId}`)) continue;
				const { a, b } = ratings(p, i);
				await deliver(phone, room.joinCode, item, a, b);
			}
		})
	);
	readDatabase(databasePath, (db) => {
		phones.forEach((phone, p) => {
			const stored = storedAnswers(db, tokenHash(phone, room.sessionId));
			expect(stored.size).toBe(items.length);
			items.forEach((item, i) => expect(stored.get(`${item.level}|${item.principleId}`)).toMatchObject(ratings(p, i)));
		});
	});

	// The facilitator moves on, and every phone hears of it.
	await control(room, 'next');
	await waitUntil('every phone hears of the next stage', () => followers.every((f) => f.version > before.version));
	expect(followers.flatMap((f) => f.refusals)).toEqual([]);
});
