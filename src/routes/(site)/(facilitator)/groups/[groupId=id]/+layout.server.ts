import type { LayoutServerLoad } from './$types';
import { requireGroup, requireUser } from '$lib/server/auth/guards';
import { permissionsOf } from '$lib/server/auth/permissions';

export const load: LayoutServerLoad = ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const { group, role } = requireGroup(user, Number(params.groupId));
	return { group, role, can: permissionsOf(role) };
};
