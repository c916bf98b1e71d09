import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { registerAccount, startAuthSession } from '$lib/server/auth/accounts';
import { hasUsers } from '$lib/server/db/users';
import { parseForm, readForm } from '$lib/server/validation/form';
import { newAccount } from '$lib/server/validation/account';
import { minPasswordLength } from '$lib/server/auth/password';
import { createDemoGroup } from '$lib/server/demo';
import { demoLabels } from '$lib/server/demo-labels';
import { getFramework } from '$lib/server/framework';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

// Once the first facilitator exists, /setup is closed: everyone else comes in by invitation.
function ensureOpen() {
	if (hasUsers()) throw error(404, m.error_not_found());
}

export const load: PageServerLoad = () => {
	ensureOpen();
	return { minPasswordLength };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		ensureOpen();
		const form = await readForm(request);
		const parsed = parseForm(newAccount, form);
		if (!parsed.success) return fail(400, { message: parsed.message, values: parsed.values });
		const user = await registerAccount(parsed.data, { firstOnly: true });
		if (!user) throw error(404, m.error_not_found());
		if (form.get('demo') === 'on') createDemoGroup(user.id, getFramework(getLocale()), demoLabels());
		startAuthSession(cookies, url, user.id, request.headers.get('user-agent') ?? '');
		throw redirect(303, '/groups');
	}
};
