import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAccount } from '$lib/server/auth/accounts';
import { authCookieName, validateAuthSession } from '$lib/server/auth/auth-session';
import type { Db } from '$lib/server/db/connection';
import { addGroundRule, listGroundRules } from '$lib/server/db/ground-rules';
import { addMember, createGroup, findGroupForUser, listMembers } from '$lib/server/db/groups';
import { findUserByEmail, type User } from '$lib/server/db/users';
import { createInvitation, inspectInvitation } from '$lib/server/invitations';
import { actions as setupActions } from '../../src/routes/(site)/setup/+page.server';
import { actions as signInActions } from '../../src/routes/(site)/sign-in/+page.server';
import { actions as groupsActions } from '../../src/routes/(site)/(facilitator)/groups/+page.server';
import { actions as settingsActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/settings/+page.server';
import { actions as rulesActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/rules/+page.server';
import { actions as membersActions } from '../../src/routes/(site)/(facilitator)/groups/[groupId=id]/members/+page.server';
import { actions as inviteActions } from '../../src/routes/(site)/invite/[token]/+page.server';
import fr from '../../messages/fr.json';
import { callAction, makeUser, TestCookies, useLocale, useTempDatabase, type Outcome } from './helpers';

let db: Db;
let cleanup: () => void;

beforeEach(() => {
	useLocale('fr');
	({ db, cleanup } = useTempDatabase());
});

afterEach(() => cleanup());

/** A French message as the user reads it. */
function text(key: keyof typeof fr, params: Record<string, string | number> = {}): string {
	return (fr[key] as string).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}

function failure(outcome: Outcome, status: number): Record<string, unknown> {
	expect(outcome).toMatchObject({ type: 'failure', status });
	return (outcome as Extract<Outcome, { type: 'failure' }>).data;
}

function count(table: string): number {
	return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

const password = 'une phrase assez longue';
const fields = { name: 'COP locale', description: 'Transition du territoire', anonymityThreshold: 3 };

function account(overrides: Record<string, string> = {}) {
	return { name: 'Camille', email: 'camille@example.org', password, passwordConfirm: password, ...overrides };
}

/** Expects the auth cookie to be set for this user, as Kit would send it. */
function expectSignedIn(cookies: TestCookies, user: Pick<User, 'email'>, secure = false) {
	const token = cookies.get(authCookieName);
	expect(token).toBeTruthy();
	expect(validateAuthSession(token!)?.user.email).toBe(user.email);
	expect(cookies.jar.get(authCookieName)?.options).toMatchObject({
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure
	});
}

describe('/setup', () => {
	const setup = (form: Record<string, string>, path = '/setup', cookies = new TestCookies()) =>
		callAction(setupActions.default, { path, form, cookies });

	it('creates the first facilitator, signs them in and goes to their groups', async () => {
		const cookies = new TestCookies();
		const outcome = await setup(account({ email: '  Camille@Example.org ' }), '/setup', cookies);
		expect(outcome).toEqual({ type: 'redirect', status: 303, location: '/groups' });
		const user = findUserByEmail('camille@example.org');
		expect(user).toMatchObject({ name: 'Camille', email: 'camille@example.org' });
		expectSignedIn(cookies, { email: 'camille@example.org' });
	});

	it('sets a Secure cookie when served over https', async () => {
		const cookies = new TestCookies();
		await setup(account(), 'https://entre-deux.example/setup', cookies);
		expectSignedIn(cookies, { email: 'camille@example.org' }, true);
	});

	it('refuses a short password with a clear message, writes nothing and never echoes it', async () => {
		const data = failure(await setup(account({ password: 'court', passwordConfirm: 'court' })), 400);
		expect(data.message).toBe(text('error_password_too_short', { min: 12 }));
		expect(data.values).toEqual({ name: 'Camille', email: 'camille@example.org' });
		expect(JSON.stringify(data)).not.toContain('court');
		expect(count('users')).toBe(0);
	});

	it('refuses passwords that differ and an invalid email', async () => {
		const mismatch = failure(await setup(account({ passwordConfirm: `${password}!` })), 400);
		expect(mismatch.message).toBe(text('error_password_mismatch'));
		expect(JSON.stringify(mismatch)).not.toContain(password);
		const email = failure(await setup(account({ email: 'camille@' })), 400);
		expect(email.message).toBe(text('error_email_invalid'));
		expect(count('users')).toBe(0);
	});

	it('answers 404 once a facilitator exists', async () => {
		await setup(account());
		const outcome = await setup(account({ name: 'Intrus', email: 'intrus@example.org' }));
		expect(outcome).toMatchObject({ type: 'error', status: 404, message: text('error_not_found') });
		expect(count('users')).toBe(1);
	});

	it('creates only one account when two first-run forms are sent at the same time', async () => {
		await Promise.allSettled([setup(account()), setup(account({ name: 'Intrus', email: 'intrus@example.org' }))]);
		expect(count('users')).toBe(1);
	});
});

describe('/sign-in', () => {
	const email = 'camille@example.org';

	beforeEach(async () => {
		await registerAccount({ name: 'Camille', email, password });
	});

	const signIn = (form: Record<string, string>, path = '/sign-in', cookies = new TestCookies()) =>
		callAction(signInActions.default, { path, form, cookies });

	it('refuses a wrong password without saying which of the two was wrong', async () => {
		const cookies = new TestCookies();
		const data = failure(await signIn({ email, password: 'pas le bon mot de passe' }, '/sign-in', cookies), 400);
		expect(data.message).toBe(text('sign_in_wrong'));
		expect(data.email).toBe(email);
		expect(JSON.stringify(data)).not.toContain('pas le bon');
		expect(cookies.get(authCookieName)).toBeUndefined();
		const unknown = failure(await signIn({ email: 'nobody@example.org', password }), 400);
		expect(unknown.message).toBe(text('sign_in_wrong'));
	});

	it('asks for a password when it is empty', async () => {
		const data = failure(await signIn({ email, password: '' }), 400);
		expect(data.message).toBe(text('error_password_required'));
	});

	it('locks the email at the tenth failure with a message giving the time', async () => {
		for (let i = 0; i < 9; i++) failure(await signIn({ email, password: 'wrong password' }), 400);
		const data = failure(await signIn({ email, password: 'wrong password' }), 429);
		const [before] = fr.sign_in_locked.split('{time}');
		expect(data.message).toContain(before);
		expect(data.message).toMatch(/\d{2}:\d{2}/);
		expect(data.locked).toBe(true);
		const cookies = new TestCookies();
		failure(await signIn({ email, password }, '/sign-in', cookies), 429);
		expect(cookies.get(authCookieName)).toBeUndefined();
	});

	it('signs in, sets the cookie and goes to the groups', async () => {
		const cookies = new TestCookies();
		const outcome = await signIn({ email: 'CAMILLE@example.org', password }, '/sign-in', cookies);
		expect(outcome).toEqual({ type: 'redirect', status: 303, location: '/groups' });
		expectSignedIn(cookies, { email });
	});

	it('goes back where the user was going, but never to another site', async () => {
		const back = await signIn({ email, password }, '/sign-in?redirectTo=%2Fgroups%2F7%2Frules');
		expect(back).toMatchObject({ type: 'redirect', location: '/groups/7/rules' });
		const away = await signIn({ email, password }, '/sign-in?redirectTo=%2F%2Fevil.example');
		expect(away).toMatchObject({ type: 'redirect', location: '/groups' });
	});
});

describe('groups: create', () => {
	it('creates a group owned by its creator and opens it', async () => {
		const user = makeUser();
		const form = { name: 'COP locale', description: '', anonymityThreshold: '4' };
		const outcome = await callAction(groupsActions.create, { path: '/groups?/create', form, user });
		const id = db.prepare('SELECT id FROM groups').pluck().get() as number;
		expect(outcome).toEqual({ type: 'redirect', status: 303, location: `/groups/${id}` });
		expect(findGroupForUser(id, user.id)).toMatchObject({
			group: { name: 'COP locale', anonymityThreshold: 4 },
			role: 'owner'
		});
	});

	it('asks for a name, keeps what was typed and writes nothing', async () => {
		const form = { name: '   ', description: 'Une description', anonymityThreshold: '3' };
		const data = failure(
			await callAction(groupsActions.create, { path: '/groups?/create', form, user: makeUser() }),
			400
		);
		expect(data.message).toBe(text('error_group_name_required'));
		expect(data.values).toMatchObject({ description: 'Une description' });
		expect(count('groups')).toBe(0);
	});

	it('refuses an anonymity threshold below 3', async () => {
		const form = { name: 'COP locale', anonymityThreshold: '2' };
		const data = failure(
			await callAction(groupsActions.create, { path: '/groups?/create', form, user: makeUser() }),
			400
		);
		expect(data.message).toBe(text('error_threshold'));
		expect(count('groups')).toBe(0);
	});

	it('sends a visitor who is not signed in to sign in first', async () => {
		const outcome = await callAction(groupsActions.create, { path: '/groups?/create', form: { name: 'X' } });
		expect(outcome).toMatchObject({ type: 'redirect', status: 303 });
		expect((outcome as Extract<Outcome, { type: 'redirect' }>).location).toMatch(/^\/sign-in\?redirectTo=%2Fgroups/);
		expect(count('groups')).toBe(0);
	});
});

/** A group with an owner, a facilitator, a viewer, and a signed-in stranger. */
function team() {
	const owner = makeUser('Owner');
	const facilitator = makeUser('Facilitator');
	const viewer = makeUser('Viewer');
	const stranger = makeUser('Stranger');
	const groupId = createGroup(owner.id, fields);
	addMember(groupId, facilitator.id, 'facilitator');
	addMember(groupId, viewer.id, 'viewer');
	return { owner, facilitator, viewer, stranger, groupId, params: { groupId: String(groupId) } };
}

describe('group settings', () => {
	const update = { name: 'Conseil de développement', description: 'Renommé', anonymityThreshold: '5' };

	it('lets neither a viewer update nor a stranger see the group', async () => {
		const { viewer, stranger, groupId, owner, params } = team();
		const path = `/groups/${groupId}/settings?/update`;
		expect(await callAction(settingsActions.update, { path, params, form: update, user: viewer })).toMatchObject({
			type: 'error',
			status: 403,
			message: text('error_forbidden')
		});
		expect(await callAction(settingsActions.update, { path, params, form: update, user: stranger })).toMatchObject({
			type: 'error',
			status: 404
		});
		const form = { confirmName: fields.name };
		const deletePath = `/groups/${groupId}/settings?/delete`;
		expect(await callAction(settingsActions.delete, { path: deletePath, params, form, user: stranger })).toMatchObject({
			type: 'error',
			status: 404
		});
		expect(findGroupForUser(groupId, owner.id)?.group.name).toBe(fields.name);
	});

	it('lets a facilitator update, but not delete', async () => {
		const { facilitator, groupId, params } = team();
		const outcome = await callAction(settingsActions.update, {
			path: `/groups/${groupId}/settings?/update`,
			params,
			form: update,
			user: facilitator
		});
		expect(outcome).toEqual({ type: 'success', data: { action: 'update', saved: true } });
		expect(findGroupForUser(groupId, facilitator.id)?.group).toMatchObject({
			name: 'Conseil de développement',
			description: 'Renommé',
			anonymityThreshold: 5
		});
		const refused = await callAction(settingsActions.delete, {
			path: `/groups/${groupId}/settings?/delete`,
			params,
			form: { confirmName: 'Conseil de développement' },
			user: facilitator
		});
		expect(refused).toMatchObject({ type: 'error', status: 403 });
		expect(count('groups')).toBe(1);
	});

	it('refuses an invalid update and keeps the group as it was', async () => {
		const { owner, groupId, params } = team();
		const form = { ...update, anonymityThreshold: '1' };
		const path = `/groups/${groupId}/settings?/update`;
		const data = failure(await callAction(settingsActions.update, { path, params, form, user: owner }), 400);
		expect(data.message).toBe(text('error_threshold'));
		expect(findGroupForUser(groupId, owner.id)?.group).toMatchObject({ name: fields.name, anonymityThreshold: 3 });
	});

	it('deletes the group only when the owner types its name', async () => {
		const { owner, groupId, params } = team();
		const path = `/groups/${groupId}/settings?/delete`;
		const wrong = await callAction(settingsActions.delete, { path, params, form: { confirmName: 'COP' }, user: owner });
		expect(failure(wrong, 400).message).toBe(text('error_confirm_name'));
		expect(findGroupForUser(groupId, owner.id)).toBeDefined();

		const form = { confirmName: ` ${fields.name} ` };
		const outcome = await callAction(settingsActions.delete, { path, params, form, user: owner });
		expect(outcome).toEqual({ type: 'redirect', status: 303, location: '/groups' });
		expect(findGroupForUser(groupId, owner.id)).toBeUndefined();
		expect(count('memberships')).toBe(0);
	});
});

describe('ground rules', () => {
	const rules = (groupId: number) => listGroundRules(groupId).map((rule) => rule.text);

	it('lets a facilitator add, edit, move and remove rules', async () => {
		const { facilitator: user, groupId, params } = team();
		const path = (action: string) => `/groups/${groupId}/rules?/${action}`;
		for (const rule of ['On s’écoute', 'On tient les délais']) {
			const outcome = await callAction(rulesActions.add, { path: path('add'), params, user, form: { text: rule } });
			expect(outcome).toEqual({ type: 'success', data: { action: 'add', added: true } });
		}
		const [first, second] = listGroundRules(groupId).map((rule) => String(rule.id)) as [string, string];

		const edit = { ruleId: first, text: 'On s’écoute vraiment' };
		expect(await callAction(rulesActions.edit, { path: path('edit'), params, user, form: edit })).toMatchObject({
			type: 'success'
		});
		await callAction(rulesActions.move, {
			path: path('move'),
			params,
			user,
			form: { ruleId: second, direction: 'up' }
		});
		expect(rules(groupId)).toEqual(['On tient les délais', 'On s’écoute vraiment']);

		await callAction(rulesActions.remove, { path: path('remove'), params, user, form: { ruleId: second } });
		expect(rules(groupId)).toEqual(['On s’écoute vraiment']);
		expect(listGroundRules(groupId)[0]?.position).toBe(1);
	});

	it('asks for a rule’s text', async () => {
		const { owner: user, groupId, params } = team();
		const outcome = await callAction(rulesActions.add, {
			path: `/groups/${groupId}/rules?/add`,
			params,
			user,
			form: { text: '  ' }
		});
		expect(failure(outcome, 400).message).toBe(text('error_rule_required'));
		expect(rules(groupId)).toEqual([]);
	});

	it('refuses every change to a viewer', async () => {
		const { viewer: user, groupId, params } = team();
		addGroundRule(groupId, 'Un');
		addGroundRule(groupId, 'Deux');
		const ruleId = String(listGroundRules(groupId)[1]!.id);
		const attempts = [
			[rulesActions.add, 'add', { text: 'Trois' }],
			[rulesActions.edit, 'edit', { ruleId, text: 'Changé' }],
			[rulesActions.move, 'move', { ruleId, direction: 'up' }],
			[rulesActions.remove, 'remove', { ruleId }]
		] as const;
		for (const [action, name, form] of attempts) {
			const outcome = await callAction(action, { path: `/groups/${groupId}/rules?/${name}`, params, user, form });
			expect(outcome, name).toMatchObject({ type: 'error', status: 403 });
		}
		expect(rules(groupId)).toEqual(['Un', 'Deux']);
	});

	it('does not edit a rule of another group', async () => {
		const { owner: user, groupId, params } = team();
		const other = createGroup(makeUser('Other').id, { ...fields, name: 'Other' });
		addGroundRule(other, 'Autre');
		const ruleId = String(listGroundRules(other)[0]!.id);
		const form = { ruleId, text: 'Piraté' };
		const outcome = await callAction(rulesActions.edit, { path: `/groups/${groupId}/rules?/edit`, params, user, form });
		expect(failure(outcome, 404).message).toBe(text('error_rule_missing'));
		expect(rules(other)).toEqual(['Autre']);
	});
});

describe('members', () => {
	const path = (groupId: number, action: string) => `/groups/${groupId}/members?/${action}`;

	it('lets a facilitator invite but not a viewer', async () => {
		const { facilitator, viewer, groupId, params } = team();
		const refused = await callAction(membersActions.invite, {
			path: path(groupId, 'invite'),
			params,
			user: viewer,
			form: { role: 'facilitator' }
		});
		expect(refused).toMatchObject({ type: 'error', status: 403 });
		expect(count('invitations')).toBe(0);

		const outcome = await callAction(membersActions.invite, {
			path: `http://192.168.1.20:3000/groups/${groupId}/members?/invite`,
			params,
			user: facilitator,
			form: { role: 'viewer' }
		});
		expect(outcome).toMatchObject({ type: 'success', data: { role: 'viewer' } });
		const link = String((outcome as Extract<Outcome, { type: 'success' }>).data?.inviteLink);
		expect(link).toMatch(/^http:\/\/192\.168\.1\.20:3000\/invite\/[a-z2-7]{32}$/);
		const token = link.split('/invite/')[1]!;
		expect(inspectInvitation(token)).toMatchObject({ state: 'valid', invitation: { groupId, role: 'viewer' } });
	});

	it('does not invite an owner', async () => {
		const { owner, groupId, params } = team();
		const form = { role: 'owner' };
		const outcome = await callAction(membersActions.invite, {
			path: path(groupId, 'invite'),
			params,
			user: owner,
			form
		});
		expect(failure(outcome, 400).message).toBe(text('error_invalid_form'));
		expect(count('invitations')).toBe(0);
	});

	it('lets only the owner change roles and remove members', async () => {
		const { owner, facilitator, viewer, groupId, params } = team();
		const promote = { userId: String(viewer.id), role: 'facilitator' };
		const byFacilitator = await callAction(membersActions.setRole, {
			path: path(groupId, 'setRole'),
			params,
			user: facilitator,
			form: promote
		});
		expect(byFacilitator).toMatchObject({ type: 'error', status: 403 });
		const removal = { userId: String(viewer.id) };
		expect(
			await callAction(membersActions.remove, {
				path: path(groupId, 'remove'),
				params,
				user: facilitator,
				form: removal
			})
		).toMatchObject({ type: 'error', status: 403 });
		expect(findGroupForUser(groupId, viewer.id)?.role).toBe('viewer');

		const byOwner = await callAction(membersActions.setRole, {
			path: path(groupId, 'setRole'),
			params,
			user: owner,
			form: promote
		});
		expect(byOwner).toEqual({ type: 'success', data: { saved: true } });
		expect(findGroupForUser(groupId, viewer.id)?.role).toBe('facilitator');

		await callAction(membersActions.remove, { path: path(groupId, 'remove'), params, user: owner, form: removal });
		expect(findGroupForUser(groupId, viewer.id)).toBeUndefined();
	});

	it('neither demotes nor removes the last owner', async () => {
		const { owner, facilitator, groupId, params } = team();
		const demote = { userId: String(owner.id), role: 'facilitator' };
		const setRole = (form: Record<string, string>) =>
			callAction(membersActions.setRole, { path: path(groupId, 'setRole'), params, user: owner, form });
		expect(failure(await setRole(demote), 400).message).toBe(text('error_last_owner'));
		const removal = { userId: String(owner.id) };
		const removed = await callAction(membersActions.remove, {
			path: path(groupId, 'remove'),
			params,
			user: owner,
			form: removal
		});
		expect(failure(removed, 400).message).toBe(text('error_last_owner'));
		expect(findGroupForUser(groupId, owner.id)?.role).toBe('owner');

		// With a second owner, the first may step down.
		await setRole({ userId: String(facilitator.id), role: 'owner' });
		expect(await setRole(demote)).toMatchObject({ type: 'success' });
		expect(
			listMembers(groupId)
				.filter((member) => member.role === 'owner')
				.map((member) => member.userId)
		).toEqual([facilitator.id]);
	});
});

describe('/invite/[token]', () => {
	function invited(role: 'facilitator' | 'viewer' = 'facilitator') {
		const owner = makeUser('Owner');
		const groupId = createGroup(owner.id, fields);
		const token = createInvitation(groupId, role, owner.id);
		return { groupId, token, params: { token } };
	}

	const register = (token: string, form: Record<string, string>, cookies = new TestCookies()) =>
		callAction(inviteActions.register, { path: `/invite/${token}?/register`, params: { token }, form, cookies });

	it('creates the account, adds it with the invited role and signs it in', async () => {
		const { groupId, token } = invited('viewer');
		const cookies = new TestCookies();
		const form = account({ name: 'Dominique', email: 'dominique@example.org' });
		expect(await register(token, form, cookies)).toEqual({
			type: 'redirect',
			status: 303,
			location: `/groups/${groupId}`
		});
		const user = findUserByEmail('dominique@example.org')!;
		expect(findGroupForUser(groupId, user.id)?.role).toBe('viewer');
		expectSignedIn(cookies, user);
	});

	it('works once: the second use answers 410 and creates nobody', async () => {
		const { token } = invited();
		await register(token, account({ name: 'Dominique', email: 'dominique@example.org' }));
		const users = count('users');
		const again = await register(token, account({ name: 'Eve', email: 'eve@example.org' }));
		expect(failure(again, 410).message).toBe(text('invite_unusable'));
		expect(count('users')).toBe(users);
	});

	it('never says that an email has an account: a wrong password is refused as for any, and the invitation stays usable', async () => {
		const { token } = invited();
		const taken = makeUser('Taken');
		const data = failure(await register(token, account({ name: 'Taken', email: taken.email.toUpperCase() })), 400);
		expect(data.message).toBe(text('invite_error_account'));
		expect(data.message).not.toMatch(/existe|already/i);
		expect(JSON.stringify(data)).not.toContain(password);
		expect(inspectInvitation(token).state).toBe('valid');
	});

	it('lets a person who already has an account join with its own password', async () => {
		const { token, groupId } = invited('viewer');
		await registerAccount({ name: 'Lou', email: 'lou@example.org', password });
		const users = count('users');
		const cookies = new TestCookies();
		const outcome = await register(token, account({ name: 'Autre nom', email: 'lou@example.org' }), cookies);
		expect(outcome).toMatchObject({ type: 'redirect', status: 303, location: `/groups/${groupId}` });
		expect(count('users')).toBe(users);
		const user = findUserByEmail('lou@example.org')!;
		expect(findGroupForUser(groupId, user.id)?.role).toBe('viewer');
	});

	it('answers 410 for an unknown token', async () => {
		const outcome = await register('nonexistent', account());
		expect(failure(outcome, 410).message).toBe(text('invite_unusable'));
		expect(count('users')).toBe(0);
	});

	it('lets a signed-in facilitator join, once', async () => {
		const { groupId, token, params } = invited('facilitator');
		const user = makeUser('Dominique');
		const join = () => callAction(inviteActions.join, { path: `/invite/${token}?/join`, params, user });
		expect(await join()).toEqual({ type: 'redirect', status: 303, location: `/groups/${groupId}` });
		expect(findGroupForUser(groupId, user.id)?.role).toBe('facilitator');
		expect(failure(await join(), 410).message).toBe(text('invite_unusable'));
	});
});
