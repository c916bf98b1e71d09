import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { checkCredentials, startAuthSession } from '$lib/server/auth/accounts';
import { safeRedirect } from '$lib/server/redirect';
import { parseForm, readForm } from '$lib/server/validation/form';
import { signIn } from '$lib/server/validation/account';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) throw redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/groups'));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = parseForm(signIn, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message, email: parsed.values.email });
		const outcome = await checkCredentials(parsed.data.email, parsed.data.password, Date.now(), getClientAddress());
		if ('addressLockedUntil' in outcome) {
			return fail(429, { message: m.sign_in_too_many_address(), email: parsed.data.email, locked: true });
		}
		if ('lockedUntil' in outcome) {
			const time = new Date(outcome.lockedUntil).toLocaleTimeString(getLocale(), {
				hour: '2-digit',
				minute: '2-digit'
			});
			return fail(429, { message: m.sign_in_locked({ time }), email: parsed.data.email, locked: true });
		}
		if ('wrongCredentials' in outcome) {
			return fail(400, { message: m.sign_in_wrong(), email: parsed.data.email });
		}
		startAuthSession(cookies, url, outcome.user.id, request.headers.get('user-agent') ?? '');
		throw redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/groups'));
	}
};
