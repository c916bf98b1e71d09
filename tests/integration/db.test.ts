import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCredentials, registerAccount } from '$lib/server/auth/accounts';
import {
	authSessionLifetime,
	createAuthSession,
	invalidateAuthSession,
	validateAuthSession
} from '$lib/server/auth/auth-session';
import { lockoutWindow, maxFailures } from '$lib/server/auth/throttle';
import { hashToken } from '$lib/server/auth/tokens';
import { deleteExpiredAuthSessions, findAuthSession } from '$lib/server/db/auth-sessions';
import type { Db } from '$lib/server/db/connection';
import {
	addGroundRule,
	listGroundRules,
	moveGroundRule,
	removeGroundRule,
	updateGroundRule
} from '$lib/server/db/ground-rules';
import {
	addMember,
	countOwners,
	createGroup,
	deleteGroup,
	findGroupForUser,
	listGroupsForUser,
	listMembers,
	updateGroup
} from '$lib/server/db/groups';
import { listPendingInvitations } from '$lib/server/db/invitations';
import { signInFailuresSince } from '$lib/server/db/sign-in-failures';
import { createUser, findUserByEmail, hasUsers } from '$lib/server/db/users';
import { acceptInvitation, createInvitation, inspectInvitation, invitationLifetime } from '$lib/server/invitations';
import { makeUser, useTempDatabase } from './helpers';

const minute = 60 * 1000;
const day = 24 * 60 * minute;
const t0 = Date.UTC(2025, 2, 1, 9, 0);

let db: Db;
let cleanup: () => void;

beforeEach(() => {
	({ db, cleanup } = useTempDatabase());
});

afterEach(() => cleanup());

function count(table: string, where = '1', ...args: unknown[]): number {
	return db
		.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`)
		.pluck()
		.get(...args) as number;
}

const fields = { name: 'COP locale', description: 'Une coopérative de projets', anonymityThreshold: 3 };

describe('users', () => {
	it('creates an account, found by its email in any case', () => {
		expect(hasUsers()).toBe(false);
		const user = createUser('Camille', 'camille@example.org', 'hash');
		expect(hasUsers()).toBe(true);
		expect(findUserByEmail('Camille@Example.ORG')).toEqual({ ...user, passwordHash: 'hash' });
		expect(findUserByEmail('someone@example.org')).toBeUndefined();
	});

	it('refuses a second account with the same email in another case', () => {
		createUser('Camille', 'camille@example.org', 'hash');
		expect(() => createUser('Other', 'CAMILLE@example.org', 'hash')).toThrow(/UNIQUE/);
		expect(count('users')).toBe(1);
	});

	it('registerAccount hashes the password and returns null for a taken email', async () => {
		const user = await registerAccount({ name: 'Camille', email: 'camille@example.org', password: 'long enough pass' });
		expect(user?.name).toBe('Camille');
		expect(findUserByEmail('camille@example.org')?.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await registerAccount({ name: 'B', email: 'CAMILLE@example.org', password: 'long enough pass' })).toBeNull();
		expect(count('users')).toBe(1);
	});
});

describe('auth sessions', () => {
	it('stores only the hash of the token and finds the user behind it', () => {
		const user = makeUser();
		const { token, session } = createAuthSession(user.id, t0);
		expect(session.id).toBe(hashToken(token));
		expect(count('auth_sessions', 'id = ?', token)).toBe(0);
		expect(session.expiresAt).toBe(t0 + 30 * day);
		expect(validateAuthSession(token, t0 + minute)).toEqual({ session, user });
	});

	it('answers null for an unknown token', () => {
		expect(validateAuthSession('not-a-token', t0)).toBeNull();
	});

	it('keeps the expiry while more than half of the life is left', () => {
		const { token } = createAuthSession(makeUser().id, t0);
		expect(validateAuthSession(token, t0 + 14 * day)?.session.expiresAt).toBe(t0 + 30 * day);
	});

	it('pushes the expiry back to 30 days when less than 15 days are left', () => {
		const { token, session } = createAuthSession(makeUser().id, t0);
		const later = t0 + 16 * day;
		expect(validateAuthSession(token, later)?.session.expiresAt).toBe(later + authSessionLifetime);
		expect(findAuthSession(session.id)?.session.expiresAt).toBe(later + 30 * day);
		// Still valid well after the first expiry.
		expect(validateAuthSession(token, t0 + 40 * day)).not.toBeNull();
	});

	it('ends a sign-in 90 days after it started, however often it was used', () => {
		const { token, session } = createAuthSession(makeUser().id, t0);
		for (let at = t0 + 16 * day; at < t0 + 90 * day; at += 16 * day)
			expect(validateAuthSession(token, at)).not.toBeNull();
		expect(findAuthSession(session.id)?.session.expiresAt).toBe(t0 + 90 * day);
		expect(validateAuthSession(token, t0 + 90 * day)).toBeNull();
		expect(findAuthSession(session.id)).toBeUndefined();
	});

	it('answers null for an expired session and deletes it', () => {
		const { token, session } = createAuthSession(makeUser().id, t0);
		expect(validateAuthSession(token, t0 + 30 * day)).toBeNull();
		expect(findAuthSession(session.id)).toBeUndefined();
	});

	it('ends a session when invalidated, leaving the user’s other sessions', () => {
		const user = makeUser();
		const first = createAuthSession(user.id, t0);
		const second = createAuthSession(user.id, t0);
		invalidateAuthSession(first.session.id);
		expect(validateAuthSession(first.token, t0 + minute)).toBeNull();
		expect(validateAuthSession(second.token, t0 + minute)).not.toBeNull();
	});

	it('clears expired sessions in bulk', () => {
		const user = makeUser();
		createAuthSession(user.id, t0);
		const fresh = createAuthSession(user.id, t0 + 10 * day);
		deleteExpiredAuthSessions(t0 + 31 * day);
		expect(count('auth_sessions')).toBe(1);
		expect(findAuthSession(fresh.session.id)).toBeDefined();
	});
});

describe('sign-in lockout', () => {
	const email = 'camille@example.org';
	const password = 'correct horse battery';

	beforeEach(async () => {
		await registerAccount({ name: 'Camille', email, password });
	});

	async function failTimes(times: number, start: number, step = 1000) {
		const outcomes = [];
		for (let i = 0; i < times; i++) outcomes.push(await checkCredentials(email, 'wrong password', start + i * step));
		return outcomes;
	}

	it('signs in with the right password', async () => {
		const outcome = await checkCredentials(email, password, t0);
		expect(outcome).toEqual({ user: { id: expect.any(Number), name: 'Camille', email } });
	});

	it('refuses a wrong password and an unknown email alike', async () => {
		expect(await checkCredentials(email, 'wrong password', t0)).toEqual({ wrongCredentials: true });
		expect(await checkCredentials('nobody@example.org', password, t0)).toEqual({ wrongCredentials: true });
	});

	it('locks an email for 15 minutes at the tenth failure', async () => {
		const outcomes = await failTimes(maxFailures, t0);
		expect(outcomes.slice(0, 9)).toEqual(Array(9).fill({ wrongCredentials: true }));
		const tenth = t0 + 9 * 1000;
		expect(outcomes[9]).toEqual({ lockedUntil: tenth + 15 * minute });
		expect(lockoutWindow).toBe(15 * minute);
	});

	it('refuses even the right password while locked, without extending the lock', async () => {
		await failTimes(maxFailures, t0);
		const until = t0 + 9 * 1000 + 15 * minute;
		expect(await checkCredentials(email, password, t0 + minute)).toEqual({ lockedUntil: until });
		expect(await checkCredentials(email, 'wrong again', t0 + 2 * minute)).toEqual({ lockedUntil: until });
		expect(await checkCredentials(email, password, t0 + 10 * minute)).toEqual({ lockedUntil: until });
	});

	it('stays locked until the very moment it announced', async () => {
		// Ten failures over nine minutes: the lock announced runs 15 minutes from the tenth.
		const outcomes = await failTimes(maxFailures, t0, minute);
		const until = t0 + 9 * minute + 15 * minute;
		expect(outcomes[9]).toEqual({ lockedUntil: until });
		expect(await checkCredentials(email, password, until - minute)).toEqual({ lockedUntil: until });
		expect(await checkCredentials(email, password, until - 1)).toEqual({ lockedUntil: until });
		expect(await checkCredentials(email, password, until)).toHaveProperty('user');
	});

	it('lets the right password in after 15 minutes and forgets the failures', async () => {
		await failTimes(maxFailures, t0);
		const later = t0 + 9 * 1000 + 15 * minute;
		expect(await checkCredentials(email, password, later)).toHaveProperty('user');
		expect(signInFailuresSince(email, 0)).toEqual([]);
		expect(await checkCredentials(email, 'wrong password', later + 1000)).toEqual({ wrongCredentials: true });
	});

	it('locks one email only, whatever its case', async () => {
		await registerAccount({ name: 'Dominique', email: 'dominique@example.org', password });
		await failTimes(maxFailures, t0);
		expect(await checkCredentials('CAMILLE@example.org', password, t0 + minute)).toHaveProperty('lockedUntil');
		expect(await checkCredentials('dominique@example.org', password, t0 + minute)).toHaveProperty('user');
	});
});

describe('groups', () => {
	it('makes its creator the owner', () => {
		const owner = makeUser();
		const id = createGroup(owner.id, fields);
		expect(findGroupForUser(id, owner.id)).toEqual({ group: { id, ...fields }, role: 'owner' });
		expect(listMembers(id)).toEqual([{ userId: owner.id, name: owner.name, email: owner.email, role: 'owner' }]);
		expect(countOwners(id)).toBe(1);
	});

	it('lists only the groups a user belongs to, by name, with role and member count', () => {
		const camille = makeUser('Camille');
		const dominique = makeUser('Dominique');
		const zebra = createGroup(camille.id, { ...fields, name: 'zèbres' });
		const alpha = createGroup(camille.id, { ...fields, name: 'Alpha' });
		createGroup(dominique.id, { ...fields, name: 'Autre collectif' });
		addMember(alpha, dominique.id, 'viewer');

		expect(listGroupsForUser(camille.id).map((group) => [group.id, group.role, group.memberCount])).toEqual([
			[alpha, 'owner', 2],
			[zebra, 'owner', 1]
		]);
		expect(listGroupsForUser(dominique.id).map((group) => [group.name, group.role])).toEqual([
			['Alpha', 'viewer'],
			['Autre collectif', 'owner']
		]);
		expect(listGroupsForUser(makeUser('Eve').id)).toEqual([]);
	});

	it('hides a group from a non-member', () => {
		const id = createGroup(makeUser().id, fields);
		expect(findGroupForUser(id, makeUser('Stranger').id)).toBeUndefined();
		expect(findGroupForUser(id + 100, makeUser('Other').id)).toBeUndefined();
	});

	it('updates name, description and threshold', () => {
		const owner = makeUser();
		const id = createGroup(owner.id, fields);
		const changed = { name: 'Conseil de développement', description: '', anonymityThreshold: 5 };
		updateGroup(id, changed);
		expect(findGroupForUser(id, owner.id)?.group).toEqual({ id, ...changed });
	});

	it('keeps the role of a member added twice', () => {
		const owner = makeUser();
		const id = createGroup(owner.id, fields);
		addMember(id, owner.id, 'viewer');
		expect(findGroupForUser(id, owner.id)?.role).toBe('owner');
	});

	it('deletes its memberships, ground rules and invitations with it', () => {
		const owner = makeUser();
		const id = createGroup(owner.id, fields);
		const kept = createGroup(owner.id, { ...fields, name: 'Kept' });
		addMember(id, makeUser('Viewer').id, 'viewer');
		addGroundRule(id, 'On s’écoute');
		addGroundRule(kept, 'Kept rule');
		createInvitation(id, 'facilitator', owner.id);

		deleteGroup(id);
		expect(findGroupForUser(id, owner.id)).toBeUndefined();
		expect(count('memberships', 'group_id = ?', id)).toBe(0);
		expect(count('ground_rules', 'group_id = ?', id)).toBe(0);
		expect(count('invitations', 'group_id = ?', id)).toBe(0);
		expect(listGroundRules(kept)).toHaveLength(1);
		expect(count('users')).toBe(2);
	});

	it('refuses an anonymity threshold below 3 and writes nothing', () => {
		const owner = makeUser();
		expect(() => createGroup(owner.id, { ...fields, anonymityThreshold: 2 })).toThrow(/CHECK constraint/);
		expect(count('groups')).toBe(0);
		expect(count('memberships')).toBe(0);
		const id = createGroup(owner.id, fields);
		expect(() => updateGroup(id, { ...fields, anonymityThreshold: 1 })).toThrow(/CHECK constraint/);
		expect(findGroupForUser(id, owner.id)?.group.anonymityThreshold).toBe(3);
	});
});

describe('ground rules', () => {
	let groupId: number;
	const texts = () => listGroundRules(groupId).map((rule) => rule.text);
	const positions = () => listGroundRules(groupId).map((rule) => rule.position);
	const ids = () => listGroundRules(groupId).map((rule) => rule.id);

	beforeEach(() => {
		groupId = createGroup(makeUser().id, fields);
		for (const text of ['Un', 'Deux', 'Trois']) addGroundRule(groupId, text);
	});

	it('appends rules in order', () => {
		expect(texts()).toEqual(['Un', 'Deux', 'Trois']);
		expect(positions()).toEqual([1, 2, 3]);
	});

	it('edits a rule’s text', () => {
		expect(updateGroundRule(groupId, ids()[1]!, 'Deux, reformulée')).toBe(true);
		expect(texts()).toEqual(['Un', 'Deux, reformulée', 'Trois']);
	});

	it('moves a rule up or down by swapping with its neighbour', () => {
		const [one, two, three] = ids() as [number, number, number];
		expect(moveGroundRule(groupId, three, -1)).toBe(true);
		expect(texts()).toEqual(['Un', 'Trois', 'Deux']);
		expect(moveGroundRule(groupId, one, 1)).toBe(true);
		expect(texts()).toEqual(['Trois', 'Un', 'Deux']);
		expect(positions()).toEqual([1, 2, 3]);
		expect(ids()).toEqual([three, one, two]);
	});

	it('does not move the first rule up nor the last one down', () => {
		const [one, , three] = ids() as [number, number, number];
		expect(moveGroundRule(groupId, one, -1)).toBe(false);
		expect(moveGroundRule(groupId, three, 1)).toBe(false);
		expect(texts()).toEqual(['Un', 'Deux', 'Trois']);
	});

	it('removes a rule and renumbers the others 1..n', () => {
		expect(removeGroundRule(groupId, ids()[0]!)).toBe(true);
		expect(texts()).toEqual(['Deux', 'Trois']);
		expect(positions()).toEqual([1, 2]);
		addGroundRule(groupId, 'Quatre');
		expect(positions()).toEqual([1, 2, 3]);
	});

	it('cannot touch a rule of another group', () => {
		const other = createGroup(makeUser('Other').id, { ...fields, name: 'Other' });
		addGroundRule(other, 'Autre');
		const foreign = listGroundRules(other)[0]!.id;
		expect(updateGroundRule(groupId, foreign, 'Piraté')).toBe(false);
		expect(removeGroundRule(groupId, foreign)).toBe(false);
		expect(moveGroundRule(groupId, foreign, -1)).toBe(false);
		expect(listGroundRules(other)).toEqual([{ id: foreign, position: 1, text: 'Autre' }]);
		expect(texts()).toEqual(['Un', 'Deux', 'Trois']);
	});
});

describe('invitations', () => {
	let owner: ReturnType<typeof makeUser>;
	let groupId: number;

	beforeEach(() => {
		owner = makeUser('Owner');
		groupId = createGroup(owner.id, fields);
	});

	it('are valid when new, name their group and store only the token’s hash', () => {
		const token = createInvitation(groupId, 'viewer', owner.id, t0);
		const { invitation, state } = inspectInvitation(token, t0 + minute);
		expect(state).toBe('valid');
		expect(invitation).toMatchObject({ groupId, groupName: fields.name, role: 'viewer', usedAt: null });
		expect(invitation?.id).toBe(hashToken(token));
		expect(count('invitations', 'id = ?', token)).toBe(0);
	});

	it('add the member with the invited role, once', () => {
		const token = createInvitation(groupId, 'facilitator', owner.id, t0);
		const guest = makeUser('Guest');
		expect(acceptInvitation(token, guest.id, t0 + minute)).toBe(groupId);
		expect(findGroupForUser(groupId, guest.id)?.role).toBe('facilitator');

		const late = makeUser('Late');
		expect(acceptInvitation(token, late.id, t0 + 2 * minute)).toBeNull();
		expect(findGroupForUser(groupId, late.id)).toBeUndefined();
		expect(inspectInvitation(token, t0 + 2 * minute).state).toBe('used');
	});

	it('give a viewer the viewer role', () => {
		const token = createInvitation(groupId, 'viewer', owner.id, t0);
		const guest = makeUser('Guest');
		acceptInvitation(token, guest.id, t0);
		expect(findGroupForUser(groupId, guest.id)?.role).toBe('viewer');
	});

	it('expire after 7 days', () => {
		const token = createInvitation(groupId, 'viewer', owner.id, t0);
		expect(invitationLifetime).toBe(7 * day);
		expect(inspectInvitation(token, t0 + 7 * day - 1).state).toBe('valid');
		expect(inspectInvitation(token, t0 + 7 * day).state).toBe('expired');
		const guest = makeUser('Guest');
		expect(acceptInvitation(token, guest.id, t0 + 8 * day)).toBeNull();
		expect(findGroupForUser(groupId, guest.id)).toBeUndefined();
	});

	it('answer unknown for a token that was never issued', () => {
		expect(inspectInvitation('no-such-token', t0)).toEqual({ invitation: undefined, state: 'unknown' });
		expect(acceptInvitation('no-such-token', makeUser('Guest').id, t0)).toBeNull();
	});

	it('are listed as pending until used or expired', () => {
		const used = createInvitation(groupId, 'viewer', owner.id, t0);
		createInvitation(groupId, 'facilitator', owner.id, t0);
		acceptInvitation(used, makeUser('Guest').id, t0);
		expect(listPendingInvitations(groupId, t0 + minute).map((invitation) => invitation.role)).toEqual(['facilitator']);
		expect(listPendingInvitations(groupId, t0 + 7 * day)).toEqual([]);
	});
});
