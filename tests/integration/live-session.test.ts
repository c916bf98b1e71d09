import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGroundRule } from '$lib/server/db/ground-rules';
import { createGroup } from '$lib/server/db/groups';
import { hashToken } from '$lib/server/auth/tokens';
import { feedbackCounts } from '$lib/server/db/feedback';
import { countParticipants, findParticipant } from '$lib/server/db/participants';
import { sendFeedback } from '$lib/server/sessions/contributions';
import { findSession, listPlan } from '$lib/server/db/sessions';
import { finalizeSettledSessions } from '$lib/server/sessions/lifecycle';
import { countSessionAnswers, sessionAnswers } from '$lib/server/db/answers';
import { findSnapshot } from '$lib/server/db/snapshots';
import { addCommitment, listOpenCommitments } from '$lib/server/db/commitments';
import { getFramework } from '$lib/server/framework';
import { aggregateCells, kindBreakdown, sessionResults } from '$lib/server/sessions/results';
import type { User } from '$lib/server/db/users';
import { m } from '$lib/paraglide/messages';
import { actions as sessionsActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/+page.server';
import {
	actions as controlActions,
	load as controlLoad
} from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/sessions/[sessionId=id]/+page.server';
import { actions as rulesActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/rules/+page.server';
import { actions as joinActions } from '../../src/routes/j/+page.server';
import { actions as phoneActions, load as phoneLoad } from '../../src/routes/j/[code=joincode]/+page.server';
import { callAction, makeUser, TestCookies, useLocale, useTempDatabase, type Outcome } from './helpers';

let cleanup: () => void;
let owner: User;
let groupId: number;
let sessionId: number;
let code: string;

beforeEach(async () => {
	cleanup = useTempDatabase().cleanup;
	useLocale('fr');
	owner = makeUser();
	groupId = createGroup(owner.id, { name: 'COP locale', description: '', anonymityThreshold: 3 });
	addGroundRule(groupId, 'On parle en « je »');
	const created = await callAction(sessionsActions.create, {
		path: `/groups/${groupId}/sessions?/create`,
		params: { groupId: String(groupId) },
		user: owner,
		form: { title: 'Revue du printemps', heldOn: '2026-03-21', settleDays: '7' }
	});
	expect(created.type).toBe('redirect');
	sessionId = Number((created as { location: string }).location.split('/').pop());
});

afterEach(() => cleanup());

const params = () => ({ groupId: String(groupId), sessionId: String(sessionId) });
const control = (name: keyof typeof controlActions, form: Record<string, string> = {}) =>
	callAction(controlActions[name], {
		path: `/groups/${groupId}/sessions/${sessionId}?/${name}`,
		params: params(),
		user: owner,
		form
	});
const phone = (name: keyof typeof phoneActions, cookies: TestCookies, form: Record<string, string> = {}) =>
	callAction(phoneActions[name], { path: `/j/${code}?/${name}`, params: { code }, cookies, form });
const phoneData = async (cookies: TestCookies) =>
	(
		(await callAction(phoneLoad as never, { path: `/j/${code}`, params: { code }, cookies })) as unknown as {
			data: Record<string, never>;
		}
	).data;

async function openAndJoin(count: number): Promise<TestCookies[]> {
	expect((await control('open')).type).toBe('success');
	code = findSession(sessionId)!.joinCode!;
	const phones = Array.from({ length: count }, () => new TestCookies());
	for (const cookies of phones) expect((await phone('join', cookies)).type).toBe('redirect');
	return phones;
}

async function goToStage(position: number) {
	while (findSession(sessionId)!.stagePosition < position) expect((await control('next')).type).toBe('success');
}

const principles = [
	'role-identite',
	'place',
	'transformation',
	'je-nous',
	'sachant-apprenant',
	'oeuvre-auteurs',
	'projet-processus',
	'accord-desaccord',
	'dedans-dehors',
	'explicite-implicite',
	'guider-emerger',
	'urgence-temps'
];

describe('a live session through its own routes', () => {
	it('opens with a six-character join code and a phone joins by typing it', async () => {
		await openAndJoin(0);
		expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);
		const typed = await callAction(joinActions.default, { path: '/j', form: { code: ` ${code.toLowerCase()} ` } });
		expect(typed).toEqual({ type: 'redirect', status: 303, location: `/j/${code}` });
		const wrong = await callAction(joinActions.default, { path: '/j', form: { code: 'ZZZZZZ' } });
		expect(wrong).toMatchObject({ type: 'failure', status: 404 });
	});

	it('keeps the same participant when the same phone joins again', async () => {
		const [first] = await openAndJoin(3);
		await phone('join', first!);
		expect(countParticipants(sessionId)).toBe(3);
		expect((await phoneData(first!)).joined).toBe(true);
		expect((await phoneData(new TestCookies())).joined).toBe(false);
	});

	it('takes input only while the current activity is open', async () => {
		const [cookies] = await openAndJoin(1);
		const early = await phone('checkin', cookies!, { availability: '4', word: 'curieuse' });
		expect(early).toMatchObject({ type: 'failure', status: 409, data: { message: m.participant_error_closed() } });
		await control('openActivity');
		expect(await phone('checkin', cookies!, { availability: '4', word: 'curieuse' })).toMatchObject({
			type: 'success'
		});
		expect(await phone('answer', cookies!, { level: 'je', principleId: 'place', a: '2', b: '3' })).toMatchObject({
			type: 'failure',
			status: 409
		});
	});

	it('accepts answers, lets them change until the activity closes, then refuses them', async () => {
		const phones = await openAndJoin(4);
		await goToStage(4);
		await control('openActivity');
		for (const [index, cookies] of phones.entries()) {
			for (const principleId of principles) {
				const outcome = await phone('answer', cookies, { level: 'je', principleId, a: String(index % 5), b: '3' });
				expect(outcome.type).toBe('success');
			}
		}
		await phone('answer', phones[0]!, { level: 'je', principleId: 'place', a: 'x', b: '4' });
		const place = sessionAnswers(sessionId).filter((answer) => answer.principleId === 'place');
		expect(place).toHaveLength(4);
		expect(place).toContainEqual({ level: 'je', principleId: 'place', a: null, b: 4 });

		const nous = await phone('answer', phones[0]!, { level: 'nous', principleId: 'place', a: '1', b: '1' });
		expect(nous).toMatchObject({ type: 'failure', status: 400 });
		const outOfRange = await phone('answer', phones[0]!, { level: 'je', principleId: 'place', a: '5', b: '1' });
		expect(outOfRange).toMatchObject({ type: 'failure', status: 400 });

		await control('closeActivity');
		const late = await phone('answer', phones[1]!, { level: 'je', principleId: 'place', a: '0', b: '0' });
		expect(late).toMatchObject({ type: 'failure', status: 409, data: { message: m.participant_error_closed() } });
		expect(sessionAnswers(sessionId).filter((answer) => answer.principleId === 'place')).toHaveLength(4);

		const data = (await callAction(controlLoad as never, { path: '', params: params(), user: owner })) as Outcome & {
			data: { counts: { responded: number; joined: number } };
		};
		expect(data.data.counts).toMatchObject({ joined: 4, responded: 4 });
	});

	it('hides results below the threshold, per principle and level, and shows them above', async () => {
		const phones = await openAndJoin(3);
		await goToStage(4);
		await control('openActivity');
		for (const cookies of phones) await phone('answer', cookies, { level: 'je', principleId: 'place', a: '4', b: '4' });
		await phone('answer', phones[0]!, { level: 'je', principleId: 'role-identite', a: '2', b: '2' });
		await phone('answer', phones[1]!, { level: 'je', principleId: 'role-identite', a: '2', b: '2' });
		await phone('answer', phones[2]!, { level: 'je', principleId: 'role-identite', a: 'x', b: '2' });
		expect((await phoneData(phones[0]!)).results).toBeNull();

		await goToStage(7);
		await control('reveal');
		const { results } = (await phoneData(phones[0]!)) as unknown as {
			results: { cells: Record<string, Record<string, { shown: boolean; n: number; meanMaturity?: number }>> };
		};
		expect(results.cells.je!.place).toMatchObject({ shown: true, n: 3, meanMaturity: 100 });
		expect(results.cells.je!['role-identite']).toEqual({ shown: false, n: 2 });
		expect(results.cells.nous!.place).toEqual({ shown: false, n: 0 });
	});

	it('never gives a phone another participant’s answers', async () => {
		const [mine, theirs] = await openAndJoin(2);
		await goToStage(4);
		await control('openActivity');
		await phone('answer', theirs!, { level: 'je', principleId: 'place', a: '1', b: '2' });
		const data = (await phoneData(mine!)) as unknown as { activity: { items: { answer: unknown }[] } };
		expect(data.activity.items.every((item) => item.answer === null)).toBe(true);
	});

	it('closes into settling, takes late reflections, and never jumps from draft to closed', async () => {
		expect(await control('finalize')).toMatchObject({ type: 'error', status: 409 });
		const [cookies] = await openAndJoin(1);
		await control('close');
		expect(findSession(sessionId)!.status).toBe('settling');
		const reflection = await phone('feedback', cookies!, { keep: 'Le radar', missing: '', lived: '' });
		expect(reflection).toMatchObject({ type: 'success' });
		expect(await phone('feedback', cookies!, { keep: '', missing: '', lived: '' })).toMatchObject({
			type: 'failure',
			status: 400
		});
		// One late reflection per phone, so that k shown together are k people.
		expect(await phone('feedback', cookies!, { keep: 'Encore', missing: '', lived: '' })).toMatchObject({
			type: 'failure',
			status: 429,
			data: { message: m.feedback_error_late_sent() }
		});
		await control('finalize');
		expect(findSession(sessionId)!.status).toBe('closed');
		expect(await phone('join', new TestCookies())).toMatchObject({ type: 'error', status: 404 });
	});

	it('takes one « retour » per phone in the room, and one sent as the session closes is late', async () => {
		const [first, second] = await openAndJoin(2);
		await goToStage(8);
		expect(await control('openActivity')).toMatchObject({ type: 'success' });
		const send = (cookies: TestCookies, keep: string) => phone('feedback', cookies, { keep, missing: '', lived: '' });
		expect(await send(first!, 'Le rythme')).toMatchObject({ type: 'success' });
		expect(await send(first!, 'Et encore')).toMatchObject({
			type: 'failure',
			status: 429,
			data: { message: m.feedback_error_sent() }
		});
		// The phone read the session as live; it closes before the « retour » is stored: it is late.
		const stillLive = findSession(sessionId)!;
		await control('close');
		const token = second!.get(`participant_${sessionId}`)!;
		const participant = findParticipant(sessionId, hashToken(token))!;
		expect(sendFeedback(stillLive.id, participant, '192.0.2.1', { keep: 'Juste après', missing: '', lived: '' })).toBe(
			null
		);
		expect(feedbackCounts(sessionId)).toEqual({ inRoom: 1, late: 1 });
	});

	it('lets the facilitator skip a stage and change a questionnaire’s levels, before and during the session', async () => {
		expect(await control('plan', { position: '2', skipped: 'on' })).toMatchObject({ type: 'success' });
		const levels = await callAction(controlActions.plan, {
			path: '',
			params: params(),
			user: owner,
			form: { position: '6' }
		});
		expect(levels).toMatchObject({ type: 'failure', status: 400 });
		await openAndJoin(0);
		expect(await control('plan', { position: '6', levels: 'dans' })).toMatchObject({ type: 'success' });
		expect(listPlan(sessionId).find((stage) => stage.position === 6)?.levels).toEqual(['dans']);
		expect(findSession(sessionId)!.stagePosition).toBe(1);
		await control('next');
		expect(findSession(sessionId)!.stagePosition).toBe(3);
		expect(await control('plan', { position: '3', skipped: 'on' })).toMatchObject({ type: 'error', status: 409 });
	});

	it('becomes final by itself once its settling days are over', async () => {
		await openAndJoin(0);
		await control('close');
		const { settlesUntil } = findSession(sessionId)!;
		finalizeSettledSessions(settlesUntil! - 1000);
		expect(findSession(sessionId)!.status).toBe('settling');
		finalizeSettledSessions(settlesUntil! + 1000);
		expect(findSession(sessionId)!.status).toBe('closed');
	});

	it('freezes its results when it closes: nothing before, then the snapshot, and no answer kept', async () => {
		const phones = await openAndJoin(4);
		await goToStage(2);
		await control('openActivity');
		for (const [index, cookies] of phones.entries()) {
			await phone('identity', cookies, { displayName: '', actorKind: index < 3 ? 'habitant' : 'elu' });
		}
		await goToStage(4);
		await control('openActivity');
		for (const [index, cookies] of phones.entries()) {
			for (const principleId of principles) {
				await phone('answer', cookies, { level: 'je', principleId, a: String(index), b: String(4 - index) });
			}
		}
		const framework = getFramework('fr');
		const exact = aggregateCells(sessionAnswers(sessionId), 3, framework);
		expect(sessionResults(sessionId, framework)).toBeNull();
		expect(kindBreakdown(sessionId, framework)).toEqual([]);
		await control('close');
		const snapshot = findSnapshot(sessionId)!;
		expect(snapshot).toMatchObject({
			participantCount: 4,
			respondentCount: 4,
			anonymityThreshold: 3,
			instrumentVersion: framework.instrumentVersion
		});
		expect(snapshot.byKind['']).toEqual(exact);
		// Three habitants shown beside the whole group of four would give away the one élu's answers.
		expect(snapshot.byKind.habitant!.je!.place).toEqual({ shown: false, n: 3 });
		expect(snapshot.byKind.elu!.je!.place).toEqual({ shown: false, n: 1 });
		expect(kindBreakdown(sessionId, framework)).toEqual([]);
		expect(countSessionAnswers(sessionId)).toBe(0);
		await control('finalize');
		expect(sessionResults(sessionId, framework)!.cells.je!.place).toMatchObject({
			shown: true,
			n: 4,
			meanMaturity: 34
		});
	});

	it('reviews the commitments of earlier sessions: done and dropped leave the list, carried over stays', async () => {
		const earlier = await callAction(sessionsActions.create, {
			path: '',
			params: { groupId: String(groupId) },
			user: owner,
			form: { title: 'Revue d’hiver', heldOn: '2025-12-10', settleDays: '7' }
		});
		const earlierId = Number((earlier as { location: string }).location.split('/').pop());
		for (const text of ['Inviter les jeunes', 'Publier le compte rendu', 'Visiter la ferme'])
			addCommitment(groupId, earlierId, { text, owner: '', dueOn: null });
		const [inviter, publier, visiter] = listOpenCommitments(groupId);
		await control('reviewCommitment', { commitmentId: String(inviter!.id), status: 'done' });
		await control('reviewCommitment', { commitmentId: String(publier!.id), status: 'carried' });
		await control('reviewCommitment', { commitmentId: String(visiter!.id), status: 'dropped' });
		expect(listOpenCommitments(groupId).map((c) => [c.text, c.status])).toEqual([
			['Publier le compte rendu', 'carried']
		]);
		const viewer = makeUser('Lou');
		expect(
			await callAction(controlActions.reviewCommitment, {
				path: '',
				params: params(),
				user: viewer,
				form: { commitmentId: String(publier!.id), status: 'done' }
			})
		).toMatchObject({ type: 'error', status: 404 });
	});

	it('moves its screens when a ground rule changes, so phones at stage 3 see the new rules', async () => {
		const rule = (name: keyof typeof rulesActions, form: Record<string, string>) =>
			callAction(rulesActions[name], {
				path: `/groups/${groupId}/rules?/${name}`,
				params: { groupId: String(groupId) },
				user: owner,
				form
			});
		const [one] = await openAndJoin(1);
		await goToStage(3);
		const version = () => findSession(sessionId)!.version;
		const before = version();
		expect(await rule('add', { text: 'On finit à l’heure' })).toMatchObject({ type: 'success' });
		expect(version()).toBe(before + 1);
		const rules = ((await phoneData(one!)).activity as unknown as { rules: { id: number; text: string }[] }).rules;
		expect(rules.map((r) => r.text)).toEqual(['On parle en « je »', 'On finit à l’heure']);
		await rule('move', { ruleId: String(rules[1]!.id), direction: 'up' });
		await rule('edit', { ruleId: String(rules[1]!.id), text: 'On finit à l’heure dite' });
		await rule('remove', { ruleId: String(rules[0]!.id) });
		expect(version()).toBe(before + 4);
		// A refused change moves nothing.
		expect(await rule('remove', { ruleId: '999999' })).toMatchObject({ type: 'failure', status: 404 });
		expect(await rule('add', { text: ' ' })).toMatchObject({ type: 'failure', status: 400 });
		expect(version()).toBe(before + 4);
	});

	it('moves once when the same move is sent twice (a double click, or two facilitators)', async () => {
		await openAndJoin(1);
		expect(await control('next', { from: '1' })).toMatchObject({ type: 'success' });
		expect(await control('next', { from: '1' })).toMatchObject({
			type: 'failure',
			status: 409,
			data: { message: m.control_error_moved() }
		});
		expect(findSession(sessionId)!.stagePosition).toBe(2);
		expect(await control('previous', { from: 'x' })).toMatchObject({ type: 'failure', status: 400 });
		expect(await control('previous', { from: '2' })).toMatchObject({ type: 'success' });
		expect(findSession(sessionId)!.stagePosition).toBe(1);
	});

	it('reveals at the reveal stage only, and never takes answers again once revealed', async () => {
		const phones = await openAndJoin(3);
		await goToStage(4);
		await control('openActivity');
		for (const cookies of phones) await phone('answer', cookies, { level: 'je', principleId: 'place', a: '3', b: '3' });
		expect(await control('reveal')).toMatchObject({ type: 'failure', status: 409 });
		expect(findSession(sessionId)!.revealed).toBe(false);
		await goToStage(7);
		expect(await control('reveal')).toMatchObject({ type: 'success' });
		const before = sessionResults(sessionId, getFramework('fr'));
		expect(before!.cells.je!.place).toMatchObject({ shown: true, n: 3, meanMaturity: 75 });

		while (findSession(sessionId)!.stagePosition > 4) await control('previous');
		expect(await control('openActivity')).toMatchObject({
			type: 'failure',
			status: 409,
			data: { message: m.activity_error_published() }
		});
		const late = new TestCookies();
		await phone('join', late);
		expect(await phone('answer', late, { level: 'je', principleId: 'place', a: '0', b: '0' })).toMatchObject({
			type: 'failure',
			status: 409
		});
		expect(sessionResults(sessionId, getFramework('fr'))).toEqual(before);
	});
});
