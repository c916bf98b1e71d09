export const roles = ['owner', 'facilitator', 'viewer'] as const;
export type Role = (typeof roles)[number];

export type GroupAction = 'read' | 'edit' | 'invite' | 'manageMembers' | 'delete';

const allowed: Record<GroupAction, readonly Role[]> = {
	read: ['owner', 'facilitator', 'viewer'],
	edit: ['owner', 'facilitator'],
	invite: ['owner', 'facilitator'],
	manageMembers: ['owner'],
	delete: ['owner']
};

/** Whether a member with this role may do this to their group. */
export function can(role: Role, action: GroupAction): boolean {
	return allowed[action].includes(role);
}

/** Every action a role may do, for the UI to hide what it cannot. */
export function permissionsOf(role: Role): Record<GroupAction, boolean> {
	return Object.fromEntries(
		(Object.keys(allowed) as GroupAction[]).map((action) => [action, can(role, action)])
	) as Record<GroupAction, boolean>;
}
