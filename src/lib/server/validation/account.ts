import * as v from 'valibot';
import { minPasswordLength } from '$lib/server/auth/password';
import { m } from '$lib/paraglide/messages';
import { readable, requiredText } from './form';

const email = v.pipe(
	v.string(() => m.error_email_invalid()),
	v.trim(),
	v.toLowerCase(),
	v.email(() => m.error_email_invalid()),
	v.maxLength(254, () => m.error_email_invalid())
);

const accountEntries = {
	name: requiredText(
		80,
		() => m.error_name_required(),
		() => m.error_name_too_long()
	),
	email,
	password: v.pipe(
		v.string(() => m.error_password_too_short({ min: minPasswordLength })),
		v.minLength(minPasswordLength, () => m.error_password_too_short({ min: minPasswordLength })),
		v.maxLength(256, () => m.error_password_too_long()),
		readable()
	),
	passwordConfirm: v.string(() => m.error_password_mismatch())
};

/** A new facilitator account: at /setup or through an invitation. */
export const newAccount = v.pipe(
	v.object(accountEntries),
	v.forward(
		v.check(
			(input) => input.password === input.passwordConfirm,
			() => m.error_password_mismatch()
		),
		['passwordConfirm']
	)
);

export const signIn = v.object({
	email,
	password: v.pipe(
		v.string(() => m.error_password_required()),
		v.nonEmpty(() => m.error_password_required()),
		// No password is longer (see newAccount): a huge one is refused before it costs a hash.
		v.maxLength(256, () => m.error_password_too_long())
	)
});

/** A new password for a signed-in user, who types the current one first. */
export const passwordChange = v.pipe(
	v.object({
		current: signIn.entries.password,
		password: accountEntries.password,
		passwordConfirm: accountEntries.passwordConfirm
	}),
	v.forward(
		v.check(
			(input) => input.password === input.passwordConfirm,
			() => m.error_password_mismatch()
		),
		['passwordConfirm']
	)
);

/** One of the user's sign-ins, by the id the account page shows. */
export const signInRef = v.object({
	id: v.pipe(
		v.string(() => m.error_invalid_form()),
		v.regex(/^[0-9a-f]{64}$/, () => m.error_invalid_form())
	)
});
