import * as v from 'valibot';
import { roles } from '$lib/server/auth/permissions';
import { m } from '$lib/paraglide/messages';
import { defaultThreshold } from '$lib/scoring/disclosure';
import { optionalText, requiredText } from './form';

export const minThreshold = 3;

export const groupFields = v.object({
	name: requiredText(
		120,
		() => m.error_group_name_required(),
		() => m.error_group_name_too_long()
	),
	description: optionalText(2000, () => m.error_description_too_long()),
	anonymityThreshold: v.pipe(
		v.optional(v.string(), String(defaultThreshold)),
		v.transform(Number),
		v.number(() => m.error_threshold()),
		v.integer(() => m.error_threshold()),
		v.minValue(minThreshold, () => m.error_threshold()),
		v.maxValue(50, () => m.error_threshold())
	)
});

const positiveId = v.pipe(
	v.string(() => m.error_invalid_form()),
	v.regex(/^\d{1,15}$/, () => m.error_invalid_form()),
	v.transform(Number)
);

export const groundRuleText = v.object({
	text: requiredText(
		500,
		() => m.error_rule_required(),
		() => m.error_rule_too_long()
	)
});

export const groundRuleEdit = v.object({
	ruleId: positiveId,
	text: requiredText(
		500,
		() => m.error_rule_required(),
		() => m.error_rule_too_long()
	)
});

export const groundRuleRef = v.object({ ruleId: positiveId });

export const groundRuleMove = v.object({
	ruleId: positiveId,
	direction: v.pipe(
		v.picklist(['up', 'down'], () => m.error_invalid_form()),
		v.transform((d) => (d === 'up' ? -1 : 1) as -1 | 1)
	)
});

export const invitation = v.object({
	role: v.picklist(['facilitator', 'viewer'], () => m.error_invalid_form())
});

export const invitationRef = v.object({
	invitationId: v.pipe(
		v.string(() => m.error_invalid_form()),
		v.regex(/^[0-9a-f]{64}$/, () => m.error_invalid_form())
	)
});

export const memberRole = v.object({
	userId: positiveId,
	role: v.picklist(roles, () => m.error_invalid_form())
});

export const memberRef = v.object({ userId: positiveId });

export const deleteConfirmation = v.object({
	confirmName: v.pipe(
		v.string(() => m.error_confirm_name()),
		v.trim()
	)
});
