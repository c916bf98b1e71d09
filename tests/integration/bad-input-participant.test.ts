import fc from 'fast-check';
import { describe, it } from 'vitest';
import { generateToken } from '$lib/server/auth/tokens';
import { participantCookieName } from '$lib/server/sessions/participation';
import { badForm, summary, validForm } from './bad-input-fields';
import { routes } from './bad-input-specs';
import { atActivity, useWorld, tokenOf } from './bad-input-world';
import { callAction, TestCookies } from './helpers';
import { refuseAll, type Case } from './refusal';

const world = useWorld();

const phone = routes['j/[code=joincode]']!;
const joinAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'.split('');

/** Well-formed join codes that no session has. */
const unknownCode = fc
	.array(fc.constantFrom(...joinAlphabet), { minLength: 6, maxLength: 6 })
	.map((letters) => letters.join(''))
	.filter((code) => code !== world.liveCode && code !== world.otherCode);

function call(name: string, form: FormData, cookies: TestCookies, code = world.liveCode) {
	return callAction(phone.actions[name], { path: `/j/${code}?/${name}`, params: { code }, form, cookies });
}

/** The phone's cookie carrying some other token: forged, or a participant's of another session. */
function cookieWith(token: string): TestCookies {
	return new TestCookies({ [participantCookieName(world.liveId)]: token });
}

describe('bad input from a phone', () => {
	for (const [name, spec] of Object.entries(phone.specs)) {
		const activity = spec.activity;
		if (!activity) continue;
		it(`${name}: refuses bad fields, strangers' tokens and a closed activity, changing nothing`, async () => {
			const open = () => atActivity(world, activity);
			const cases: fc.Arbitrary<Case>[] = [
				fc
					.constant(0)
					.chain(() => badForm(spec.fields, world))
					.map((form) => ({
						label: `bad fields ${summary(form)}`,
						prepare: open,
						act: () => call(name, form, world.phone)
					})),
				fc
					.oneof(
						fc.string({ maxLength: 60 }),
						fc.constant(0).map(() => generateToken())
					)
					.map((token) => ({
						label: `forged token ${JSON.stringify(token)}`,
						prepare: open,
						act: () => call(name, validForm(spec.fields, world), cookieWith(token))
					})),
				fc.constant({
					label: 'token of another session, replayed',
					prepare: open,
					act: () => call(name, validForm(spec.fields, world), cookieWith(tokenOf(world.otherPhone, world.otherId)))
				}),
				fc.constant({
					label: 'no cookie',
					prepare: open,
					act: () => call(name, validForm(spec.fields, world), new TestCookies())
				}),
				unknownCode.map((code) => ({
					label: `unknown code ${code}`,
					act: () => call(name, validForm(spec.fields, world), world.phone, code)
				})),
				fc.constant({
					label: 'activity closed',
					prepare: () => atActivity(world, activity, 'closed'),
					act: () => call(name, validForm(spec.fields, world), world.phone)
				})
			];
			await refuseAll(fc.oneof(...cases), 60);
		});
	}

	it('join: refuses a code that no live session has', async () => {
		await refuseAll(
			unknownCode.map((code) => ({
				label: `unknown code ${code}`,
				act: () => call('join', new FormData(), new TestCookies(), code)
			})),
			15
		);
	});

	it('the code form (/j): refuses malformed and unknown codes', async () => {
		const join = routes['j']!;
		const act = (form: FormData) => callAction(join.actions.default, { path: '/j', form });
		const typed = unknownCode.map((code) => {
			const form = new FormData();
			form.append('code', code);
			return form;
		});
		await refuseAll(
			fc
				.oneof(badForm(join.specs.default!.fields, world), typed)
				.map((form) => ({ label: summary(form), act: () => act(form) })),
			40
		);
	});
});
