import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { isJoinCode, normalizeJoinCode } from '$lib/session/join-code';
import { findJoinableSession } from '$lib/server/db/sessions';
import { mayTryJoinCode, noteWrongJoinCode } from '$lib/server/sessions/join-throttle';
import { parseForm, readForm } from '$lib/server/validation/form';
import { joinCodeInput } from '$lib/server/validation/participation';
import { m } from '$lib/paraglide/messages';

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const parsed = parseForm(joinCodeInput, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message, code: parsed.values.code ?? '' });
		const address = getClientAddress();
		const code = normalizeJoinCode(parsed.data.code);
		if (!mayTryJoinCode(address)) return fail(429, { message: m.join_error_too_many(), code });
		if (!isJoinCode(code) || !findJoinableSession(code)) {
			noteWrongJoinCode(address);
			return fail(404, { message: m.join_error_unknown(), code });
		}
		throw redirect(303, `/j/${code}`);
	}
};
