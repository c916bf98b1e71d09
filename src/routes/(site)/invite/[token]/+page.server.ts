import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { accountForInvitation, startAuthSession } from '$lib/server/auth/accounts';
import { minPasswordLength } from '$lib/server/auth/password';
import { acceptInvitation, inspectInvitation } from '$lib/server/invitations';
import { parseForm, readForm } from '$lib/server/validation/form';
import { newAccount } from '$lib/server/validation/account';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ params, locals }) => {
	const { invitation, state } = inspectInvitation(params.token);
	return {
		state,
		groupName: state === 'valid' ? invitation?.groupName : undefined,
		role: invitation?.role,
		signedInAs: locals.user?.name ?? null,
		minPasswordLength
	};
};

function unusable() {
	return fail(410, { message: m.invite_unusable() });
}

export const actions: Actions = {
	// A facilitator who already has an account joins while signed in.
	join: ({ params, locals }) => {
		if (!locals.user) throw redirect(303, `/sign-in?redirectTo=/invite/${params.token}`);
		const groupId = acceptInvitation(params.token, locals.user.id);
		if (!groupId) return unusable();
		throw redirect(303, `/groups/${groupId}`);
	},
	register: async ({ params, request, cookies, url, getClientAddress }) => {
		if (inspectInvitation(params.token).state !== 'valid') return unusable();
		const parsed = parseForm(newAccount, await readForm(request));
		if (!parsed.success) return fail(400, { message: parsed.message, values: parsed.values });
		const found = await accountForInvitation(parsed.data, getClientAddress);
		if ('refused' in found) {
			const { name, email } = parsed.data;
			const message = found.refused === 'wrong' ? m.invite_error_account() : m.account_error_too_many();
			return fail(found.refused === 'wrong' ? 400 : 429, { message, values: { name, email } });
		}
		const groupId = acceptInvitation(params.token, found.user.id);
		startAuthSession(cookies, url, found.user.id, request.headers.get('user-agent') ?? '');
		throw redirect(303, groupId ? `/groups/${groupId}` : '/groups');
	}
};
