// What every phone's request goes through in a full room, made cheap for the benchmark
// (tests/load): the same answers as before, from fewer reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveAnswer } from '$lib/server/db/answers';
import { createGroup } from '$lib/server/db/groups';
import { createParticipant } from '$lib/server/db/participants';
import { findSession, type Session } from '$lib/server/db/sessions';
import { getFramework } from '$lib/server/framework';
import { liveCounts } from '$lib/server/sessions/counts';
import { sessionResults } from '$lib/server/sessions/results';
import {
	closeSession,
	createDraftSession,
	editPlanStage,
	moveStage,
	openSession,
	sessionPlan
} from '$lib/server/sessions/lifecycle';
import { findLiveSession, livePlan } from '$lib/server/sessions/live-session';
import { makeUser, useLocale, useTempDatabase } from './helpers';

let cleanup: () => void;
let sessionId: number;
const framework = () => getFramework('fr');
const current = () => findSession(sessionId) as Session;

beforeEach(() => {
	cleanup = useTempDatabase().cleanup;
	useLocale('fr');
	const groupId = createGroup(makeUser().id, { name: 'COP locale', description: '', anonymityThreshold: 3 });
	sessionId = createDraftSession(groupId, { title: 'Revue', heldOn: '2026-03-21', settleDays: 7 }, framework());
	openSession(current(), sessionPlan(sessionId, framework()), framework().instrumentVersion);
});

afterEach(() => cleanup());

function goToQuestionnaire(): { levels: string[] } {
	const plan = sessionPlan(sessionId, framework());
	const questionnaire = plan.find((stage) => stage.activity === 'questionnaire' && stage.levels.length === 2)!;
	while (current().stagePosition < questionnaire.position) moveStage(current(), plan, 1);
	return questionnaire;
}

describe('the live counts of a questionnaire', () => {
	it('count who started and who finished, at the stage’s levels only', () => {
		const { levels } = goToQuestionnaire();
		const principles = framework().principles.map((p) => p.id);
		const [finished, started, elsewhere] = ['a', 'b', 'c'].map((t) => createParticipant(sessionId, t));
		for (const level of levels) {
			for (const principleId of principles) saveAnswer(finished!, sessionId, { level, principleId, a: 2, b: 3 });
		}
		saveAnswer(started!, sessionId, { level: levels[0]!, principleId: principles[0]!, a: 1, b: null });
		saveAnswer(elsewhere!, sessionId, { level: 'je', principleId: principles[0]!, a: 1, b: 1 });
		const counts = liveCounts(current(), sessionPlan(sessionId, framework()), framework());
		expect(counts).toMatchObject({ joined: 3, answering: 2, responded: 1 });
	});
});

describe('the plan a phone reads', () => {
	it('is the stored plan, and follows an edit at once', () => {
		const { levels } = goToQuestionnaire();
		expect(livePlan(current(), framework())).toEqual(sessionPlan(sessionId, framework()));
		const position = current().stagePosition;
		editPlanStage(current(), position, false, [levels[1]!]);
		const edited = livePlan(current(), framework()).find((stage) => stage.position === position);
		expect(edited?.levels).toEqual([levels[1]]);
	});
});

describe('the session a join code opens', () => {
	it('is found while it settles, and made final once its settling days are over', () => {
		const code = current().joinCode!;
		closeSession(current());
		const { settlesUntil } = current();
		expect(findLiveSession(code, settlesUntil! - 1000)?.status).toBe('settling');
		expect(findLiveSession(code, settlesUntil! + 1000)).toBeUndefined();
		expect(current().status).toBe('closed');
	});
});

describe('the results a revealed room reloads', () => {
	it('are frozen with the session: the same for every phone, whatever is written afterwards', () => {
		const { levels } = goToQuestionnaire();
		const principleId = framework().principles[0]!.id;
		const people = ['a', 'b', 'c'].map((t) => createParticipant(sessionId, t));
		for (const person of people) saveAnswer(person!, sessionId, { level: levels[0]!, principleId, a: 4, b: 4 });
		expect(sessionResults(sessionId, framework())).toBeNull();
		closeSession(current());
		const first = sessionResults(sessionId, framework())!;
		expect(sessionResults(sessionId, framework())).toBe(first);
		expect(first.cells[levels[0]!]?.[principleId]).toMatchObject({ shown: true, n: 3 });
		saveAnswer(people[0]!, sessionId, { level: levels[0]!, principleId, a: 0, b: 0 });
		expect(sessionResults(sessionId, framework())).toEqual(first);
	});
});
