// The newest send wins by the phone's own sequence (migration 008), whatever order the network
// delivers them in; a form posted without JavaScript has none and always wins.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { participantAnswers, saveAnswer } from '$lib/server/db/answers';
import { createGroup } from '$lib/server/db/groups';
import { createParticipant } from '$lib/server/db/participants';
import { getFramework } from '$lib/server/framework';
import { answersCode } from '$lib/server/sessions/answer-endpoint';
import { createDraftSession } from '$lib/server/sessions/lifecycle';
import { makeUser, useLocale, useTempDatabase } from './helpers';

let cleanup: () => void;
let sessionId: number;
let participant: number;
const item = { level: 'nous', principleId: 'p1' };
const stored = () => participantAnswers(participant).map(({ a, b }) => [a, b]);

beforeEach(() => {
	cleanup = useTempDatabase().cleanup;
	useLocale('fr');
	const groupId = createGroup(makeUser().id, { name: 'COP locale', description: '', anonymityThreshold: 3 });
	sessionId = createDraftSession(groupId, { title: 'Revue', heldOn: '2026-03-21', settleDays: 7 }, getFramework('fr'));
	participant = createParticipant(sessionId, 'hash-of-a-token');
});
afterEach(() => cleanup());

it('keeps the newer send when the older one arrives last', () => {
	expect(saveAnswer(participant, sessionId, { ...item, a: 4, b: 3 }, 1000, 2)).toBe(true);
	expect(saveAnswer(participant, sessionId, { ...item, a: 1, b: 1 }, 2000, 1)).toBe(false);
	expect(stored()).toEqual([[4, 3]]);
});

it('replaces with a newer send, and with the same one sent again', () => {
	saveAnswer(participant, sessionId, { ...item, a: 1, b: 1 }, 1000, 1);
	expect(saveAnswer(participant, sessionId, { ...item, a: 2, b: null }, 2000, 2)).toBe(true);
	expect(saveAnswer(participant, sessionId, { ...item, a: 2, b: null }, 3000, 2)).toBe(true);
	expect(stored()).toEqual([[2, null]]);
});

it('lets a form posted without JavaScript win, and a sequenced send after it', () => {
	saveAnswer(participant, sessionId, { ...item, a: 1, b: 1 }, 1000, 50);
	expect(saveAnswer(participant, sessionId, { ...item, a: 3, b: 3 }, 2000)).toBe(true);
	expect(stored()).toEqual([[3, 3]]);
	expect(saveAnswer(participant, sessionId, { ...item, a: 0, b: 0 }, 3000, 10)).toBe(true);
	expect(stored()).toEqual([[0, 0]]);
});

it('knows the answers path of a join code, and nothing else', () => {
	expect(answersCode('/j/ABCDEF/answers')).toBe('ABCDEF');
	expect(answersCode('/j/ABCDE0/answers')).toBeNull();
	expect(answersCode('/j/ABCDEF/answer')).toBeNull();
	expect(answersCode('/j/ABCDEF/answers/')).toBeNull();
	expect(answersCode('/x/ABCDEF/answers')).toBeNull();
});
