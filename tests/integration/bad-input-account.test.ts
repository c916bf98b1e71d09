import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerAccount } from '$lib/server/auth/accounts';
import { createAuthSession } from '$lib/server/auth/auth-session';
import { generateToken } from '$lib/server/auth/tokens';
import { cookieName } from '$lib/paraglide/runtime';
import { anyForm, badForm, summary, validForm } from './bad-input-fields';
import { routes } from './bad-input-specs';
import { useWorld, type World } from './bad-input-world';
import { callAction, TestCookies, useTempDatabase } from './helpers';
import { refuseAll } from './refusal';

const world = useWorld();

const action = (route: string, name = 'default') => routes[route]!.actions[name];
const forgedToken = fc.oneof(
	fc.string({ minLength: 1, maxLength: 80 }),
	fc.constant(0).map(() => generateToken())
);

describe('bad input to the account pages', () => {
	it('/setup answers 404 to anything once a facilitator exists', async () => {
		const setup = (form: FormData) => callAction(action('(site)/setup'), { path: '/setup', form });
		await refuseAll(
			anyForm.map((form) => ({ label: summary(form), act: () => setup(form) })),
			20
		);
	});

	it('/setup refuses a bad first account and creates nothing', async () => {
		// Setup is open only on an empty database.
		const empty = useTempDatabase();
		try {
			const { fields } = routes['(site)/setup']!.specs.default!;
			const setup = (form: FormData) => callAction(action('(site)/setup'), { path: '/setup', form });
			await refuseAll(
				badForm(fields, world).map((form) => ({ label: summary(form), act: () => setup(form) })),
				60
			);
		} finally {
			empty.cleanup();
		}
	});

	it('/sign-in refuses malformed forms without counting a failure, and wrong ones with its own message', async () => {
		const { fields } = routes['(site)/sign-in']!.specs.default!;
		const signIn = (form: FormData) => callAction(action('(site)/sign-in'), { path: '/sign-in', form });
		await registerAccount({ name: 'Camille', email: 'camille@example.org', password: 'une phrase assez longue' });
		const wrong = fc
			.string({ minLength: 1, maxLength: 60 })
			.filter((p) => p !== 'une phrase assez longue')
			.map((password) => {
				const form = new FormData();
				form.append('email', 'camille@example.org');
				form.append('password', password);
				return form;
			});
		await refuseAll(
			fc.oneof(
				badForm(fields, world).map((form) => ({ label: summary(form), act: () => signIn(form) })),
				wrong.map((form) => ({
					label: 'wrong password',
					act: () => signIn(form),
					// Counting failures is what locks an email after ten of them: the one designed write.
					exclude: { sign_in_failures: 'all' as const }
				}))
			),
			40
		);
	});

	it('/account refuses bad forms, and changes neither the password nor the sign-ins', async () => {
		const route = '(site)/(facilitator)/account';
		const user = await registerAccount({ name: 'Lou', email: 'lou@example.org', password: 'une phrase assez longue' });
		const { session } = createAuthSession(user!.id);
		createAuthSession(user!.id);
		const call = (name: string, form: FormData) =>
			callAction(action(route, name), { path: `/account?/${name}`, form, user, authSession: session });
		const specs = routes[route]!.specs;
		await refuseAll(
			fc.oneof(
				badForm(specs.changePassword!.fields, world).map((form) => ({
					label: `changePassword ${summary(form)}`,
					act: () => call('changePassword', form),
					// A wrong current password counts towards the lockout, as a sign-in does.
					exclude: { sign_in_failures: 'all' as const }
				})),
				badForm(specs.signOutOne!.fields, world).map((form) => ({
					label: `signOutOne ${summary(form)}`,
					act: () => call('signOutOne', form)
				}))
			),
			40
		);
	});

	it('/sign-out without an auth session only sends to sign-in', async () => {
		const signOut = (form: FormData) => callAction(action('(site)/sign-out'), { path: '/sign-out', form });
		await refuseAll(
			anyForm.map((form) => ({ label: 'sign out', act: () => signOut(form), redirectTo: /^\/sign-in$/ })),
			10
		);
	});

	it('/locale ignores an unknown language and never leaves the site', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 }), async (locale, back) => {
				const form = new FormData();
				form.append('locale', locale);
				form.append('redirectTo', back);
				const cookies = new TestCookies();
				const outcome = await callAction(action('(site)/locale'), { path: '/locale', form, cookies });
				expect(outcome).toMatchObject({ type: 'redirect', status: 303 });
				expect((outcome as { location: string }).location).toMatch(/^\/(?![/\\])/);
				if (!['fr', 'en'].includes(locale)) expect(cookies.get(cookieName)).toBeUndefined();
			}),
			{ numRuns: 40 }
		);
	});

	it('/invite refuses forged and used tokens, and a bad account on a valid one', async () => {
		const route = '(site)/invite/[token]';
		const { fields } = routes[route]!.specs.register!;
		const call = (name: string, token: string, form: FormData, user: World['owner'] | null = world.stranger) =>
			callAction(action(route, name), { path: `/invite/${token}?/${name}`, params: { token }, form, user });
		const tokens = fc.oneof(
			forgedToken,
			fc.constant(0).map(() => world.usedInvitation)
		);
		await refuseAll(
			fc.oneof(
				tokens.map((token) => ({ label: `join ${token}`, act: () => call('join', token, new FormData()) })),
				tokens.map((token) => ({
					label: `register ${token}`,
					act: () => call('register', token, validForm(fields, world), null)
				})),
				fc.constant({
					label: 'join signed out',
					act: () => call('join', world.invitation, new FormData(), null),
					redirectTo: /^\/sign-in\?redirectTo=\/invite\//
				}),
				fc.constant(0).chain(() =>
					badForm(fields, world).map((form) => ({
						label: summary(form),
						act: () => call('register', world.invitation, form, null)
					}))
				)
			),
			60
		);
	});
});
