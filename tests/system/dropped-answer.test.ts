import { afterAll, beforeAll, expect, it } from 'vitest';
import { participantCount, readDatabase, storedAnswers, tokenHash } from '../support/app-database';
import { removeDatabase, startServer, type AppServer } from '../support/app-server';
import { postAndHangUp } from '../support/hang-up';
import { Client } from '../support/http-client';
import { deliver } from '../support/phone-queue';
import { joinRoom, openRoom, openStage, questionnaireItems, type Room } from '../support/room';
import { waitUntil } from '../support/wait';

let server: AppServer;
let room: Room;
let items: { level: string; principleId: string }[];
beforeAll(async () => {
	server = await startServer();
	room = await openRoom(server.url);
	await openStage(room, 6, 1);
	items = await questionnaireItems(server.url);
});
afterAll(async () => {
	await server.stop();
	removeDatabase(server.databasePath);
});

/** The rows stored for this phone's answer to an item (the table allows one; a bug would show more). */
function rowsFor(phone: Client, item: { level: string; principleId: string }) {
	return readDatabase(server.databasePath, (db) =>
		db
			.prepare(
				`SELECT rating_a AS a, rating_b AS b FROM answers a JOIN participants p ON p.id = a.participant_id
				 WHERE p.token_hash = ? AND a.level = ? AND a.principle_id = ?`
			)
			.all(tokenHash(phone, room.sessionId), item.level, item.principleId)
	);
}

const answerPath = () => `/j/${room.joinCode}?/answer`;
const fields = (item: { level: string; principleId: string }, a: number, b: number) => ({
	...item,
	a: String(a),
	b: String(b)
});

// The server had the whole first request: it saved the answer though the phone never heard back,
// and the phone's queue sends it again, as it was or as the person changed it meanwhile.
it.each([
	{ case: 'the same answer is stored once with its values', first: [4, 1], again: [4, 1], item: 0 },
	{ case: 'a changed answer replaces it: the last one wins', first: [1, 1], again: [4, 0], item: 5 }
])('an answer whose response was lost, sent again: $case', async ({ first, again, item: index }) => {
	const phone = await joinRoom(server.url, room.joinCode);
	const item = items[index]!;
	await postAndHangUp(phone, answerPath(), fields(item, first[0]!, first[1]!));
	await waitUntil('the first try is stored', () => rowsFor(phone, item).length > 0);
	await deliver(phone, room.joinCode, item, again[0]!, again[1]!);
	expect(rowsFor(phone, item)).toEqual([{ a: again[0], b: again[1] }]);
	expect(readDatabase(server.databasePath, (db) => storedAnswers(db, tokenHash(phone, room.sessionId)).size)).toBe(1);
});

it('a phone whose join response was lost joins again as a second participant, and answers', async () => {
	const before = readDatabase(server.databasePath, (db) => participantCount(db, room.sessionId));
	const phone = new Client(server.url);
	await postAndHangUp(phone, `/j/${room.joinCode}?/join`, {});
	await waitUntil('the lost join is stored', () =>
		readDatabase(server.databasePath, (db) => participantCount(db, room.sessionId) === before + 1)
	);
	// The cookie never arrived, so the phone is nobody yet: joining again makes a new participant,
	// and the first one stays, without answers (the projector's "joined" counts one more).
	expect(phone.cookies.size).toBe(0);
	const again = await joinRoom(server.url, room.joinCode);
	expect(readDatabase(server.databasePath, (db) => participantCount(db, room.sessionId))).toBe(before + 2);
	await deliver(again, room.joinCode, items[0]!, 2, 2);
	expect(rowsFor(again, items[0]!)).toEqual([{ a: 2, b: 2 }]);
});
