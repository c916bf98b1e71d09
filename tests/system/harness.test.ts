import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { serveRoom } from '../support/served-room';
import { acknowledged, joinRoom, openStage, questionnaireItems, sendAnswer } from '../support/room';

const served = serveRoom();

describe('a room driven over HTTP', () => {
	it('takes every answer of a few phones at the sixth stage and counts them live', async () => {
		const events: unknown[] = [];
		const projector = served.room.facilitator.stream(`/present/${served.room.sessionId}/events`, (event) =>
			events.push(event)
		);
		expect(await projector.opened).toBe(200);
		const phones = await Promise.all([1, 2, 3].map(() => joinRoom(served.server.url, served.room.joinCode)));
		await openStage(served.room, 6, 1);
		const items = await questionnaireItems(served.server.url);
		expect(items).toHaveLength(24);
		for (const phone of phones) {
			for (const item of items)
				expect(acknowledged(await sendAnswer(phone, served.room.joinCode, item, 3, 2))).toBe(true);
		}
		await new Promise((resolve) => setTimeout(resolve, 400));
		projector.close();
		const db = new Database(served.server.databasePath, { readonly: true });
		expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 72 });
		db.close();
		expect(events).toContainEqual(expect.objectContaining({ type: 'counts' }));
	});
});
