import * as v from 'valibot';
import { actorKinds } from '$lib/server/db/participants';
import { consentChoices } from '$lib/server/db/consents';
import { m } from '$lib/paraglide/messages';
import { optionalText, readable } from './form';

const invalid = () => m.error_invalid_form();

export const joinCodeInput = v.object({
	code: v.pipe(
		v.string(() => m.join_error_code()),
		v.trim(),
		v.nonEmpty(() => m.join_error_code()),
		v.maxLength(20, () => m.join_error_code())
	)
});

export const checkin = v.object({
	availability: v.pipe(
		v.string(() => m.checkin_error()),
		v.regex(/^[1-5]$/, () => m.checkin_error()),
		v.transform(Number)
	),
	word: optionalText(30, () => m.checkin_error_word())
});

export const identity = v.object({
	displayName: optionalText(40, () => m.identity_error_name()),
	actorKind: v.pipe(
		v.optional(v.string(), ''),
		v.union([v.literal(''), v.picklist(actorKinds)], invalid),
		v.transform((value) => (value === '' ? null : value))
	)
});

export const consent = v.object({
	ruleId: v.pipe(v.string(invalid), v.regex(/^\d{1,15}$/, invalid), v.transform(Number)),
	choice: v.picklist(consentChoices, invalid)
});

/** "x" stands for "I can't say", stored as null, never as 0. */
const rating = v.pipe(
	v.string(() => m.answer_error_rating()),
	v.picklist(['0', '1', '2', '3', '4', 'x'], () => m.answer_error_rating()),
	v.transform((value) => (value === 'x' ? null : (Number(value) as 0 | 1 | 2 | 3 | 4)))
);

export const answer = v.object({
	level: v.pipe(v.string(invalid), v.regex(/^[a-z0-9-]{1,40}$/, invalid)),
	principleId: v.pipe(v.string(invalid), v.regex(/^[a-z0-9-]{1,60}$/, invalid)),
	a: rating,
	b: rating
});

export const card = v.object({
	text: v.pipe(
		v.string(() => m.card_error_empty()),
		v.trim(),
		v.nonEmpty(() => m.card_error_empty()),
		v.maxLength(280, () => m.card_error_too_long()),
		readable()
	)
});

export const feedback = v.pipe(
	v.object({
		keep: optionalText(1000, () => m.feedback_error_too_long()),
		missing: optionalText(1000, () => m.feedback_error_too_long()),
		lived: optionalText(1000, () => m.feedback_error_too_long())
	}),
	v.check(
		(input) => Boolean(input.keep || input.missing || input.lived),
		() => m.feedback_error_empty()
	)
);
