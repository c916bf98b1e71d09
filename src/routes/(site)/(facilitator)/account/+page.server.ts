import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { changePassword } from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guards';
import { clearAuthCookie, invalidateAuthSession, invalidateUserAuthSessions } from '$lib/server/auth/auth-session';
import { minPasswordLength } from '$lib/server/auth/password';
import { deleteUserAuthSession, listAuthSessions } from '$lib/server/db/auth-sessions';
import { parseForm, readForm } from '$lib/server/validation/form';
import { passwordChange, signInRef } from '$lib/server/validation/account';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const current = locals.authSession?.id;
	return {
		user,
		minPasswordLength,
		signIns: listAuthSessions(user.id).map((s) => ({
			id: s.id,
			createdAt: s.createdAt,
			lastUsedAt: s.lastUsedAt,
			userAgent: s.userAgent,
			current: s.id === current
		}))
	};
};

export const actions: Actions = {
	changePassword: async ({ locals, url, request, getClientAddress }) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(passwordChange, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message, section: 'password' });
		const { current, password } = parsed.data;
		const outcome = await changePassword(user, current, password, locals.authSession!.id, getClientAddress());
		if ('changed' in outcome) return { passwordChanged: true };
		if ('wrongCredentials' in outcome)
			return fail(400, { message: m.account_error_current_password(), section: 'password' });
		return fail(429, { message: m.account_error_too_many(), section: 'password' });
	},
	signOutOne: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(signInRef, await readForm(request));
		if (!parsed.success || parsed.data.id === locals.authSession?.id) {
			return fail(400, { message: m.error_invalid_form(), section: 'signIns' });
		}
		if (!deleteUserAuthSession(user.id, parsed.data.id))
			return fail(400, { message: m.error_invalid_form(), section: 'signIns' });
		return { signedOutOne: true };
	},
	signOutEverywhere: ({ locals, url, cookies }) => {
		const user = requireUser(locals, url);
		invalidateUserAuthSessions(user.id, null);
		if (locals.authSession) invalidateAuthSession(locals.authSession.id);
		clearAuthCookie(cookies, url);
		throw redirect(303, '/');
	}
};
