import { describe, expect, it } from 'vitest';
import { can, permissionsOf, roles, type GroupAction, type Role } from '$lib/server/auth/permissions';

const actions: GroupAction[] = ['read', 'edit', 'invite', 'manageMembers', 'delete'];

const expected: Record<Role, Record<GroupAction, boolean>> = {
	owner: { read: true, edit: true, invite: true, manageMembers: true, delete: true },
	facilitator: { read: true, edit: true, invite: true, manageMembers: false, delete: false },
	viewer: { read: true, edit: false, invite: false, manageMembers: false, delete: false }
};

describe('group permissions', () => {
	it('knows exactly the three roles', () => {
		expect([...roles]).toEqual(['owner', 'facilitator', 'viewer']);
	});

	for (const role of roles) {
		for (const action of actions) {
			const allowed = expected[role][action];
			it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
				expect(can(role, action)).toBe(allowed);
			});
		}

		it(`permissionsOf(${role}) lists every action with the same answer as can`, () => {
			expect(permissionsOf(role)).toEqual(expected[role]);
		});
	}
});
