import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import {
	acknowledged,
	joinRoom,
	openRoom,
	openStage,
	questionnaireItems,
	sendAnswer,
	type Room
} from '../support/room';

let server: AppServer;
let room: Room;

beforeAll(async () => {
	server = await startServer();
	room = await openRoom(server.url);
});
afterAll(async () => {
	await server.stop();
	removeDatabase(server.databasePath);
});

describe('a room driven over HTTP', () => {
	it('takes every answer of a few phones at the sixth stage and counts them live', async () => {
		const events: unknown[] = [];
		const projector = room.facilitator.stream(`/present/${room.sessionId}/events`, (event) => events.push(event));
		expect(await projector.opened).toBe(200);
		const phones = await Promise.all([1, 2, 3].map(() => joinRoom(server.url, room.joinCode)));
		await openStage(room, 6, 1);
		const items = await questionnaireItems(server.url);
		expect(items).toHaveLength(24);
		for (const phone of phones) {
			for (const item of items) expect(acknowledged(await sendAnswer(phone, room.joinCode, item, 3, 2))).toBe(true);
		}
		await new Promise((resolve) => setTimeout(resolve, 400));
		projector.close();
		const db = new Database(server.databasePath, { readonly: true });
		expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 72 });
		db.close();
		expect(events).toContainEqual(expect.objectContaining({ type: 'counts' }));
	});
});
