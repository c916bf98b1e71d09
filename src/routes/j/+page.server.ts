import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { normalizeJoinCode } from '$lib/session/join-code';
import { lookUpCode } from '$lib/server/sessions/code-access';
import { parseForm, readForm } from '$lib/server/validation/form';
import { joinCodeInput } from '$lib/server/validation/participation';
import { m } from '$lib/paraglide/messages';

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const parsed = parseForm(joinCodeInput, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message, code: parsed.values.code ?? '' });
		const code = normalizeJoinCode(parsed.data.code);
		const found = lookUpCode(code, getClientAddress(), cookies);
		if ('session' in found) throw redirect(303, `/j/${code}`);
		if (found.refused === 'tooMany') return fail(429, { message: m.join_error_too_many(), code });
		return fail(404, { message: m.join_error_unknown(), code });
	}
};
