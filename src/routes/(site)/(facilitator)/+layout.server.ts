import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

export const load: LayoutServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
};
