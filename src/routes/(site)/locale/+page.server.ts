import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime';
import { safeRedirect } from '$lib/server/redirect';
import { readForm } from '$lib/server/validation/form';

export const load: PageServerLoad = () => {
	throw redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await readForm(request);
		const locale = String(form.get('locale') ?? '');
		if (isLocale(locale)) {
			// Read by paraglide on the client too, so it cannot be httpOnly.
			cookies.set(cookieName, locale, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: cookieMaxAge
			});
		}
		throw redirect(303, safeRedirect(form.get('redirectTo')));
	}
};
