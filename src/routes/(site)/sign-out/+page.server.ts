import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clearAuthCookie, invalidateAuthSession } from '$lib/server/auth/auth-session';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) throw redirect(303, '/sign-in');
};

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.authSession) invalidateAuthSession(locals.authSession.id);
		clearAuthCookie(cookies, url);
		throw redirect(303, '/sign-in');
	}
};
