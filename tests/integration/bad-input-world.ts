// A group with people in every role, a draft and two live sessions with a participant each, a
// card, a commitment and invitations: everything a bad input could aim at, and must not change.
import type { Activity } from '$lib/framework/types';
import { addCard, listCards } from '$lib/server/db/cards';
import { addCommitment } from '$lib/server/db/commitments';
import { addGroundRule, listGroundRules } from '$lib/server/db/ground-rules';
import { addMember, createGroup } from '$lib/server/db/groups';
import { findSession, updateSession } from '$lib/server/db/sessions';
import { addMeasure, addParty } from '$lib/server/db/pact';
import { addOwnClause } from '$lib/server/pact/draft';
import type { User } from '$lib/server/db/users';
import { getFramework } from '$lib/server/framework';
import { acceptInvitation, createInvitation } from '$lib/server/invitations';
import { createDraftSession, openSession, sessionPlan } from '$lib/server/sessions/lifecycle';
import { joinSession, participantCookieName } from '$lib/server/sessions/participation';
import { afterEach, beforeEach } from 'vitest';
import { makeUser, TestCookies, useTempDatabase } from './helpers';

export interface World {
	owner: User;
	facilitator: User;
	viewer: User;
	stranger: User;
	groupId: number;
	groupName: string;
	ruleIds: number[];
	/** A party, a draft clause of the pact's rules, a commitment clause and its measure. */
	partyId: number;
	clauseId: number;
	commitmentClauseId: number;
	measureId: number;
	draftId: number;
	liveId: number;
	liveCode: string;
	/** A live session of another group, whose participant token is replayed on the first one. */
	otherId: number;
	otherCode: string;
	cardId: number;
	commitmentId: number;
	/** A pending invitation's token, and one already used. */
	invitation: string;
	usedInvitation: string;
	/** The participant cookies of the live session and of the other one. */
	phone: TestCookies;
	otherPhone: TestCookies;
}

function openedSession(groupId: number, title: string): { id: number; code: string } {
	const framework = getFramework('fr');
	const id = createDraftSession(groupId, { title, heldOn: '2026-03-21', settleDays: 7 }, framework);
	openSession(findSession(id)!, sessionPlan(id, framework), framework.instrumentVersion);
	return { id, code: findSession(id)!.joinCode! };
}

function joined(sessionId: number): TestCookies {
	const cookies = new TestCookies();
	joinSession(findSession(sessionId)!, cookies, new URL('http://localhost/'));
	return cookies;
}

/** Builds the world in the current (temporary) database. */
export function makeWorld(): World {
	const [owner, facilitator, viewer, stranger] = ['Owner', 'Facilitator', 'Viewer', 'Stranger'].map((name) =>
		makeUser(name)
	) as [User, User, User, User];
	const groupName = 'COP locale';
	const groupId = createGroup(owner.id, { name: groupName, description: '', anonymityThreshold: 3 });
	addMember(groupId, facilitator.id, 'facilitator');
	addMember(groupId, viewer.id, 'viewer');
	addGroundRule(groupId, 'On parle en « je »');
	addGroundRule(groupId, 'On tient les délais');
	const draftId = createDraftSession(
		groupId,
		{ title: 'Brouillon', heldOn: '2026-06-21', settleDays: 7 },
		getFramework('fr')
	);
	const live = openedSession(groupId, 'Revue du printemps');
	const otherGroup = createGroup(stranger.id, { name: 'Autre collectif', description: '', anonymityThreshold: 3 });
	const other = openedSession(otherGroup, 'Autre séance');
	addCard(live.id, 'Une carte');
	const commitmentId = addCommitment(groupId, live.id, { text: 'Relire la charte', owner: 'Lou', dueOn: null });
	const partyId = addParty(groupId, 'Ville de Redon', 'collectivite');
	const clauseId = addOwnClause(groupId, 'rules', 'Nous décidons par consentement.', null);
	const commitmentClauseId = addOwnClause(groupId, 'commitments', 'La ville prête une salle.', partyId);
	const measureId = addMeasure(commitmentClauseId, 'Salle réservée');
	const usedInvitation = createInvitation(groupId, 'viewer', owner.id);
	acceptInvitation(usedInvitation, makeUser('Invited').id);
	return {
		owner,
		facilitator,
		viewer,
		stranger,
		groupId,
		groupName,
		ruleIds: listGroundRules(groupId).map((rule) => rule.id),
		partyId,
		clauseId,
		commitmentClauseId,
		measureId,
		draftId,
		liveId: live.id,
		liveCode: live.code,
		otherId: other.id,
		otherCode: other.code,
		cardId: listCards(live.id)[0]!.id,
		commitmentId,
		invitation: createInvitation(groupId, 'facilitator', owner.id),
		usedInvitation,
		phone: joined(live.id),
		otherPhone: joined(other.id)
	};
}

/** Puts the live session at the stage running this activity, open or not. */
export function atActivity(world: World, activity: Activity, phase: 'open' | 'closed' = 'open'): void {
	const stage = sessionPlan(world.liveId, getFramework('fr')).find((s) => s.activity === activity);
	if (!stage) throw new Error(`No stage runs ${activity}`);
	updateSession(world.liveId, { stagePosition: stage.position, phase });
}

/** The participant token of a phone in a session. */
export function tokenOf(cookies: TestCookies, sessionId: number): string {
	return cookies.get(participantCookieName(sessionId))!;
}

/**
 * The world of the test that runs: rebuilt in a fresh temporary database before each test of
 * the file, and dropped after it.
 */
export function useWorld(): World {
	const world = {} as World;
	let cleanup = () => {};
	beforeEach(() => {
		({ cleanup } = useTempDatabase());
		Object.assign(world, makeWorld());
	});
	afterEach(() => cleanup());
	return world;
}
